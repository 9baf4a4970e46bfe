import QuoteFinance

/// The `Summary` sheet as a chart's formulas refer to it: its header's columns by name, its rows'
/// cells (the header is row 1, the first group row 2), and absolute references such as
/// `Summary!$J$2:$J$9`.
struct SummaryColumns {
    static let sheet = "Summary"
    let header: [String]
    let rows: [[SpreadsheetCell]]

    /// The index of the column named `name`, or nil when the sheet leaves it out.
    func index(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// `Summary!$J$2:$J$9`: the whole column of the group rows.
    func range(_ column: Int) -> String {
        let last = max(rows.count, 1) + 1
        return "\(Self.sheet)!$\(Self.letters(column))$2:$\(Self.letters(column))$\(last)"
    }

    /// `Summary!$G$3`: one cell of the group at `row` (0 is the first group).
    func cell(_ column: Int, row: Int) -> String { "\(Self.sheet)!$\(Self.letters(column))$\(row + 2)" }

    /// The text of a cell as the CSV writes it (`2026-11` for a month), for grouping.
    func text(_ row: [SpreadsheetCell], _ column: Int) -> String { row[column].csvField(.standard) }

    /// A spreadsheet's column letters: 0 → A, 25 → Z, 26 → AA.
    static func letters(_ column: Int) -> String {
        var number = column + 1
        var letters = ""
        while number > 0 {
            let digit = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
