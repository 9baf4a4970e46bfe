import Foundation

/// The event log's tables in both stores, and the back-fill of quotes stored before it
/// (`v6-events`).
///
/// `quote_events` is append-only: triggers refuse UPDATE and DELETE (SQLite `RAISE(ABORT)`,
/// a PostgreSQL trigger function that raises). Its primary key (quote_number, seq) is the last
/// guard against two events with one sequence number. `quote_views` counts the openings of
/// the customer link (the first one is also a `viewed` event); it is a counter, not evidence.
enum EventSchema {
    static let migrationName = "v6-events"

    static func table(integer: String, real: String) -> [String] {
        [
            """
            CREATE TABLE quote_events (
                quote_number TEXT NOT NULL REFERENCES quotes(number),
                seq \(integer) NOT NULL,
                kind TEXT NOT NULL,
                at_ms \(integer) NOT NULL,
                actor_kind TEXT NOT NULL,
                actor_name TEXT NOT NULL,
                actor_role TEXT,
                ip TEXT,
                user_agent TEXT,
                details TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL,
                PRIMARY KEY (quote_number, seq))
            """,
            """
            CREATE TABLE quote_views (
                quote_number TEXT PRIMARY KEY REFERENCES quotes(number),
                first_at \(real) NOT NULL,
                last_at \(real) NOT NULL,
                count \(integer) NOT NULL)
            """,
        ]
    }

    /// The acceptance evidence of a decision (``AcceptanceEvidence``), beside its other columns.
    static let evidenceColumns = AcceptanceEvidence.columns.map {
        "ALTER TABLE decisions ADD COLUMN \($0) TEXT"
    }

    static let sqliteStatements =
        table(integer: "INTEGER", real: "DOUBLE") + evidenceColumns + [
            """
            CREATE TRIGGER quote_events_no_update BEFORE UPDATE ON quote_events
                BEGIN SELECT RAISE(ABORT, 'quote events are append-only'); END
            """,
            """
            CREATE TRIGGER quote_events_no_delete BEFORE DELETE ON quote_events
                BEGIN SELECT RAISE(ABORT, 'quote events are append-only'); END
            """,
        ]

    /// `refuse_update` is `v1-quotes`'s trigger function (it raises its argument).
    static let postgresStatements =
        table(integer: "BIGINT", real: "DOUBLE PRECISION") + evidenceColumns + [
            """
            CREATE TRIGGER quote_events_append_only BEFORE UPDATE OR DELETE ON quote_events
                FOR EACH ROW EXECUTE FUNCTION refuse_update('quote events are append-only')
            """,
            """
            CREATE TRIGGER quote_events_no_truncate BEFORE TRUNCATE ON quote_events
                FOR EACH STATEMENT EXECUTE FUNCTION refuse_update('quote events are append-only')
            """,
        ]

    /// What the back-fill reads of each stored quote.
    static let backfillSelect = """
        SELECT q.number, q.quote_json, q.created_at, q.issuer, d.decision, d.decided_at, d.decided_by,
            d.decided_by_role, d.channel, d.final_json
        FROM quotes q LEFT JOIN decisions d ON d.quote_number = q.number ORDER BY q.id
        """

    struct StoredQuote {
        var number: String, quoteJSON: String, createdAt: Date, issuer: String
        var decision: String?, decidedAt: Date?, decidedBy: String?, role: String?, channel: String?
        var finalJSON: String?

        init(row: some ColumnReader) throws {
            number = try row.string("number")
            quoteJSON = try row.string("quote_json")
            createdAt = try row.date("created_at")
            issuer = try row.string("issuer")
            decision = try row.optionalString("decision")
            decidedAt = try row.optionalDate("decided_at")
            decidedBy = try row.optionalString("decided_by")
            role = try row.optionalString("decided_by_role")
            channel = try row.optionalString("channel")
            finalJSON = try row.optionalString("final_json")
        }
    }

    /// An `issued` event per quote, and a `decided` one where it has a decision, each with
    /// `migrated: true` and the times and names the store kept.
    static func backfill(_ quotes: [StoredQuote]) -> [QuoteEvent] {
        var events: [QuoteEvent] = []
        for quote in quotes {
            let issued = EventChain.link(
                EventDraft(
                    kind: .issued, at: quote.createdAt, actor: EventActor(kind: .staff, name: quote.issuer),
                    details: EventDetails(["migrated": .flag(true)])),
                number: quote.number, sequence: 1, previousHash: EventChain.quoteHash(quote.quoteJSON))
            events.append(issued)
            guard let decision = quote.decision, let at = quote.decidedAt, let finalJSON = quote.finalJSON
            else {
                continue
            }
            var details = EventDetails(["migrated": .flag(true), "decision": .text(decision)])
            details.set("channel", quote.channel)
            details.set("finalSHA256", Digest.sha256Hex(Array(finalJSON.utf8)))
            let actor = EventDrafts.decider(quote.decidedBy ?? "", role: quote.role)
            events.append(
                EventChain.link(
                    EventDraft(kind: .decided, at: at, actor: actor, details: details),
                    number: quote.number, sequence: 2, previousHash: issued.hash))
        }
        return events
    }
}
