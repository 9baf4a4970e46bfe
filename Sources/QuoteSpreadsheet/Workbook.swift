import CXlsxWriter
import Foundation
import QuoteCore
import QuoteFinance

/// An .xlsx workbook written with libxlsxwriter, in constant-memory mode (each sheet's rows go to
/// a temporary file as they are added, in order), so a sheet of a million charge lines needs no
/// more memory than one of ten.
///
/// The file appears only whole: the workbook is written to a temporary file in the same folder
/// (created by `init`, so an unwritable path fails before any work) and renamed over `path` by
/// ``close()``; ``discard()`` (or a failed close) removes it.
///
/// ```swift
/// let book = try Workbook(path: "/tmp/charges.xlsx")
/// let sheet = try book.addSheet("Charges", header: ["quote", "net"])
/// try sheet.append([.text("NL-2026-000001"), .money(1250, eur)])
/// try book.close()
/// ```
public final class Workbook {
    public let path: String
    let temporaryPath: String
    private(set) var handle: UnsafeMutablePointer<lxw_workbook>?
    private var sheets: [Worksheet] = []
    private var moneyFormats: [String: UnsafeMutablePointer<lxw_format>] = [:]
    private(set) var boldFormat: UnsafeMutablePointer<lxw_format>?
    private(set) var dateFormat: UnsafeMutablePointer<lxw_format>?
    private(set) var monthFormat: UnsafeMutablePointer<lxw_format>?
    private(set) var percentFormat: UnsafeMutablePointer<lxw_format>?

    public init(path: String) throws(SpreadsheetError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        temporaryPath = folder + "/." + url.lastPathComponent + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
            throw SpreadsheetError(
                file: path,
                !exists
                    ? "the folder \(folder) does not exist"
                    : !isDirectory.boolValue ? "\(folder) is not a folder" : "cannot write in \(folder)")
        }
        var options = lxw_workbook_options(
            constant_memory: UInt8(LXW_TRUE.rawValue), tmpdir: nil, use_zip64: 0)
        handle = workbook_new_opt(temporaryPath, &options)
        guard let handle else {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw SpreadsheetError(file: path, "libxlsxwriter could not create a workbook (out of memory)")
        }
        boldFormat = workbook_add_format(handle)
        format_set_bold(boldFormat)
        dateFormat = workbook_add_format(handle)
        format_set_num_format(dateFormat, "yyyy-mm-dd")
        monthFormat = workbook_add_format(handle)
        format_set_num_format(monthFormat, "yyyy-mm")
        percentFormat = workbook_add_format(handle)
        format_set_num_format(percentFormat, "0.00%")
    }

    deinit { if handle != nil { discard() } }

    /// A new sheet named `name` whose first row is `header` (bold), frozen so it stays in view and
    /// repeated at the top of each printed page, with an autofilter over the columns and column
    /// widths fitting the content once the rows are in; it prints landscape, one page wide.
    public func addSheet(_ name: String, header: [String]) throws(SpreadsheetError) -> Worksheet {
        guard let handle, let sheet = workbook_add_worksheet(handle, name) else {
            throw SpreadsheetError(file: path, "cannot add the sheet \"\(name)\"")
        }
        let worksheet = Worksheet(sheet, in: self, columns: header.count)
        try worksheet.append(header.map(SpreadsheetCell.text), format: boldFormat)
        worksheet_freeze_panes(sheet, 1, 0)
        try check(worksheet_repeat_rows(sheet, 0, 0), "header row on each printed page")
        worksheet_set_landscape(sheet)
        worksheet_fit_to_pages(sheet, 1, 0)
        sheets.append(worksheet)
        return worksheet
    }

    /// The number format of amounts in `currency`: all its minor digits, thousands grouped, and
    /// the code after the number (`#,##0.00 "EUR"`, or `#,##0 "JPY"` without minor units).
    func moneyFormat(_ currency: Currency) -> UnsafeMutablePointer<lxw_format>? {
        if let format = moneyFormats[currency.code] { return format }
        guard let handle else { return nil }
        let digits = currency.minorUnits > 0 ? "." + String(repeating: "0", count: currency.minorUnits) : ""
        let format = workbook_add_format(handle)
        format_set_num_format(format, "#,##0\(digits) \"\(currency.code)\"")
        moneyFormats[currency.code] = format
        return format
    }

    func check(_ error: lxw_error, _ doing: @autoclosure () -> String) throws(SpreadsheetError) {
        guard error != LXW_NO_ERROR else { return }
        throw SpreadsheetError(file: path, "\(doing()): \(String(cString: lxw_strerror(error)))")
    }

    /// Writes the workbook and puts it at `path` (replacing a file there).
    public func close() throws(SpreadsheetError) {
        guard let handle else { throw SpreadsheetError(file: path, "the workbook is already closed") }
        for sheet in sheets { try sheet.finish() }
        self.handle = nil
        let closed = workbook_close(handle)
        guard closed == LXW_NO_ERROR else {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw SpreadsheetError(
                file: path, "cannot write the workbook: \(String(cString: lxw_strerror(closed)))")
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw SpreadsheetError(file: path, "cannot move the workbook into place: \(reason)")
        }
    }

    /// Drops the workbook: nothing is left at `path` or in its folder.
    public func discard() {
        if let handle {
            self.handle = nil
            _ = workbook_close(handle)
        }
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
