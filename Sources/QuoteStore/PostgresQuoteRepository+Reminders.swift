import Foundation
import PostgresNIO
import QuoteCore

extension PostgresQuoteRepository {
    public func reminderCandidates(
        validUntilFrom first: CivilDate, before end: CivilDate, after cursor: Int64, limit: Int
    ) async throws -> [SweepCandidate] {
        try await withConnection { connection in
            try await Self.rows(
                connection,
                """
                SELECT id, number, market, valid_until, case_json FROM quotes
                WHERE valid_until >= \(first.description) AND valid_until < \(end.description) AND id > \(cursor)
                AND \(unescaped: WebhookSQL.open) AND \(unescaped: ReminderSQL.notReminded)
                ORDER BY id LIMIT \(limit)
                """, logger: self.logger
            ).map { try SweepCandidate(row: $0) }
        }
    }

    /// Under the quote's advisory lock, as expiries and decisions: of two instances sweeping at
    /// once, the second finds the reminder row of the first and queues nothing (the primary key
    /// would refuse a second row in any case).
    public func recordReminder(_ request: EmailRequest, validUntil: CivilDate) async throws -> OutboxMessage?
    {
        let token = CustomerToken.generate()
        return try await transaction { connection -> OutboxMessage? in
            try await Self.lockQuote(connection, request.number, logger: self.logger)
            let rows = try await Self.rows(
                connection,
                """
                INSERT INTO quote_reminders (quote_number, reminded_at, outbox_id)
                SELECT number, \(request.now.timeIntervalSince1970), 0 FROM quotes
                WHERE number = \(request.number) AND \(unescaped: WebhookSQL.open)
                AND \(unescaped: ReminderSQL.notReminded)
                RETURNING quote_number
                """, logger: self.logger)
            guard !rows.isEmpty else { return nil }
            let message = try await Self.insertOutbox(connection, request, token: token, logger: self.logger)
            try await connection.query(
                "UPDATE quote_reminders SET outbox_id = \(message.id) WHERE quote_number = \(request.number)",
                logger: self.logger)
            try await Self.appendEvent(
                connection, request.number,
                EventDrafts.reminded(at: request.now, validUntil: validUntil, outboxID: message.id),
                logger: self.logger)
            try await WebhookOutbox.enqueue(
                connection, numbers: [request.number], type: .reminded, at: request.now, logger: self.logger)
            return message
        }
    }
}
