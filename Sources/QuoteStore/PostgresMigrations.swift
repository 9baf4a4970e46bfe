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
        ("v2-ledger-normalised-serials", ["CREATE INDEX IF NOT EXISTS benefit_ledger_device ON benefit_ledger (device_key)"]),
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
        return all.map(\.name).filter(names.contains) + names.filter { name in !all.contains { $0.name == name } }
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
