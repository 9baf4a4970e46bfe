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
        migrator.registerMigration("v3-lifecycle") { db in
            try db.execute(sql: lifecycleSQL)
            try backfillSearchColumns(db)
        }
        migrator.registerMigration(ExpiringValuesSchema.migrationName) { db in
            for statement in ExpiringValuesSchema.statements(realType: "DOUBLE") {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration(ConsumerTotal.migrationName) { db in
            try db.execute(sql: "ALTER TABLE quotes ADD COLUMN consumer_total TEXT")
            try backfillConsumerTotals(db)
        }
        migrator.registerMigration(EventSchema.migrationName) { db in
            for statement in EventSchema.sqliteStatements { try db.execute(sql: statement) }
            try backfillEvents(db)
        }
        migrator.registerMigration(WebhookSchema.migrationName) { db in
            for statement in WebhookSchema.statements(
                realType: "DOUBLE", serialKey: "INTEGER PRIMARY KEY AUTOINCREMENT")
            {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration(SearchSchema.migrationName) { db in
            for statement in SearchSchema.sqlite { try db.execute(sql: statement) }
        }
        migrator.registerMigration(ReportFacts.migrationName) { db in
            for statement in ReportSchema.statements { try db.execute(sql: statement) }
            try backfillReports(db)
        }
        migrator.registerMigration(ReminderSchema.migrationName) { db in
            for statement in ReminderSchema.statements(realType: "DOUBLE") { try db.execute(sql: statement) }
        }
        migrator.registerMigration(SearchSchema.atCommitMigrationName) { db in
            for statement in SearchSchema.sqliteAtCommit { try db.execute(sql: statement) }
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

    /// Decisions keep their channel, note and role; revisions and voids are rows of their own
    /// (quotes stay immutable); quotes get their reference, model and a search text, filled
    /// from each stored case by ``backfillSearchColumns(_:)``; e-mails get a kind (the quote, or
    /// the confirmation of a decision).
    static let lifecycleSQL = """
        ALTER TABLE decisions ADD COLUMN channel TEXT;
        ALTER TABLE decisions ADD COLUMN note TEXT;
        ALTER TABLE decisions ADD COLUMN decided_by_role TEXT;
        CREATE TABLE revisions (
            old_number TEXT PRIMARY KEY REFERENCES quotes(number),
            new_number TEXT NOT NULL UNIQUE REFERENCES quotes(number),
            created_at DOUBLE NOT NULL
        );
        CREATE TABLE voids (
            quote_number TEXT PRIMARY KEY REFERENCES quotes(number),
            reason TEXT NOT NULL,
            voided_at DOUBLE NOT NULL,
            voided_by TEXT NOT NULL
        );
        CREATE TRIGGER voids_final BEFORE UPDATE ON voids
            BEGIN SELECT RAISE(ABORT, 'voids are final'); END;
        ALTER TABLE quotes ADD COLUMN reference TEXT;
        ALTER TABLE quotes ADD COLUMN model TEXT;
        ALTER TABLE quotes ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
        ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'quote';
        """

    /// Fills the search columns of quotes issued before `v3-lifecycle`, from their stored case
    /// (the immutability trigger is lifted for this one update and put back).
    static func backfillSearchColumns(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER quotes_immutable")
        let rows = try Row.fetchAll(db, sql: "SELECT number, case_json FROM quotes")
        for row in rows {
            let number: String = row["number"]
            let columns = SearchColumns(number: number, caseJSON: row["case_json"])
            try db.execute(
                sql: "UPDATE quotes SET reference = ?, model = ?, search_text = ? WHERE number = ?",
                arguments: [columns.reference, columns.model, columns.text, number])
        }
        try db.execute(
            sql: """
                CREATE TRIGGER quotes_immutable BEFORE UPDATE ON quotes
                    BEGIN SELECT RAISE(ABORT, 'issued quotes are immutable'); END;
                """)
    }

    /// Fills the consumer total of quotes issued before `v5-consumer-total` from their stored
    /// quote JSON (the immutability trigger is lifted for this one update and put back).
    static func backfillConsumerTotals(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER quotes_immutable")
        let rows = try Row.fetchAll(db, sql: "SELECT number, quote_json FROM quotes")
        for row in rows {
            try db.execute(
                sql: "UPDATE quotes SET consumer_total = ? WHERE number = ?",
                arguments: [ConsumerTotal.text(quoteJSON: row["quote_json"]), row["number"] as String])
        }
        try db.execute(
            sql: """
                CREATE TRIGGER quotes_immutable BEFORE UPDATE ON quotes
                    BEGIN SELECT RAISE(ABORT, 'issued quotes are immutable'); END;
                """)
    }

    /// The `issued` (and `decided`) events of quotes stored before `v6-events`, so that every
    /// chain verifies (``EventSchema/backfill(_:)``).
    static func backfillEvents(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: EventSchema.backfillSelect)
        for event in try EventSchema.backfill(rows.map(EventSchema.StoredQuote.init(row:))) {
            try SQLiteQuoteRepository.insertEvent(db, event)
        }
    }

    /// Fills the report facts of quotes stored before `v9-report-columns` from their stored quote
    /// JSON, and the days to decision of their decisions from the UTC day of each (the decisions'
    /// immutability trigger is lifted for this one update and put back).
    static func backfillReports(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT number, quote_json, model FROM quotes")
        while let row = try rows.next() {
            guard
                let facts = ReportFacts(
                    number: row["number"], quoteJSON: row["quote_json"], model: row["model"])
            else { continue }
            try SQLiteQuoteRepository.insertReportFacts(db, facts)
        }
        try db.execute(sql: "DROP TRIGGER decisions_immutable")
        try db.execute(
            sql: """
                UPDATE decisions SET decision_days = CAST(julianday(date(decided_at, 'unixepoch'))
                    - julianday((SELECT issue_date FROM quotes WHERE number = quote_number)) AS INTEGER)
                """)
        try db.execute(
            sql: """
                CREATE TRIGGER decisions_immutable BEFORE UPDATE ON decisions
                    BEGIN SELECT RAISE(ABORT, 'decisions are final'); END;
                """)
    }

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
