/// The usual spreadsheet mistake in an amount: a decimal comma. `"12,50"` → ` (a decimal comma?
/// write 12.50)`; nothing for text without a comma.
enum DecimalCommaHint {
    static func text(for amount: String) -> String {
        guard amount.contains(",") else { return "" }
        return " (a decimal comma? write \(String(amount.map { $0 == "," ? "." : $0 })))"
    }
}
