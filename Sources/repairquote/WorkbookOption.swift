import ArgumentParser
import Foundation
import QuoteFinance
import QuoteSpreadsheet

/// `--xlsx FILE` of `export` and `reprice`: an .xlsx workbook instead of CSV or text on stdout.
struct WorkbookOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            """
            Write an .xlsx workbook to FILE instead of stdout: amounts as numbers in their currency's \
            format, dates as dates, the header row frozen, a sheet of rows, one of the summary and \
            one of charts drawn from the summary (not with reprice --compare).
            """, valueName: "FILE"))
    var xlsx: String?

    /// Refuses, before any input is read, a path that cannot be a workbook file (empty, a folder)
    /// or that is one of the command's inputs (the workbook would overwrite it), and the text
    /// options of CSV, which a workbook does not use.
    func validate(inputs: [String], csvOptions: SpreadsheetOptions) throws {
        guard let xlsx else { return }
        guard !xlsx.isEmpty else {
            throw ValidationError("--xlsx: expected a file path such as charges.xlsx")
        }
        var isFolder: ObjCBool = false
        if xlsx.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: xlsx, isDirectory: &isFolder) && isFolder.boolValue)
        {
            throw ValidationError(
                "--xlsx: \(xlsx) is a folder; give a file path such as \(xlsx.hasSuffix("/") ? xlsx : xlsx + "/")charges.xlsx"
            )
        }
        for input in inputs where Self.sameFile(input, xlsx) {
            throw ValidationError(
                "--xlsx: \(xlsx) is the input \(input): the workbook would overwrite it; give another file")
        }
        if csvOptions.delimiter != nil || csvOptions.decimalComma || csvOptions.locale != nil {
            throw ValidationError(
                "--xlsx: a workbook holds numbers, not text: leave out --delimiter, --decimal-comma and --locale"
            )
        }
    }

    /// Whether two paths name one existing file (through links and `..` too).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        let manager = FileManager.default
        guard let first = try? manager.attributesOfItem(atPath: a),
            let second = try? manager.attributesOfItem(atPath: b)
        else { return false }
        let id = FileAttributeKey.systemFileNumber
        let device = FileAttributeKey.systemNumber
        return (first[id] as? NSNumber) == (second[id] as? NSNumber)
            && (first[device] as? NSNumber) == (second[device] as? NSNumber) && first[id] != nil
    }

    /// The workbook (nil without `--xlsx`), then the command's input. The workbook comes first, so
    /// a path it cannot use stops before a store's reader thread starts (exiting with that thread
    /// writing into its pipe ended some runs by SIGPIPE); it is removed when the input cannot be
    /// opened.
    func open<Input>(before input: () throws -> Input) throws -> (book: WorkbookOutput?, input: Input) {
        let book = try open()
        do {
            return (book, try input())
        } catch {
            book?.book.discard()
            throw error
        }
    }

    /// The workbook, or nil without `--xlsx`; a path that cannot be written is exit 2 with
    /// `--xlsx: FILE: reason`, before any input is read.
    func open() throws -> WorkbookOutput? {
        guard let xlsx else { return nil }
        return try CLIError.guarding {
            do {
                return WorkbookOutput(try Workbook(path: xlsx))
            } catch {
                throw CLIError.badInput("--xlsx: \(error)")
            }
        }
    }
}

/// A workbook being filled from the finance pipeline, whose `merge` cannot throw: the first
/// failure is kept, later rows are dropped, and ``close()`` reports it (exit 2, no file left).
final class WorkbookOutput {
    let book: Workbook
    private var failure: SpreadsheetError?
    /// The input being read into the workbook, stopped when a sheet is full.
    private weak var input: InputFile?

    init(_ book: Workbook) { self.book = book }

    func sheet(_ name: String, header: [String]) throws -> Worksheet {
        try guarded { () throws(SpreadsheetError) in try book.addSheet(name, header: header) }
    }

    func append(_ rows: [[SpreadsheetCell]], to sheet: Worksheet) {
        guard failure == nil else { return }
        guard Int(sheet.row) + rows.count <= Worksheet.maxRows else {
            failure = SpreadsheetError(file: book.path, Self.tooManyRows)
            input?.stopped = true
            return
        }
        do {
            for row in rows { try sheet.append(row) }
        } catch {
            failure = error
        }
    }

    /// Runs the finance pipeline into the workbook: a sheet `rows` of every batch's rows (none when
    /// nil; `process` is then told to keep only the summary) and a `Summary` sheet of the totals,
    /// without the columns named in `omit`, and a `Charts` sheet of the tables `charts` makes from
    /// the summary's kept header and rows (none when nil). Then puts the workbook in place, only
    /// whole: an invalid line leaves no workbook (exit 2) unless `skipInvalid`, which adds a
    /// `Skipped` sheet of the lines left out.
    func fill<Output: SheetBatch>(
        from input: InputFile, jobs: Int, rows: (name: String, header: [String])?, summaryHeader: [String],
        skipInvalid: Bool = false, omit: Set<String> = [],
        charts: ((_ header: [String], _ rows: [[SpreadsheetCell]]) throws -> [ChartTable])? = nil,
        process: @escaping (_ batch: LineBatch, _ summaryOnly: Bool) -> Output
    ) throws {
        if rows != nil { try CLIError.guarding { try refuseOversized(input) } }
        self.input = input
        let rowColumns = rows.flatMap { Self.kept($0.header, omit: omit) }
        let summaryColumns = Self.kept(summaryHeader, omit: omit)
        let rowSheet = try rows.map { try sheet($0.name, header: Self.pick($0.header, rowColumns)) }
        let totalsSheet = try sheet("Summary", header: Self.pick(summaryHeader, summaryColumns))
        var totals = Output.Summary()
        var skipped: [String] = []
        let summaryOnly = rowSheet == nil
        let counts: (lines: Int, invalid: Int)
        do {
            counts = try input.runPipeline(
                jobs: jobs, process: { process($0, summaryOnly) },
                merge: { result in
                    totals.merge(result.summary)
                    skipped += result.invalid
                    if let rowSheet {
                        self.append(result.rowCells.map { Self.pick($0, rowColumns) }, to: rowSheet)
                    }
                })
        } catch {
            book.discard()
            throw error
        }
        let summaryRows = totals.cells.map { Self.pick($0, summaryColumns) }
        append(summaryRows, to: totalsSheet)
        if let charts, failure == nil {
            let header = Self.pick(summaryHeader, summaryColumns)
            let tables = try guarded { () throws(SpreadsheetError) in
                do {
                    return try charts(header, summaryRows)
                } catch {
                    throw SpreadsheetError(file: book.path, "\(error)")
                }
            }
            try guarded { () throws(SpreadsheetError) in try book.addChartsSheet(tables) }
        }
        try SkipInvalidOption.conclude(
            skipInvalid: skipInvalid, counts, input: input, discard: { book.discard() },
            commit: {
                if !skipped.isEmpty {
                    let skippedSheet = try sheet("Skipped", header: ["line", "reason"])
                    append(
                        skipped.compactMap(InvalidLine.parts).map { [.integer($0.line), .text($0.reason)] },
                        to: skippedSheet)
                }
                try close()
            })
    }

    /// The indices of `header`'s columns not in `omit`; nil when every column is kept.
    static func kept(_ header: [String], omit: Set<String>) -> [Int]? {
        header.contains(where: omit.contains) ? header.indices.filter { !omit.contains(header[$0]) } : nil
    }

    /// The elements of `row` at `columns` (all of them when nil).
    static func pick<T>(_ row: [T], _ columns: [Int]?) -> [T] { columns.map { $0.map { row[$0] } } ?? row }

    static let tooManyRows =
        "more than 1,048,576 rows, the most a sheet holds: give --summary for totals, or a date range "
        + "(--from, --to) for fewer quotes"

    /// Refuses, before any work, a file input with more lines than a sheet holds rows (each
    /// quote gives one row or more). Only a file so large that it may hold that many lines is
    /// counted (a scan for line breaks, about 0.2 s a GB), so smaller inputs cost nothing.
    func refuseOversized(_ input: InputFile, smallestLine: Int = 256) throws {
        guard input.path != "-", !input.isStore,
            let attributes = try? FileManager.default.attributesOfItem(atPath: input.path),
            let size = (attributes[.size] as? NSNumber)?.intValue, size > Worksheet.maxRows * smallestLine,
            let lines = LineCounter.count(path: input.path), lines >= Worksheet.maxRows
        else { return }
        book.discard()
        throw CLIError.badInput("--xlsx: \(input.path) has \(lines) lines: \(Self.tooManyRows)")
    }

    /// Puts the workbook in place, or removes it and exits 2 with the reason.
    func close() throws {
        try guarded { () throws(SpreadsheetError) in
            if let failure { throw failure }
            try book.close()
        }
    }

    /// `body`, or on failure the workbook removed and exit 2 with `--xlsx: FILE: reason`.
    private func guarded<T>(_ body: () throws(SpreadsheetError) -> T) throws -> T {
        try CLIError.guarding {
            do {
                return try body()
            } catch {
                book.discard()
                throw CLIError.badInput("--xlsx: \(error)")
            }
        }
    }
}
