import QuoteFinance

/// Column widths that fit their content: the widest cell of a column in characters, as the cell
/// shows it (an amount with its thousands separators and currency code), plus room for the header's
/// filter button, capped so that a long description does not push the other columns off the page.
///
/// Counting is a few integer operations per cell (a text's UTF-8 length, an amount's digits), not a
/// formatted string, so it adds nothing measurable to a million-row sheet.
enum ColumnWidths {
    /// The widest a column gets, in characters.
    static let cap = 50
    /// Added for the filter button and a margin.
    static let padding = 3

    /// The Excel width of a column whose widest cell has `characters` characters.
    static func width(_ characters: Int) -> Double {
        Double(min(max(characters, 6) + padding, cap))
    }

    /// About how many characters `cell` shows.
    static func characters(_ cell: SpreadsheetCell) -> Int {
        switch cell {
        case .text(let text): text.utf8.count
        case .integer(let value): digits(Int64(value))
        case .money(let minorUnits, let currency):
            // 1234567 → "12,345.67 EUR": digits, a separator per three, the point and the code.
            digits(minorUnits) + max(digits(minorUnits) - currency.minorUnits - 1, 0) / 3 + 5
        case .date: 10
        case .month: 7
        case .percent(let text): text.utf8.count
        case .empty: 0
        }
    }

    /// Digits of an integer, with its minus sign.
    static func digits(_ value: Int64) -> Int {
        var count = value < 0 ? 2 : 1
        var rest = value.magnitude / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }
}
