/// The SQL of reminders the two stores share.
enum ReminderSQL {
    /// A quote (its `number` column) that has had no reminder.
    static let notReminded = "number NOT IN (SELECT quote_number FROM quote_reminders)"
}
