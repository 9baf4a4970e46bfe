import Logging
import PostgresNIO

/// The PostgreSQL schema, in named migrations that run once each, in order, under an advisory
/// lock: several instances starting together wait for each other, and the first applies them.
/// The tables and columns are those of the SQLite schema (``Migrations``), in PostgreSQL's types.
enum PostgresMigrations {
    /// The advisory lock key of migrations (`pg_advisory_lock`), "rq-migr" in ASCII.
    static let lockKey: Int64 = 0x7271_2d6d_6967_72

    static let all: [(name: String, statements: [String])] = [
        ("v1-quotes", quotes),
        ("v1-ledger", ledger),
        ("v1-outbox", outbox),
        // Serial keys are normalised before they are written: nothing to rewrite here.
        (
            "v2-ledger-normalised-serials",
            ["CREATE INDEX IF NOT EXISTS benefit_ledger_device ON benefit_ledger (device_key)"]
        ),
        ("v3-lifecycle", lifecycle),
        (ExpiringValuesSchema.migrationName, ExpiringValuesSchema.statements(realType: "DOUBLE PRECISION")),
        (ConsumerTotal.migrationName, ["ALTER TABLE quotes ADD COLUMN consumer_total TEXT"]),
        (EventSchema.migrationName, EventSchema.postgresStatements),
        (
            WebhookSchema.migrationName,
            WebhookSchema.statements(
                realType: "DOUBLE PRECISION", serialKey: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
        ),
        (SearchSchema.migrationName, SearchSchema.postgres),
        (ReportFacts.migrationName, ReportSchema.statements),
        (ReminderSchema.migrationName, ReminderSchema.statements(realType: "DOUBLE PRECISION")),
        // SQLite's search index moved from a trigger to the end of the transaction; nothing here.
        (SearchSchema.atCommitMigrationName, []),
    ]

    /// Applies the missing migrations on `connection`, holding the advisory lock meanwhile; returns
    /// the names of all applied migrations, in order.
    @discardableResult
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger)
        do {
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            let applied = try await appliedMigrations(connection, logger: logger)
            for migration in all where !applied.contains(migration.name) {
                try await connection.withTransaction(logger: logger) { connection in
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    if migration.name == "v3-lifecycle" {
                        try await backfillSearchColumns(connection, logger: logger)
                    }
                    if migration.name == ConsumerTotal.migrationName {
                        try await backfillConsumerTotals(connection, logger: logger)
                    }
                    if migration.name == EventSchema.migrationName {
                        try await backfillEvents(connection, logger: logger)
                    }
                    if migration.name == ReportFacts.migrationName {
                        try await backfillReports(connection, logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: logger)
                }
            }
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            throw PostgresStoreError.unwrapping(error)
        }
        try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
        return try await appliedMigrations(connection, logger: logger)
    }

    static func appliedMigrations(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        var names: [String] = []
        let rows = try await connection.query(
            "SELECT name FROM schema_migrations ORDER BY applied_at, name", logger: logger)
        for try await name in rows.decode(String.self) { names.append(name) }
        return all.map(\.name).filter(names.contains)
            + names.filter { name in !all.contains { $0.name == name } }
    }

    static let quotes = [
        """
        CREATE TABLE quote_counters (
            market TEXT NOT NULL, year INTEGER NOT NULL, last BIGINT NOT NULL,
            PRIMARY KEY (market, year))
        """,
        """
        CREATE TABLE quotes (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            market TEXT NOT NULL,
            year INTEGER NOT NULL,
            kind TEXT NOT NULL,
            coverage_status TEXT NOT NULL,
            issue_date TEXT NOT NULL,
            valid_until TEXT NOT NULL,
            issuer TEXT NOT NULL,
            case_json TEXT NOT NULL,
            quote_json TEXT NOT NULL,
            price_list_version TEXT NOT NULL,
            created_at DOUBLE PRECISION NOT NULL)
        """,
        "CREATE INDEX quotes_market_date ON quotes (market, issue_date)",
        "CREATE INDEX quotes_issuer ON quotes (issuer)",
        """
        CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$
        """,
        """
        CREATE TRIGGER quotes_immutable BEFORE UPDATE ON quotes
            FOR EACH ROW EXECUTE FUNCTION refuse_update('issued quotes are immutable')
        """,
        """
        CREATE TABLE decisions (
            quote_number TEXT PRIMARY KEY REFERENCES quotes(number),
            decision TEXT NOT NULL,
            decided_at DOUBLE PRECISION NOT NULL,
            decided_by TEXT NOT NULL,
            final_json TEXT NOT NULL)
        """,
        """
        CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions
            FOR EACH ROW EXECUTE FUNCTION refuse_update('decisions are final')
        """,
        """
        CREATE TABLE customer_tokens (
            token_hash TEXT PRIMARY KEY,
            quote_number TEXT NOT NULL REFERENCES quotes(number))
        """,
        """
        CREATE TABLE idempotency_keys (
            key TEXT PRIMARY KEY,
            request_hash TEXT NOT NULL,
            quote_number TEXT NOT NULL REFERENCES quotes(number),
            created_at DOUBLE PRECISION NOT NULL)
        """,
    ]

    static let ledger = [
        """
        CREATE TABLE benefit_ledger (
            benefit TEXT NOT NULL,
            device_key TEXT NOT NULL,
            quote_number TEXT NOT NULL REFERENCES quotes(number),
            created_at DOUBLE PRECISION NOT NULL,
            UNIQUE (benefit, device_key))
        """
    ]

    /// As ``Migrations/lifecycleSQL``: decisions keep channel, note and role; revisions and voids
    /// are rows of their own; quotes get reference, model and search text; e-mails a kind.
    static let lifecycle = [
        "ALTER TABLE decisions ADD COLUMN channel TEXT, ADD COLUMN note TEXT, ADD COLUMN decided_by_role TEXT",
        """
        CREATE TABLE revisions (
            old_number TEXT PRIMARY KEY REFERENCES quotes(number),
            new_number TEXT NOT NULL UNIQUE REFERENCES quotes(number),
            created_at DOUBLE PRECISION NOT NULL)
        """,
        """
        CREATE TABLE voids (
            quote_number TEXT PRIMARY KEY REFERENCES quotes(number),
            reason TEXT NOT NULL,
            voided_at DOUBLE PRECISION NOT NULL,
            voided_by TEXT NOT NULL)
        """,
        """
        CREATE TRIGGER voids_final BEFORE UPDATE ON voids
            FOR EACH ROW EXECUTE FUNCTION refuse_update('voids are final')
        """,
        "ALTER TABLE quotes ADD COLUMN reference TEXT, ADD COLUMN model TEXT, ADD COLUMN search_text TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'quote'",
    ]

    /// Fills the search columns of quotes issued before `v3-lifecycle` from their stored case.
    static func backfillSearchColumns(_ connection: PostgresConnection, logger: Logger) async throws {
        try await backfillQuotes(connection, from: "case_json", logger: logger) { number, caseJSON in
            let columns = SearchColumns(number: number, caseJSON: caseJSON)
            return """
                UPDATE quotes SET reference = \(columns.reference), model = \(columns.model),
                    search_text = \(columns.text) WHERE number = \(number)
                """
        }
    }

    /// Fills the consumer total of quotes issued before `v5-consumer-total` from their stored
    /// quote JSON (as ``Migrations/backfillConsumerTotals(_:)``).
    static func backfillConsumerTotals(_ connection: PostgresConnection, logger: Logger) async throws {
        try await backfillQuotes(connection, from: "quote_json", logger: logger) { number, quoteJSON in
            "UPDATE quotes SET consumer_total = \(ConsumerTotal.text(quoteJSON: quoteJSON)) WHERE number = \(number)"
        }
    }

    /// Fills the report facts of quotes stored before `v9-report-columns` and the days to decision
    /// of their decisions (as ``Migrations/backfillReports(_:)``: the UTC day of each).
    static func backfillReports(_ connection: PostgresConnection, logger: Logger) async throws {
        var columns = PostgresQuoteRepository.ReportFactColumns()
        let select = PostgresQuery(unsafeSQL: "SELECT number, quote_json, model FROM quotes")
        let rows = try await connection.query(select, logger: logger).decode((String, String, String?).self)
        for try await (number, quoteJSON, model) in rows {
            if let facts = ReportFacts(number: number, quoteJSON: quoteJSON, model: model) {
                columns.append(facts)
            }
        }
        try await columns.insert(connection, logger: logger)
        try await connection.query(
            "ALTER TABLE decisions DISABLE TRIGGER decisions_immutable", logger: logger)
        try await connection.query(
            """
            UPDATE decisions d SET decision_days = (to_timestamp(d.decided_at) AT TIME ZONE 'UTC')::date
                - q.issue_date::date
            FROM quotes q WHERE q.number = d.quote_number
            """, logger: logger)
        try await connection.query("ALTER TABLE decisions ENABLE TRIGGER decisions_immutable", logger: logger)
    }

    /// Runs `update` for every stored quote with its number and the text of `column` (a column
    /// name of this file, never input), with the immutability trigger disabled meanwhile, inside
    /// the migration's transaction.
    static func backfillQuotes(
        _ connection: PostgresConnection, from column: String, logger: Logger,
        _ update: (_ number: String, _ value: String) -> PostgresQuery
    ) async throws {
        try await connection.query("ALTER TABLE quotes DISABLE TRIGGER quotes_immutable", logger: logger)
        var rows: [(String, String)] = []
        let select = PostgresQuery(unsafeSQL: "SELECT number, \(column) FROM quotes")
        for try await row in try await connection.query(select, logger: logger).decode((String, String).self)
        {
            rows.append(row)
        }
        for (number, value) in rows { try await connection.query(update(number, value), logger: logger) }
        try await connection.query("ALTER TABLE quotes ENABLE TRIGGER quotes_immutable", logger: logger)
    }

    /// The `issued` (and `decided`) events of quotes stored before `v6-events`
    /// (``EventSchema/backfill(_:)``), as ``Migrations/backfillEvents(_:)`` does.
    static func backfillEvents(_ connection: PostgresConnection, logger: Logger) async throws {
        var quotes: [EventSchema.StoredQuote] = []
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: EventSchema.backfillSelect), logger: logger)
        for try await row in rows { quotes.append(try EventSchema.StoredQuote(row: row.makeRandomAccess())) }
        try await PostgresQuoteRepository.insertEvents(
            connection, EventSchema.backfill(quotes), logger: logger)
    }

    static let outbox = [
        """
        CREATE TABLE outbox (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            quote_number TEXT NOT NULL REFERENCES quotes(number),
            recipient TEXT NOT NULL,
            language TEXT,
            customer_token TEXT,
            state TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at DOUBLE PRECISION NOT NULL,
            claimed_until DOUBLE PRECISION,
            last_error TEXT,
            created_at DOUBLE PRECISION NOT NULL,
            sent_at DOUBLE PRECISION)
        """,
        "CREATE INDEX outbox_due ON outbox (state, next_attempt_at)",
    ]
}
