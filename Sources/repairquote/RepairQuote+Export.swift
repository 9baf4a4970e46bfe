import ArgumentParser
import Foundation
import QuoteFinance
import QuoteStore

/// `repairquote export FILE --csv [--summary]`: charge lines or totals of stored quotes as CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the charge lines of stored quotes as CSV, or their totals (finance).",
        discussion: """
            FILE holds JSON lines {"case": …, "quote": …} (or - for standard input). CSV goes to \
            stdout: RFC 4180, UTF-8, CRLF line ends, '.' decimals, a header row (--locale nl-NL, or \
            --delimiter ';' --decimal-comma, for a spreadsheet of a comma-decimal locale).

            Invalid lines are reported on stderr and skipped; the exit status is then 2. See \
            docs/finance.md.
            """)

    @Argument(help: ArgumentHelp("JSON-lines file, or - for standard input.", valueName: "FILE"))
    var file: String?

    /// `--db FILE|URL`: the service's store (SQLite or PostgreSQL) instead of FILE.
    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Write CSV (the only format, and the default).")
    var csv = false

    @Flag(help: "Totals by market × month × payer × currency instead of one row per charge line.")
    var summary = false

    @Flag(
        help: """
            With --db: export the quote lines of every state, not only the decided charges of accepted \
            and rejected quotes.
            """)
    var allStates = false

    @Flag(help: "Start with a UTF-8 byte-order mark (for spreadsheets that guess the encoding).")
    var bom = false

    @OptionGroup var spreadsheet: SpreadsheetOptions
    @OptionGroup var workbook: WorkbookOption
    @OptionGroup var jobs: JobsOption

    func validate() throws {
        guard (file == nil) != (database.db == nil) else {
            throw ValidationError("give either FILE or --db FILE|URL")
        }
        if workbook.xlsx != nil, csv || bom {
            throw ValidationError(
                "--xlsx: writes a workbook instead of CSV; leave out \(csv ? "--csv" : "--bom")")
        }
        try workbook.validate(inputs: [file, database.db].compactMap { $0 }, csvOptions: spreadsheet)
    }

    func run() throws {
        let (book, input) = try workbook.open(before: {
            try CLIError.guarding {
                try database.db == nil ? InputFile(file ?? "-") : StoreInput.open(database)
            }
        })
        if let book {
            let allStates = allStates
            return try book.fill(
                from: input, jobs: jobs.jobs, rows: summary ? nil : ("Charges", ChargeRow.header),
                summaryHeader: ExportSummary.header,
                process: { QuoteExporter.export($0, summaryOnly: $1, allStates: allStates, keepRows: true) })
        }
        let format = spreadsheet.format
        if bom { StandardOutput.write("\u{FEFF}") }
        StandardOutput.write(format.record(summary ? ExportSummary.header : ChargeRow.header))
        var totals = ExportSummary()
        let summaryOnly = summary
        let allStates = allStates
        let counts = input.runPipeline(
            jobs: jobs.jobs,
            process: {
                QuoteExporter.export($0, summaryOnly: summaryOnly, allStates: allStates, format: format)
            },
            merge: { totals.merge($0.summary) })
        if summary { StandardOutput.write(totals.records(format).map(format.record).joined()) }
        try InputFile.failIfInvalid(counts)
    }
}
