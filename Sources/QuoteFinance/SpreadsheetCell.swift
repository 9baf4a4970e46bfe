import QuoteCore

/// One cell of a finance sheet, typed: text, a count, an amount of money, a calendar date, or a
/// percentage. The CSV writes each as text (``csvField(_:)``); the workbook (QuoteSpreadsheet) as an xlsx
/// cell of the matching kind and number format. One list of cells per row serves both.
public enum SpreadsheetCell: Hashable, Sendable {
    case text(String)
    case integer(Int)
    /// An exact amount in minor units of its currency; a number in a workbook.
    case money(Int64, Currency)
    case date(CivilDate)
    /// The month of a date (its first day): `YYYY-MM` in the CSV, a date cell formatted `yyyy-mm`.
    case month(CivilDate)
    /// A percentage as `PercentChange` writes it (`+3.13%`), written as the number 0.0313.
    case percent(String)
    case empty

    /// The cell as a CSV field: amounts with all minor digits and the format's decimal separator,
    /// dates `YYYY-MM-DD`.
    public func csvField(_ format: CSVFormat) -> String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .money(let minorUnits, let currency): format.amount(minorUnits, scale: currency.minorUnits)
        case .date(let date): date.description
        case .month(let date): String(date.description.prefix(7))
        case .percent(let text): text
        case .empty: ""
        }
    }
}

/// A batch result a workbook can take: its rows as cells and its share of the summary.
public protocol SheetBatch: BatchOutput {
    associatedtype Summary: SheetSummary
    var rowCells: [[SpreadsheetCell]] { get }
    var summary: Summary { get }
}

/// Totals that add up batch by batch and end as the rows of a summary sheet.
public protocol SheetSummary: Sendable {
    init()
    mutating func merge(_ other: Self)
    var cells: [[SpreadsheetCell]] { get }
}

extension ExportSummary: SheetSummary {}
extension RepriceSummary: SheetSummary {}

extension ExportBatchResult: SheetBatch {
    public var rowCells: [[SpreadsheetCell]] { rows.map(\.cells) }
}

extension RepriceBatchResult: SheetBatch {
    public var rowCells: [[SpreadsheetCell]] { results.map(\.cells) }
}
