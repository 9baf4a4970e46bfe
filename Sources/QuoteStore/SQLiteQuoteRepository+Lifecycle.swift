import Foundation
import GRDB
import QuoteCore
import QuoteWebhooks

extension SQLiteQuoteRepository {
    /// What a quote that is replaced or withdrawn gives up: the one-time benefits it granted (a
    /// device never holds one benefit from two live quotes) and its e-mails still queued.
    static func release(_ db: Database, _ number: String) throws {
        try db.cachedStatement(sql: "DELETE FROM benefit_ledger WHERE quote_number = ?").execute(arguments: [
            number
        ])
        try db.cachedStatement(
            sql:
                "UPDATE outbox SET state = 'cancelled', claimed_until = NULL, customer_token = NULL WHERE quote_number = ? AND state = 'pending'"
        ).execute(arguments: [number])
    }

    public func void(_ request: VoidRequest) async throws -> QuoteRecord {
        try await writer.write { db in try Self.void(db, request) }
    }

    /// Withdraws a quote in the caller's transaction.
    static func void(_ db: Database, _ request: VoidRequest) throws -> QuoteRecord {
        guard let record = try Self.fetchRecord(db, number: request.number) else {
            throw StoreError.notFound
        }
        try LifecycleSteps.checkVoid(request, on: record)
        try Self.release(db, request.number)
        try db.execute(
            sql: "INSERT INTO voids (quote_number, reason, voided_at, voided_by) VALUES (?, ?, ?, ?)",
            arguments: [
                request.number, request.reason, request.at.timeIntervalSince1970, request.voidedBy,
            ])
        try Self.appendEvent(db, request.number, EventDrafts.voided(request))
        try WebhookOutbox.enqueue(db, number: request.number, type: .voided, at: request.at)
        guard let voided = try Self.fetchRecord(db, number: request.number) else {
            throw StoreError.notFound
        }
        return voided
    }
}
