import Foundation
import Logging
import PostgresNIO
import QuoteCore

extension PostgresQuoteRepository {
    public func enqueueEmail(_ request: EmailRequest) async throws -> OutboxMessage {
        let token = CustomerToken.generate()
        return try await transaction { connection in
            guard try await Self.fetchRecord(connection, number: request.number, logger: self.logger) != nil
            else {
                throw StoreError.notFound
            }
            return try await Self.insertOutbox(connection, request, token: token, logger: self.logger)
        }
    }

    public func addCustomerToken(number: String, by actor: EventActor?) async throws -> String {
        let token = CustomerToken.generate()
        try await transaction { connection in
            guard try await Self.fetchRecord(connection, number: number, logger: self.logger) != nil else {
                throw StoreError.notFound
            }
            try await connection.query(
                "INSERT INTO customer_tokens (token_hash, quote_number) VALUES (\(CustomerToken.hash(token)), \(number))",
                logger: self.logger)
            try await Self.appendEvent(
                connection, number, EventDrafts.linkMade(at: Date(), actor: actor), logger: self.logger)
        }
        return token
    }

    /// Queues an e-mail with a fresh customer link token (only its hash is kept as a token).
    static func insertOutbox(
        _ connection: PostgresConnection, _ request: EmailRequest, token: String, logger: Logger
    )
        async throws -> OutboxMessage
    {
        let now = request.now.timeIntervalSince1970
        try await connection.query(
            "INSERT INTO customer_tokens (token_hash, quote_number) VALUES (\(CustomerToken.hash(token)), \(request.number))",
            logger: logger)
        let rows = try await Self.rows(
            connection,
            """
            INSERT INTO outbox (quote_number, recipient, language, customer_token, next_attempt_at, created_at, kind)
            VALUES (\(request.number), \(request.recipient), \(request.language), \(token), \(now), \(now),
                \(request.kind.rawValue))
            RETURNING \(unescaped: Self.outboxColumns)
            """, logger: logger)
        guard let row = rows.first else { throw StoreError.notFound }
        let message = try Self.outbox(row)
        try await appendEvent(
            connection, request.number, EventDrafts.queued(message, at: request.now, actor: request.actor),
            logger: logger)
        return message
    }

    /// Claims due messages with `FOR UPDATE SKIP LOCKED`: instances claiming at the same moment
    /// take different rows, and none waits for another.
    public func claimOutbox(limit: Int, now: Date, lease: TimeInterval) async throws -> [OutboxMessage] {
        let t = now.timeIntervalSince1970
        let until = t + lease
        let rows = try await withConnection { connection in
            try await Self.rows(
                connection,
                """
                UPDATE outbox SET claimed_until = \(until), attempts = attempts + 1
                WHERE id IN (
                    SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= \(t)
                    AND (claimed_until IS NULL OR claimed_until <= \(t))
                    AND quote_number NOT IN (SELECT quote_number FROM voids)
                    AND quote_number NOT IN (SELECT old_number FROM revisions)
                    ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: Self.outboxColumns)
                """, logger: self.logger)
        }
        return try rows.map(Self.outbox).sorted { $0.id < $1.id }
    }

    public func markSent(outboxID: Int64, at: Date) async throws {
        let t = at.timeIntervalSince1970
        try await transaction { connection in
            try await connection.query(
                """
                UPDATE outbox SET state = 'sent', sent_at = \(t), claimed_until = NULL, customer_token = NULL,
                    last_error = NULL WHERE id = \(outboxID)
                """, logger: self.logger)
            try await Self.recordDelivery(connection, outboxID, EventDrafts.sent(at: at), logger: self.logger)
        }
    }

    public func markFailed(outboxID: Int64, error: String, retryAt: Date?) async throws {
        try await transaction { connection in
            if let retryAt {
                try await connection.query(
                    """
                    UPDATE outbox SET next_attempt_at = \(retryAt.timeIntervalSince1970), claimed_until = NULL,
                        last_error = \(error) WHERE id = \(outboxID)
                    """, logger: self.logger)
            } else {
                try await connection.query(
                    """
                    UPDATE outbox SET state = 'failed', claimed_until = NULL, customer_token = NULL,
                        last_error = \(error) WHERE id = \(outboxID)
                    """, logger: self.logger)
            }
            try await Self.recordDelivery(
                connection, outboxID, EventDrafts.failed(error, retryAt: retryAt), logger: self.logger)
        }
    }

    /// The `emailed` event of an attempt on outbox message `id` (`draft` given its id and kind).
    static func recordDelivery(
        _ connection: PostgresConnection, _ id: Int64, _ draft: (OutboxMessage) -> EventDraft, logger: Logger
    ) async throws {
        let rows = try await Self.rows(
            connection, "SELECT \(unescaped: Self.outboxColumns) FROM outbox WHERE id = \(id)", logger: logger
        )
        guard let message = try rows.first.map(Self.outbox) else { return }
        try await appendEvent(connection, message.quoteNumber, draft(message), logger: logger)
    }

    public func outboxMessage(id: Int64) async throws -> OutboxMessage? {
        try await withConnection { connection in
            try await Self.rows(
                connection, "SELECT \(unescaped: Self.outboxColumns) FROM outbox WHERE id = \(id)",
                logger: self.logger
            ).first.map(Self.outbox)
        }
    }

    static let outboxColumns = """
        id, quote_number, recipient, language, customer_token, state, attempts, last_error, kind, created_at, sent_at
        """

    static func outbox(_ row: PostgresRandomAccessRow) throws -> OutboxMessage { try OutboxMessage(row: row) }
}
