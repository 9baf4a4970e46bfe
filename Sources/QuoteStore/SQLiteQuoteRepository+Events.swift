import Foundation
import GRDB

extension SQLiteQuoteRepository {
    /// Links `draft` after the last event of `number` and inserts it, in the caller's transaction.
    ///
    /// Two writers never fork a chain: every write transaction begins IMMEDIATE (GRDB's default
    /// for writes), so it holds SQLite's write lock before it reads the last event, and a second
    /// connection or process waits (the busy timeout) and then reads the new last event; the
    /// primary key (quote_number, seq) refuses a second event `n` should anything skip that.
    @discardableResult
    static func appendEvent(_ db: Database, _ number: String, _ draft: EventDraft) throws -> QuoteEvent {
        let last = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT seq, hash FROM quote_events WHERE quote_number = ? ORDER BY seq DESC LIMIT 1"),
            arguments: [number])
        let previous: (sequence: Int, hash: String)
        if let last {
            previous = (last["seq"], last["hash"])
        } else {
            guard
                let json = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT quote_json FROM quotes WHERE number = ?"),
                    arguments: [number])
            else { throw StoreError.notFound }
            previous = (0, EventChain.quoteHash(json))
        }
        let event = EventChain.link(
            draft, number: number, sequence: previous.sequence + 1, previousHash: previous.hash)
        try insertEvent(db, event)
        return event
    }

    static func insertEvent(_ db: Database, _ event: QuoteEvent) throws {
        try db.cachedStatement(
            sql:
                "INSERT INTO quote_events (\(QuoteEvent.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [
            event.quoteNumber, event.sequence, event.kind.rawValue, event.atMilliseconds,
            event.actor.kind.rawValue,
            event.actor.name, event.actor.role, event.client?.ip, event.client?.userAgent, event.details,
            event.previousHash, event.hash,
        ])
    }

    public func events(number: String) async throws -> [QuoteEvent] {
        try await writer.read { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT \(QuoteEvent.columns) FROM quote_events WHERE quote_number = ? ORDER BY seq"),
                arguments: [number]
            ).map(QuoteEvent.init(row:))
        }
    }

    public func events(after: EventCursor?, limit: Int) async throws -> [QuoteEvent] {
        try await writer.read { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT \(QuoteEvent.columns) FROM quote_events WHERE (quote_number, seq) > (?, ?)
                        ORDER BY quote_number, seq LIMIT ?
                        """),
                arguments: [after?.quoteNumber ?? "", after?.sequence ?? 0, limit]
            ).map(QuoteEvent.init(row:))
        }
    }

    public func appendEvent(number: String, _ draft: EventDraft) async throws -> QuoteEvent {
        try await writer.write { db in try Self.appendEvent(db, number, draft) }
    }

    public func recordView(number: String, via: String, at: Date, client: EventClient?) async throws -> Int {
        try await writer.write { db in
            let count =
                try Int.fetchOne(
                    db.cachedStatement(
                        sql: """
                            INSERT INTO quote_views (quote_number, first_at, last_at, count) VALUES (?, ?, ?, 1)
                            ON CONFLICT (quote_number) DO UPDATE SET last_at = excluded.last_at, count = count + 1
                            RETURNING count
                            """),
                    arguments: [number, at.timeIntervalSince1970, at.timeIntervalSince1970]) ?? 0
            if count == 1 {
                try Self.appendEvent(db, number, EventDrafts.viewed(at: at, via: via, client: client))
                try WebhookOutbox.enqueue(db, number: number, type: .viewed, at: at)
            }
            return count
        }
    }

    /// Walks every quote and its events in number order, a page of quotes at a time, reading each
    /// page's events in one ordered statement (see ``ChainVerifier``).
    public func verifyChains() async throws -> ChainVerification {
        try await writer.read { db in
            var verifier = ChainVerifier()
            var after = ""
            while true {
                let quotes = try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT q.number, q.quote_json, d.final_json FROM quotes q
                            LEFT JOIN decisions d ON d.quote_number = q.number
                            WHERE q.number > ? ORDER BY q.number LIMIT \(ChainPage.size)
                            """), arguments: [after])
                guard let last = quotes.last else { break }
                let events = try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT \(QuoteEvent.columns) FROM quote_events
                            WHERE quote_number > ? AND quote_number <= ? ORDER BY quote_number, seq
                            """), arguments: [after, last["number"] as String]
                ).map(QuoteEvent.init(row:))
                var page = ChainPage(events: events)
                for row in quotes {
                    page.append(
                        number: row["number"], quoteJSON: row["quote_json"], finalJSON: row["final_json"])
                }
                guard verifier.check(page: page.chains) else { return ChainVerification(verifier) }
                after = last["number"]
            }
            return ChainVerification(verifier)
        }
    }
}
