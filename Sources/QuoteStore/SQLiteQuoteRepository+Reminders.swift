import Foundation
import GRDB
import QuoteCore

extension SQLiteQuoteRepository {
    public func reminderCandidates(
        validUntilFrom first: CivilDate, before end: CivilDate, after cursor: Int64, limit: Int
    ) async throws -> [SweepCandidate] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, number, market, valid_until, case_json FROM quotes
                    WHERE valid_until >= ? AND valid_until < ? AND id > ? AND \(WebhookSQL.open)
                    AND \(ReminderSQL.notReminded) ORDER BY id LIMIT ?
                    """,
                arguments: [first.description, end.description, cursor, limit]
            ).map { try SweepCandidate(row: $0) }
        }
    }

    public func recordReminder(_ request: EmailRequest, validUntil: CivilDate) async throws -> OutboxMessage?
    {
        let token = CustomerToken.generate()
        return try await writer.write { db -> OutboxMessage? in
            try db.execute(
                sql: """
                    INSERT INTO quote_reminders (quote_number, reminded_at, outbox_id)
                    SELECT number, ?, 0 FROM quotes WHERE number = ? AND \(WebhookSQL.open) AND \(ReminderSQL.notReminded)
                    """, arguments: [request.now.timeIntervalSince1970, request.number])
            guard db.changesCount == 1 else { return nil }
            let message = try Self.insertOutbox(db, request, token: token)
            try db.execute(
                sql: "UPDATE quote_reminders SET outbox_id = ? WHERE quote_number = ?",
                arguments: [message.id, request.number])
            try Self.appendEvent(
                db, request.number,
                EventDrafts.reminded(at: request.now, validUntil: validUntil, outboxID: message.id))
            try WebhookOutbox.enqueue(db, number: request.number, type: .reminded, at: request.now)
            return message
        }
    }
}
