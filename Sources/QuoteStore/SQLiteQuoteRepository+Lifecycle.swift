import Foundation
import GRDB
import QuoteCore

extension SQLiteQuoteRepository {
    /// Refuses (before any write) a revision of a quote that is unknown, in another market,
    /// decided, replaced or void.
    static func checkRevisable(_ db: Database, _ number: String, market: MarketCode) throws {
        guard let old = try fetchRecord(db, number: number) else {
            throw RefusedBeforeWriting(reason: StoreError.notFound)
        }
        guard old.market == market else {
            throw RefusedBeforeWriting(reason: StoreError.lifecycle(.otherMarket(expected: old.market.rawValue)))
        }
        do {
            // Expiry does not matter here: an expired quote may be revised.
            try QuoteLifecycle.checkRevision(state: old.state(today: CivilDate(dayNumber: 0)))
        } catch {
            throw RefusedBeforeWriting(reason: StoreError.lifecycle(error))
        }
    }

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
        try await writer.write { db in
            guard let record = try Self.fetchRecord(db, number: request.number) else {
                throw StoreError.notFound
            }
            do {
                try QuoteLifecycle.checkVoid(state: record.state(today: request.today))
            } catch let error as LifecycleError {
                throw StoreError.lifecycle(error)
            }
            try Self.release(db, request.number)
            try db.execute(
                sql: "INSERT INTO voids (quote_number, reason, voided_at, voided_by) VALUES (?, ?, ?, ?)",
                arguments: [
                    request.number, request.reason, request.at.timeIntervalSince1970, request.voidedBy,
                ])
            guard let voided = try Self.fetchRecord(db, number: request.number) else {
                throw StoreError.notFound
            }
            return voided
        }
    }
}
