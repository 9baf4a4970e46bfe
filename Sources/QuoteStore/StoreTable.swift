/// The tables of a store as `store copy` moves them: every column, its type, and the order rows
/// are compared in. The same for SQLite and PostgreSQL.
struct StoreTable: Sendable {
    enum Kind: Sendable { case text, integer, double }

    let name: String
    let columns: [(name: String, kind: Kind)]
    /// The columns rows are sorted by (text compared byte-wise on both sides).
    let key: [String]
    /// Whether `id` is an identity column, whose sequence is moved past the copied ids.
    var hasIdentity: Bool { columns.first.map { $0.name == "id" && $0.kind == .integer } ?? false }

    /// In an order that satisfies the foreign keys (quotes first).
    static let all: [StoreTable] = [
        StoreTable(
            name: "quote_counters", columns: [("market", .text), ("year", .integer), ("last", .integer)],
            key: ["market", "year"]),
        StoreTable(
            name: "quotes",
            columns: [
                ("id", .integer), ("number", .text), ("market", .text), ("year", .integer), ("kind", .text),
                ("coverage_status", .text), ("issue_date", .text), ("valid_until", .text), ("issuer", .text),
                ("case_json", .text), ("quote_json", .text), ("price_list_version", .text),
                ("created_at", .double),
                ("reference", .text), ("model", .text), ("search_text", .text), ("consumer_total", .text),
            ], key: ["id"]),
        StoreTable(
            name: "decisions",
            columns: [
                ("quote_number", .text), ("decision", .text), ("decided_at", .double), ("decided_by", .text),
                ("final_json", .text), ("channel", .text), ("note", .text), ("decided_by_role", .text),
                ("decision_days", .integer),
            ] + AcceptanceEvidence.columns.map { (name: $0, kind: Kind.text) }, key: ["quote_number"]),
        StoreTable(
            name: "report_quotes",
            columns: [("quote_number", .text), ("currency", .text), ("model_family", .text)],
            key: ["quote_number"]),
        StoreTable(
            name: "report_charges",
            columns: [
                ("quote_number", .text), ("outcome", .text), ("payer", .text), ("lines", .integer),
                ("net", .integer),
                ("vat", .integer), ("gross", .integer),
            ], key: ["quote_number", "outcome", "payer"]),
        StoreTable(
            name: "benefit_ledger",
            columns: [
                ("benefit", .text), ("device_key", .text), ("quote_number", .text), ("created_at", .double),
            ],
            key: ["benefit", "device_key"]),
        StoreTable(
            name: "customer_tokens", columns: [("token_hash", .text), ("quote_number", .text)],
            key: ["token_hash"]),
        StoreTable(
            name: "idempotency_keys",
            columns: [
                ("key", .text), ("request_hash", .text), ("quote_number", .text), ("created_at", .double),
            ],
            key: ["key"]),
        StoreTable(
            name: "outbox",
            columns: [
                ("id", .integer), ("quote_number", .text), ("recipient", .text), ("language", .text),
                ("customer_token", .text), ("state", .text), ("attempts", .integer),
                ("next_attempt_at", .double),
                ("claimed_until", .double), ("last_error", .text), ("created_at", .double),
                ("sent_at", .double),
                ("kind", .text),
            ], key: ["id"]),
        StoreTable(
            name: "revisions",
            columns: [("old_number", .text), ("new_number", .text), ("created_at", .double)],
            key: ["old_number"]),
        StoreTable(
            name: "voids",
            columns: [
                ("quote_number", .text), ("reason", .text), ("voided_at", .double), ("voided_by", .text),
            ],
            key: ["quote_number"]),
        StoreTable(
            name: "quote_events",
            columns: [
                ("quote_number", .text), ("seq", .integer), ("kind", .text), ("at_ms", .integer),
                ("actor_kind", .text), ("actor_name", .text), ("actor_role", .text), ("ip", .text),
                ("user_agent", .text), ("details", .text), ("prev_hash", .text), ("hash", .text),
            ], key: ["quote_number", "seq"]),
        StoreTable(
            name: "quote_views",
            columns: [
                ("quote_number", .text), ("first_at", .double), ("last_at", .double), ("count", .integer),
            ],
            key: ["quote_number"]),
        StoreTable(
            name: "webhook_endpoints",
            columns: [
                ("id", .text), ("owner", .text), ("scope_issuer", .text), ("url", .text), ("events", .text),
                ("description", .text), ("secret", .text), ("previous_secret", .text),
                ("previous_valid_until", .double), ("enabled", .integer), ("disabled_reason", .text),
                ("failing_since", .double), ("created_at", .double), ("deleted_at", .double),
            ], key: ["id"]),
        StoreTable(
            name: "webhook_deliveries",
            columns: [
                ("id", .integer), ("event_id", .text), ("endpoint_id", .text), ("quote_number", .text),
                ("event_type", .text), ("occurred_at", .double), ("body", .text), ("state", .text),
                ("attempts", .integer), ("next_attempt_at", .double), ("claimed_until", .double),
                ("last_status", .integer), ("last_error", .text), ("created_at", .double),
                ("finished_at", .double),
            ], key: ["id"]),
        StoreTable(
            name: "webhook_attempts",
            columns: [
                ("delivery_id", .integer), ("attempt", .integer), ("started_at", .double),
                ("status", .integer),
                ("duration_ms", .integer), ("error", .text),
            ], key: ["delivery_id", "attempt"]),
        StoreTable(
            name: "quote_expiries", columns: [("quote_number", .text), ("expired_at", .double)],
            key: ["quote_number"]),
        StoreTable(
            name: "quote_reminders",
            columns: [("quote_number", .text), ("reminded_at", .double), ("outbox_id", .integer)],
            key: ["quote_number"]),
    ]

    var columnList: String { columns.map(\.name).joined(separator: ", ") }
}

/// One value of a copied row.
enum StoreValue: Sendable, Equatable {
    case null, text(String), integer(Int64), double(Double)

    /// The value in a checksum line: the same text for the same value in either store.
    var canonical: String {
        switch self {
        case .null: "\u{0}"
        case .text(let text): "t" + text
        case .integer(let value): "i" + String(value)
        case .double(let value): "d" + String(value)
        }
    }
}
