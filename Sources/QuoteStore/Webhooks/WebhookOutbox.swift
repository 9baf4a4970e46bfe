import Foundation
import GRDB
import Logging
import PostgresNIO
import QuoteWebhooks

/// Queues an event's deliveries, one row per subscribed endpoint, inside the transaction that
/// makes the change (issue, decide, revise, void, first view, expiry): the event is delivered
/// exactly when the change is committed. One call per write path.
enum WebhookOutbox {
    /// SQLite: the deliveries of event `type` of quote `number`; returns how many.
    @discardableResult
    static func enqueue(_ db: Database, number: String, type: WebhookEventType, at: Date) throws -> Int {
        let t = at.timeIntervalSince1970
        try db.cachedStatement(
            sql: """
                INSERT INTO webhook_deliveries (event_id, endpoint_id, quote_number, event_type, occurred_at,
                    next_attempt_at, created_at)
                SELECT ?, w.id, q.number, ?, ?, ?, ? FROM quotes q JOIN webhook_endpoints w
                    ON \(WebhookSQL.subscribersOfQuote) AND instr(w.events, ?) > 0
                WHERE q.number = ? ORDER BY w.id
                """
        ).execute(arguments: [
            WebhookIDs.event(), type.rawValue, t, t, t, WebhookSQL.subscriberNeedle(type.rawValue), number,
        ])
        return db.changesCount
    }

    /// PostgreSQL: the deliveries of event `type` of each quote of `numbers` (a batch of issues
    /// in one statement); returns how many.
    @discardableResult
    static func enqueue(
        _ connection: PostgresConnection, numbers: [String], type: WebhookEventType, at: Date, logger: Logger
    ) async throws -> Int {
        let t = at.timeIntervalSince1970
        let eventIDs = numbers.map { _ in WebhookIDs.event() }
        let rows = try await connection.query(
            """
            INSERT INTO webhook_deliveries (event_id, endpoint_id, quote_number, event_type, occurred_at,
                next_attempt_at, created_at)
            SELECT e.event_id, w.id, q.number, \(type.rawValue), \(t), \(t), \(t)
            FROM unnest(\(numbers)::text[], \(eventIDs)::text[]) WITH ORDINALITY AS e(number, event_id, ord)
            JOIN quotes q ON q.number = e.number
            JOIN webhook_endpoints w ON \(unescaped: WebhookSQL.subscribersOfQuote)
                AND w.events LIKE \(WebhookSQL.subscriberPattern(type.rawValue))
            ORDER BY e.ord, w.id
            RETURNING id
            """, logger: logger)
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }
}
