/// The webhook tables (issue #28), the same in both stores: endpoints, one delivery row per event
/// and endpoint (written in the transaction of the quote's change, beside the e-mail outbox), and
/// the log of every attempt.
enum WebhookSchema {
    static let migrationName = "v7-webhooks"

    /// The statements of the migration; `realType` is the store's floating-point type and
    /// `serialKey` its auto-numbered primary key.
    static func statements(realType: String, serialKey: String) -> [String] {
        [
            """
            CREATE TABLE webhook_endpoints (
                id TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                scope_issuer TEXT,
                url TEXT NOT NULL,
                events TEXT NOT NULL,
                description TEXT NOT NULL,
                secret TEXT NOT NULL,
                previous_secret TEXT,
                previous_valid_until \(realType),
                enabled INTEGER NOT NULL DEFAULT 1,
                disabled_reason TEXT,
                failing_since \(realType),
                created_at \(realType) NOT NULL,
                deleted_at \(realType)
            )
            """,
            "CREATE INDEX webhook_endpoints_owner ON webhook_endpoints (owner)",
            """
            CREATE TABLE webhook_deliveries (
                id \(serialKey),
                event_id TEXT NOT NULL,
                endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
                quote_number TEXT NOT NULL REFERENCES quotes(number),
                event_type TEXT NOT NULL,
                occurred_at \(realType) NOT NULL,
                body TEXT,
                state TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at \(realType) NOT NULL,
                claimed_until \(realType),
                last_status INTEGER,
                last_error TEXT,
                created_at \(realType) NOT NULL,
                finished_at \(realType)
            )
            """,
            "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at)",
            "CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id)",
            "CREATE INDEX webhook_deliveries_quote ON webhook_deliveries (quote_number, endpoint_id, id)",
        ] + attemptsAndExpiries(realType: realType)
    }

    /// The log of each attempt, and the expiries the sweep recorded.
    static func attemptsAndExpiries(realType: String) -> [String] {
        [
            """
            CREATE TABLE webhook_attempts (
                delivery_id BIGINT NOT NULL REFERENCES webhook_deliveries(id),
                attempt INTEGER NOT NULL,
                started_at \(realType) NOT NULL,
                status INTEGER,
                duration_ms BIGINT NOT NULL,
                error TEXT,
                PRIMARY KEY (delivery_id, attempt)
            )
            """,
            """
            CREATE TABLE quote_expiries (
                quote_number TEXT PRIMARY KEY REFERENCES quotes(number),
                expired_at \(realType) NOT NULL
            )
            """,
        ]
    }

    /// The events column: the names between spaces, so one `LIKE '% name %'` finds a subscriber.
    static func eventsColumn(_ names: [String]) -> String { " " + names.joined(separator: " ") + " " }

    static func events(column: String) -> [String] { column.split(separator: " ").map(String.init) }
}
