import GRDB

/// The schema, in named migrations that run once each, in order.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-quotes") { db in
            try db.execute(sql: quotesSQL)
        }
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(
                sql: """
                    CREATE TABLE benefit_ledger (
                        benefit TEXT NOT NULL,
                        device_key TEXT NOT NULL,
                        quote_number TEXT NOT NULL REFERENCES quotes(number),
                        created_at DOUBLE NOT NULL,
                        UNIQUE (benefit, device_key)
                    );
                    """)
        }
        migrator.registerMigration("v1-outbox") { db in
            try db.execute(sql: outboxSQL)
        }
        migrator.registerMigration("v2-ledger-normalised-serials") { db in
            try db.execute(sql: ledgerSerialsSQL)
        }
        return migrator
    }

    /// Quotes are inserted once and never updated; decisions, tokens and idempotency keys are
    /// their own rows.
    static let quotesSQL = """
        CREATE TABLE quote_counters (
            market TEXT NOT NULL, year INTEGER NOT NULL, last INTEGER NOT NULL,
            PRIMARY KEY (market, year)
        );
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
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
            created_at DOUBLE NOT NULL
        );
        CREATE INDEX quotes_market_date ON quotes (market, issue_date);
        CREATE INDEX quotes_issuer ON quotes (issuer);
        CREATE TRIGGER quotes_immutable BEFORE UPDATE ON quotes
            BEGIN SELECT RAISE(ABORT, 'issued quotes are immutable'); END;
        CREATE TABLE decisions (
            quote_number TEXT PRIMARY KEY REFERENCES quotes(number),
            decision TEXT NOT NULL,
            decided_at DOUBLE NOT NULL,
            decided_by TEXT NOT NULL,
            final_json TEXT NOT NULL
        );
        CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions
            BEGIN SELECT RAISE(ABORT, 'decisions are final'); END;
        CREATE TABLE customer_tokens (
            token_hash TEXT PRIMARY KEY,
            quote_number TEXT NOT NULL REFERENCES quotes(number)
        );
        CREATE TABLE idempotency_keys (
            key TEXT PRIMARY KEY,
            request_hash TEXT NOT NULL,
            quote_number TEXT NOT NULL REFERENCES quotes(number),
            created_at DOUBLE NOT NULL
        );
        """

    /// Serial keys written before identities were normalised (``DeviceIdentity``): trimmed, inner
    /// spaces removed, upper case. A row whose normal form is already there (the same benefit
    /// granted twice under two spellings) stays as it was; the normal one is found first.
    static let ledgerSerialsSQL = """
        UPDATE OR IGNORE benefit_ledger
        SET device_key = 'serial:' || upper(replace(replace(trim(substr(device_key, 8)), ' ', ''), char(9), ''))
        WHERE device_key LIKE 'serial:%';
        CREATE INDEX IF NOT EXISTS benefit_ledger_device ON benefit_ledger (device_key);
        """

    static let outboxSQL = """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            quote_number TEXT NOT NULL REFERENCES quotes(number),
            recipient TEXT NOT NULL,
            language TEXT,
            customer_token TEXT,
            state TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at DOUBLE NOT NULL,
            claimed_until DOUBLE,
            last_error TEXT,
            created_at DOUBLE NOT NULL,
            sent_at DOUBLE
        );
        CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
        """
}
