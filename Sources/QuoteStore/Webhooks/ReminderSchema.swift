/// The reminders sent before quotes expire (issue #28): one row per quote, its primary key the
/// guarantee that a quote is reminded once, whatever the number of sweeping instances or restarts.
enum ReminderSchema {
    static let migrationName = "v11-reminders"

    /// The statements of the migration; `realType` is the store's floating-point type.
    static func statements(realType: String) -> [String] {
        [
            """
            CREATE TABLE quote_reminders (
                quote_number TEXT PRIMARY KEY REFERENCES quotes(number),
                reminded_at \(realType) NOT NULL,
                outbox_id BIGINT NOT NULL
            )
            """
        ]
    }
}
