import CXlsxWriter
import QuoteCore
import QuoteFinance

/// One sheet of a ``Workbook``: rows are appended in order (constant-memory mode writes each row
/// as it comes), every cell with the type and number format of its ``SpreadsheetCell``.
public final class Worksheet {
    let sheet: UnsafeMutablePointer<lxw_worksheet>
    private unowned let book: Workbook
    private let columns: Int
    /// The next row to write (0 is the header).
    public private(set) var row: UInt32 = 0
    /// The widest cell of each column so far, in characters (``ColumnWidths``).
    private var widths: [Int]

    /// The most rows a sheet holds (Excel's limit, the header included).
    public static let maxRows = 1_048_576

    init(_ sheet: UnsafeMutablePointer<lxw_worksheet>, in book: Workbook, columns: Int) {
        self.sheet = sheet
        self.book = book
        self.columns = columns
        self.widths = Array(repeating: 0, count: columns)
    }

    /// Appends one row, its cells from column A on.
    public func append(_ cells: [SpreadsheetCell]) throws(SpreadsheetError) {
        try append(cells, format: nil)
    }

    func append(_ cells: [SpreadsheetCell], format: UnsafeMutablePointer<lxw_format>?)
        throws(SpreadsheetError)
    {
        try write(cells, format: format)
        row += 1
    }

    /// Appends one row: `cells` from column A on, then each formula with its result, in the
    /// result's number format.
    func append(_ cells: [SpreadsheetCell], formulas: [ChartTable.Formula]) throws(SpreadsheetError) {
        try write(cells, format: nil)
        for (offset, formula) in formulas.enumerated() {
            let column = lxw_col_t(cells.count + offset)
            let error: lxw_error
            switch formula.result {
            case .money(let minorUnits, let currency):
                error = worksheet_write_formula_num(
                    sheet, row, column, formula.text, book.moneyFormat(currency),
                    Self.number(minorUnits, scale: currency.minorUnits))
            case .integer(let value):
                error = worksheet_write_formula_num(sheet, row, column, formula.text, nil, Double(value))
            default:
                error = worksheet_write_formula(sheet, row, column, formula.text, nil)
            }
            try book.check(error, "row \(row + 1), column \(Int(column) + 1)")
        }
        row += 1
    }

    /// Leaves the rows before `next` empty (rows are written in order).
    func skip(to next: UInt32) { row = max(row, next) }

    /// Writes `cells` into the current row from column A on.
    private func write(_ cells: [SpreadsheetCell], format: UnsafeMutablePointer<lxw_format>?)
        throws(SpreadsheetError)
    {
        for (index, cell) in cells.enumerated() {
            let column = lxw_col_t(index)
            if index < widths.count { widths[index] = max(widths[index], ColumnWidths.characters(cell)) }
            let error: lxw_error
            switch cell {
            case .text(let text):
                error = worksheet_write_string(sheet, row, column, text, format)
            case .integer(let value):
                error = worksheet_write_number(sheet, row, column, Double(value), format)
            case .money(let minorUnits, let currency):
                let number = Self.number(minorUnits, scale: currency.minorUnits)
                error = worksheet_write_number(sheet, row, column, number, book.moneyFormat(currency))
            case .date(let date):
                var value = lxw_datetime(
                    year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0,
                    sec: 0)
                error = worksheet_write_datetime(sheet, row, column, &value, book.dateFormat)
            case .month(let date):
                var value = lxw_datetime(
                    year: Int32(date.year), month: Int32(date.month), day: 1, hour: 0, min: 0, sec: 0)
                error = worksheet_write_datetime(sheet, row, column, &value, book.monthFormat)
            case .percent(let text):
                guard let fraction = Self.fraction(text) else {
                    error = worksheet_write_string(sheet, row, column, text, format)
                    break
                }
                error = worksheet_write_number(sheet, row, column, fraction, book.percentFormat)
            case .empty:
                error = LXW_NO_ERROR
            }
            try book.check(error, "row \(row + 1), column \(index + 1)")
        }
    }

    /// The autofilter over the header and the rows written, and the column widths.
    func finish() throws(SpreadsheetError) {
        guard columns > 0 else { return }
        for (index, characters) in widths.enumerated() {
            let width = ColumnWidths.width(characters)
            try book.check(
                worksheet_set_column(sheet, lxw_col_t(index), lxw_col_t(index), width, nil), "column width")
        }
        let last = lxw_col_t(columns - 1)
        try book.check(worksheet_autofilter(sheet, 0, 0, max(row, 1) - 1, last), "autofilter")
    }

    /// The amount as the number an xlsx cell stores. xlsx keeps every number as an IEEE double,
    /// so this is the one place money leaves integer minor units: `1999` EUR cents → `19.99`, the
    /// double nearest to the exact amount (both operands are exact integers below 2^53, and the
    /// division rounds once). Amounts up to 2^53 minor units (90 trillion euros) come back exact
    /// when read and rounded to the currency's minor units.
    static func number(_ minorUnits: Int64, scale: Int) -> Double {
        var divisor = 1.0
        for _ in 0..<scale { divisor *= 10 }
        return Double(minorUnits) / divisor
    }

    /// `+3.13%` → 0.0313; nil for text that is not a percentage.
    static func fraction(_ percent: String) -> Double? {
        guard percent.hasSuffix("%"), let value = Double(percent.dropLast()) else { return nil }
        return value / 100
    }
}
