import Foundation
import Logging
import PostgresNIO
import QuoteCore
import QuoteWebhooks

extension PostgresQuoteRepository {
    /// The advisory lock of one quote's lifecycle: decisions, revisions and voids of a quote take
    /// it first, so that the state they check stays true until they commit, on any instance.
    static func quoteLockKey(_ number: String) -> String { "quote:" + number }

    static func lockQuote(_ connection: PostgresConnection, _ number: String, logger: Logger) async throws {
        try await connection.query(
            "SELECT pg_advisory_xact_lock(hashtextextended(\(quoteLockKey(number)), 0))", logger: logger)
    }

    /// The quote under its lock (decisions and voids), or ``StoreError/notFound``.
    static func lockedRecord(_ connection: PostgresConnection, _ number: String, logger: Logger) async throws
        -> QuoteRecord
    {
        try await lockQuote(connection, number, logger: logger)
        guard let record = try await fetchRecord(connection, number: number, logger: logger) else {
            throw StoreError.notFound
        }
        return record
    }

    /// What a replaced or withdrawn quote gives up: the benefits it granted, its queued e-mails.
    static func release(_ connection: PostgresConnection, _ number: String, logger: Logger) async throws {
        try await connection.query(
            "DELETE FROM benefit_ledger WHERE quote_number = \(number)", logger: logger)
        try await connection.query(
            """
            UPDATE outbox SET state = 'cancelled', claimed_until = NULL, customer_token = NULL
            WHERE quote_number = \(number) AND state = 'pending'
            """, logger: logger)
    }

    public func void(_ request: VoidRequest) async throws -> QuoteRecord {
        try await transaction { connection in try await Self.void(connection, request, logger: self.logger) }
    }

    /// Withdraws a quote in the caller's transaction.
    static func void(_ connection: PostgresConnection, _ request: VoidRequest, logger: Logger) async throws
        -> QuoteRecord
    {
        let record = try await Self.lockedRecord(connection, request.number, logger: logger)
        try LifecycleSteps.checkVoid(request, on: record)
        try await Self.release(connection, request.number, logger: logger)
        try await connection.query(
            """
            INSERT INTO voids (quote_number, reason, voided_at, voided_by)
            VALUES (\(request.number), \(request.reason), \(request.at.timeIntervalSince1970), \(request.voidedBy))
            """, logger: logger)
        try await Self.appendEvent(connection, request.number, EventDrafts.voided(request), logger: logger)
        try await WebhookOutbox.enqueue(
            connection, numbers: [request.number], type: .voided, at: request.at, logger: logger)
        guard
            let voided = try await Self.fetchRecord(
                connection, number: request.number, logger: logger)
        else { throw StoreError.notFound }
        return voided
    }

    public func outbox(quoteNumber number: String) async throws -> [OutboxMessage] {
        try await withConnection { connection in
            try await Self.rows(
                connection,
                "SELECT \(unescaped: Self.outboxColumns) FROM outbox WHERE quote_number = \(number) ORDER BY id",
                logger: self.logger
            ).map(Self.outbox)
        }
    }
}
