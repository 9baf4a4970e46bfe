import Foundation
import Logging
import PostgresNIO
import QuoteCore
import ServiceLifecycle

/// The shared store: PostgreSQL through postgres-nio, for several service instances on one
/// database. Numbering, the benefit ledger, idempotency keys and decisions are kept consistent by
/// the database (row locks, UNIQUE constraints, advisory locks), not by the process, so any
/// number of instances may issue at once. Issues are committed in groups, as in SQLite
/// (``GroupCommitQueue``), with several groups written in parallel over the pool.
public final class PostgresQuoteRepository: QuoteRepository {
    let client: PostgresClient
    let logger: Logger
    let queue: GroupCommitQueue
    /// The pool's run, when the repository runs it (``PoolRunner/repository``).
    private let runTask: Task<Void, Never>?
    public let configuration: PostgresStoreConfiguration

    /// Who runs the connection pool.
    public enum PoolRunner: Sendable {
        /// The repository, in a task of its own until ``shutdown()``: for commands and tests that
        /// have no service group.
        case repository
        /// The application's service group: the caller adds ``pool`` to its services
        /// (`app.addServices`), which run it beside the server and shut it down after it.
        case serviceGroup
    }

    /// The connection pool as a service of the application (swift-service-lifecycle), when it is
    /// opened with ``PoolRunner/serviceGroup``.
    public var pool: some Service { client }

    /// Connects, applies the missing migrations under an advisory lock, and opens the pool, run
    /// by `runner`. A database that cannot be reached or refuses the connection throws a
    /// ``PostgresConnectError`` naming the host and the reason (never the password).
    public static func connect(
        _ configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "repairquote.store"),
        pool runner: PoolRunner = .repository
    ) async throws -> PostgresQuoteRepository {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try configuration.connectionConfiguration, id: 0, logger: logger)
        } catch {
            throw PostgresConnectError(
                description:
                    "cannot connect to \(configuration.host):\(configuration.port) as \(configuration.user): "
                    + Self.reason(error))
        }
        do {
            try await PostgresMigrations.migrate(connection, logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw PostgresStoreError.unwrapping(error)
        }
        return PostgresQuoteRepository(configuration: configuration, logger: logger, runner: runner)
    }

    private init(configuration: PostgresStoreConfiguration, logger: Logger, runner: PoolRunner) {
        self.configuration = configuration
        self.logger = logger
        // The pool's own messages at error level only: it warns once about a lease requested
        // before its run (started just below, or by the service group) is scheduled, which is
        // harmless here.
        var background = logger
        background.logLevel = .error
        let client = PostgresClient(
            configuration: configuration.clientConfiguration, backgroundLogger: background)
        self.client = client
        runTask = runner == .repository ? Task { await client.run() } : nil
        // One batch at a time: every batch of a market and year waits for the one before on its
        // counter row, so parallel writers only split the batches (measured: 3,830 issues/s with
        // two writers, 4,280 with one; docs/benchmarks.md).
        queue = GroupCommitQueue(maxBatch: 64, writers: 1) { issues in
            await Self.commit(client, issues, logger: logger)
        }
    }

    /// Closes the pool when the repository runs it; the repository cannot be used afterwards.
    /// (A pool run by a service group closes when the group shuts down.)
    public func shutdown() async {
        runTask?.cancel()
        await runTask?.value
    }

    /// The reason of a failed connection in a few words: the server's message (a wrong password,
    /// an unknown database) or the socket's (connection refused).
    static func reason(_ error: any Error) -> String {
        let unwrapped = PostgresStoreError.unwrapping(error)
        let text = (unwrapped as? PostgresStoreError)?.description ?? "\(unwrapped)"
        // NIO's socket errors come wrapped several times; the words a person knows are inside.
        let known = [
            "Connection refused": "connection refused", "No route to host": "no route to host",
            "timed out": "connection timed out", "Name or service not known": "unknown host",
            "Network is unreachable": "network unreachable",
        ]
        for (phrase, reason) in known where text.contains(phrase) && !text.hasPrefix("PostgreSQL error") {
            return reason
        }
        return text
    }

    /// The names of the applied migrations, in order.
    public func appliedMigrations() async throws -> [String] {
        try await withConnection { connection in
            try await PostgresMigrations.appliedMigrations(connection, logger: self.logger)
        }
    }

    /// Leases a connection; the error of a failed statement is unwrapped into a ``PostgresStoreError``.
    @discardableResult
    func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw PostgresStoreError.unwrapping(error)
        }
    }

    /// Runs `body` in a transaction on a leased connection.
    @discardableResult
    func transaction<T: Sendable>(_ body: @escaping (PostgresConnection) async throws -> T) async throws -> T
    {
        try await withConnection { connection in
            try await connection.query("BEGIN", logger: self.logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: self.logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: self.logger)
                throw error
            }
        }
    }

    /// All rows of `query`, each as a random-access row.
    static func rows(
        _ connection: PostgresConnection, _ query: PostgresQuery, logger: Logger
    ) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await connection.query(query, logger: logger) {
            rows.append(row.makeRandomAccess())
        }
        return rows
    }

    public func quote(number: String) async throws -> QuoteRecord? {
        try await withConnection { connection in
            try await Self.fetchRecord(connection, number: number, logger: self.logger)
        }
    }

    public func quote(customerToken: String) async throws -> QuoteRecord? {
        let hash = CustomerToken.hash(customerToken)
        return try await withConnection { connection in
            let rows = try await Self.rows(
                connection,
                Self.selectSQL(
                    "JOIN customer_tokens t ON t.quote_number = q.number WHERE t.token_hash = \(hash)"),
                logger: self.logger)
            return try rows.first.map(Self.record)
        }
    }

    public func benefitsUsed(deviceKeys: [String]) async throws -> [RuleID: String] {
        try await withConnection { connection in
            try await Self.ledger(connection, deviceKeys: deviceKeys, logger: self.logger)
        }
    }

    /// The benefits recorded against any of `deviceKeys`, each with the earliest quote that named it.
    static func ledger(_ connection: PostgresConnection, deviceKeys: [String], logger: Logger) async throws
        -> [RuleID: String]
    {
        guard !deviceKeys.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT benefit, MIN(quote_number) FROM benefit_ledger
            WHERE device_key = ANY(\(deviceKeys)) GROUP BY benefit
            """, logger: logger)
        var used: [RuleID: String] = [:]
        for try await (benefit, number) in rows.decode((String, String).self) {
            used[RuleID(benefit)] = number
        }
        return used
    }

    public func list(_ query: QuoteQuery) async throws -> QuotePage {
        let filter = QuoteListFilter(query, index: .pgTrigram)
        if filter.matchesNothing { return QuotePage(quotes: [], nextAfter: nil) }
        let rows = try await withConnection { connection in
            try await Self.rows(connection, Self.listQuery(filter), logger: self.logger)
        }
        let page = try rows.prefix(query.limit).map(Self.record)
        let next: Int64? = rows.count > query.limit ? try rows[query.limit - 1]["id"].decode(Int64.self) : nil
        return QuotePage(quotes: page, nextAfter: next)
    }

    /// The statement of a list page, its values bound as `$1`, `$2` …
    static func listQuery(_ filter: QuoteListFilter) -> PostgresQuery {
        selectSQL(bound(filter.render))
    }

    /// The quote, its decision, revisions and void: the columns of ``SQLiteQuoteRepository/selectSQL``.
    static let selectColumns = """
        SELECT q.id, q.number, q.market, q.year, q.kind, q.coverage_status, q.issue_date, q.valid_until, q.issuer,
            q.case_json, q.quote_json, q.price_list_version, q.created_at, q.reference, q.model, q.consumer_total,
            d.decision, d.decided_at, d.decided_by, d.final_json, d.channel, d.note, d.decided_by_role,
            d.evidence_name, d.consent_version, d.consent_language, d.client_ip, d.user_agent, d.document_sha256,
            rn.new_number AS superseded_by, ro.old_number AS supersedes,
            v.reason AS void_reason, v.voided_at, v.voided_by
        FROM quotes q LEFT JOIN decisions d ON d.quote_number = q.number
        LEFT JOIN revisions rn ON rn.old_number = q.number
        LEFT JOIN revisions ro ON ro.new_number = q.number
        LEFT JOIN voids v ON v.quote_number = q.number
        """

    /// The quote columns with `filter` (joins, WHERE, ORDER BY) appended.
    static func selectSQL(_ filter: PostgresQuery) -> PostgresQuery {
        PostgresQuery(unsafeSQL: selectColumns + " " + filter.sql, binds: filter.binds)
    }

    static func fetchRecord(_ connection: PostgresConnection, number: String, logger: Logger) async throws
        -> QuoteRecord?
    {
        try await rows(connection, selectSQL("WHERE q.number = \(number)"), logger: logger).first.map(record)
    }

    static func record(_ row: PostgresRandomAccessRow) throws -> QuoteRecord { try QuoteRecord(row: row) }
}

extension PostgresQuoteRepository {
    /// The first column of every row of `sql`, as text (for checks and `store copy`).
    func strings(_ sql: String) async throws -> [String] {
        try await withConnection { connection in
            var values: [String] = []
            for row in try await Self.rows(connection, PostgresQuery(unsafeSQL: sql), logger: self.logger) {
                values.append(try Self.text(row[0]))
            }
            return values
        }
    }

    /// A cell as text: integers and doubles as Swift prints them, NULL as "".
    static func text(_ cell: PostgresCell) throws -> String {
        guard cell.bytes != nil else { return "" }
        switch cell.dataType {
        case .int2, .int4, .int8: return String(try cell.decode(Int.self))
        case .float4, .float8: return String(try cell.decode(Double.self))
        case .bool: return String(try cell.decode(Bool.self))
        default: return try cell.decode(String.self)
        }
    }

    /// Runs one statement.
    func execute(_ sql: String) async throws {
        try await withConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: self.logger)
        }
    }
}
