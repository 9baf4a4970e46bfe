import Foundation
import GRDB
import QuoteCore

/// The embedded store: SQLite through GRDB, one serialised connection (`DatabaseQueue`) on a WAL
/// file, or in memory for tests. Every read and write goes through that one connection, so
/// numbering and the benefit ledger are consistent under concurrent requests.
///
/// Not a `DatabasePool`: its reader pool blocks a thread on a semaphore while it waits for a
/// connection, and under 32 concurrent requests every thread of Swift's cooperative pool ended up
/// blocked there, holding up the tasks that would have returned the connections (a deadlock).
public final class SQLiteQuoteRepository: QuoteRepository {
    let writer: any DatabaseWriter
    /// Group commit of issues (see ``IssueBatcher``).
    let batcher: IssueBatcher

    /// Opens (creating and migrating as needed) the database file at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.journalMode = .wal
        // GRDB sets `synchronous = NORMAL` in WAL mode, where a commit is not yet on disk and a
        // power cut can lose issued quotes (and hand their numbers out again). FULL syncs the WAL
        // at every commit; group commit (``IssueBatcher``) shares that sync among many issues.
        // (Set after opening: GRDB's WAL set-up runs after `prepareDatabase`.)
        writer = try DatabaseQueue(path: path, configuration: configuration)
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try Self.keepSavepointJournalInMemory(writer)
        batcher = IssueBatcher(writer: writer, write: Self.insert)
        try Migrations.migrator.migrate(writer)
    }

    /// SQLite's temporary files in memory: the sub-journals of savepoints (a group commit that has
    /// to roll back one issue writes each issue in a savepoint, and every page a savepoint changes
    /// again is copied there; as a file that was half the store's writes, and a file created and
    /// deleted per transaction) and the sort tables of large queries such as the export.
    static func keepSavepointJournalInMemory(_ writer: any DatabaseWriter) throws {
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA temp_store = MEMORY") }
    }

    /// A private in-memory database.
    public init() throws {
        writer = try DatabaseQueue()
        batcher = IssueBatcher(writer: writer, write: Self.insert)
        try Migrations.migrator.migrate(writer)
    }

    /// The names of the applied migrations, in order.
    public func appliedMigrations() async throws -> [String] {
        try await writer.read { db in try Array(Migrations.migrator.appliedMigrations(db)) }
    }

    public func quote(number: String) async throws -> QuoteRecord? {
        try await writer.read { db in try Self.fetchRecord(db, number: number) }
    }

    public func quote(customerToken: String) async throws -> QuoteRecord? {
        let hash = CustomerToken.hash(customerToken)
        return try await writer.read { db in
            guard
                let number = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT quote_number FROM customer_tokens WHERE token_hash = ?"),
                    arguments: [hash])
            else { return nil }
            return try Self.fetchRecord(db, number: number)
        }
    }

    public func benefitsUsed(deviceKeys: [String]) async throws -> [RuleID: String] {
        try await writer.read { db in try Self.ledger(db, deviceKeys: deviceKeys) }
    }

    public func list(_ query: QuoteQuery) async throws -> QuotePage {
        let filter = QuoteListFilter(query, index: .fts5Trigram)
        if filter.matchesNothing { return QuotePage(quotes: [], nextAfter: nil) }
        let (sql, arguments) = Self.listStatement(filter)
        return try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let page = rows.prefix(query.limit)
            let next: Int64? = rows.count > query.limit ? page.last?["id"] : nil
            return QuotePage(quotes: try page.map(Self.record), nextAfter: next)
        }
    }

    /// The statement of a list page and its arguments.
    static func listStatement(_ filter: QuoteListFilter) -> (String, StatementArguments) {
        let (clause, arguments) = bound(filter.render)
        return (selectSQL + " " + clause, arguments)
    }

    static let selectSQL = """
        SELECT q.*, d.decision, d.decided_at, d.decided_by, d.final_json, d.channel, d.note, d.decided_by_role,
            d.evidence_name, d.consent_version, d.consent_language, d.client_ip, d.user_agent, d.document_sha256,
            rn.new_number AS superseded_by, ro.old_number AS supersedes,
            v.reason AS void_reason, v.voided_at, v.voided_by
        FROM quotes q LEFT JOIN decisions d ON d.quote_number = q.number
        LEFT JOIN revisions rn ON rn.old_number = q.number
        LEFT JOIN revisions ro ON ro.new_number = q.number
        LEFT JOIN voids v ON v.quote_number = q.number
        """

    static func fetchRecord(_ db: Database, number: String) throws -> QuoteRecord? {
        try Row.fetchOne(db.cachedStatement(sql: selectSQL + " WHERE q.number = ?"), arguments: [number]).map(
            record)
    }

    static func record(_ row: Row) throws -> QuoteRecord { try QuoteRecord(row: row) }

    /// The benefits recorded against any of `deviceKeys`; where two quotes granted one benefit
    /// (under identifiers that were not yet linked), the earlier quote is named.
    static func ledger(_ db: Database, deviceKeys: [String]) throws -> [RuleID: String] {
        guard !deviceKeys.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: deviceKeys.count).joined(separator: ", ")
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT benefit, MIN(quote_number) AS quote_number FROM benefit_ledger
                    WHERE device_key IN (\(placeholders)) GROUP BY benefit
                    """),
            arguments: StatementArguments(deviceKeys))
        var used: [RuleID: String] = [:]
        for row in rows { used[RuleID(row["benefit"] as String)] = row["quote_number"] }
        return used
    }
}
