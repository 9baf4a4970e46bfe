import ArgumentParser
import Foundation
import QuoteFinance
import QuoteSpreadsheet
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

            --by chooses the date that books a quote (its month in --summary, and the date --from \
            and --to keep): the request, the issue, or the customer's decision (from the store, \
            the default there). Columns issueDate, decidedAt (the market's time, with its offset), \
            decision and channel come from the store's record.

            Nothing partial: an invalid line means nothing is written (exit 2, the lines listed on \
            stderr) unless --skip-invalid. An input without quotes is exit 2. See docs/finance.md.

            --report (with --db) writes one finance report from the store's aggregates instead: \
            conversion, decision-time, payers or top-models, over the quotes issued in \
            --from-month … --to-month (default the last 12 months), filtered by --market, \
            --currency, --issuer and --model-family.
            """)

    @Argument(help: ArgumentHelp("JSON-lines file, or - for standard input.", valueName: "FILE"))
    var file: String?

    /// `--db FILE|URL`: the service's store (SQLite or PostgreSQL) instead of FILE.
    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Write CSV (the only format, and the default).")
    var csv = false

    @Flag(help: "Totals by market × month × currency × state × payer instead of one row per charge line.")
    var summary = false

    @Flag(
        help: """
            With --db: export the quote lines of every state, not only the decided charges of accepted \
            and rejected quotes.
            """)
    var allStates = false

    @Flag(help: "Start with a UTF-8 byte-order mark (for spreadsheets that guess the encoding).")
    var bom = false

    @Flag(help: "With --db: every quote's history instead, one CSV row per event (for auditors).")
    var events = false

    @OptionGroup var booking: BookingOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var invalidLines: SkipInvalidOption
    @OptionGroup var spreadsheet: SpreadsheetOptions
    @OptionGroup var workbook: WorkbookOption
    @OptionGroup var jobs: JobsOption
    /// With --db: the markets' time zones, for `decidedAt`.
    @OptionGroup var priceLists: PriceListOptions

    func validate() throws {
        guard (file == nil) != (database.db == nil) else {
            throw ValidationError("give either FILE or --db FILE|URL")
        }
        if events, database.db == nil || summary || allStates || workbook.xlsx != nil {
            throw ValidationError("--events: only with --db, and without --summary, --all-states or --xlsx")
        }
        if allStates, database.db == nil {
            throw ValidationError("--all-states: only with --db (a file's quotes are exported as they are)")
        }
        try booking.validate(fromStore: database.db != nil)
        if report.report != nil {
            let others = [
                ("FILE", file != nil), ("--summary", summary), ("--all-states", allStates),
                ("--xlsx", workbook.xlsx != nil), ("--by, --from and --to", booking.isGiven),
            ].filter(\.1).map(\.0)
            if database.db == nil {
                throw ValidationError("--report: only with --db FILE|URL (the service's store)")
            }
            if let other = others.first { throw ValidationError("--report: leave out \(other)") }
        }
        if workbook.xlsx != nil, csv || bom {
            throw ValidationError(
                "--xlsx: writes a workbook instead of CSV; leave out \(csv ? "--csv" : "--bom")")
        }
        try workbook.validate(inputs: [file, database.db].compactMap { $0 }, csvOptions: spreadsheet)
    }

    func run() throws {
        if events { return try EventsExport.run(database, bom: bom) }
        if let kind = report.report {
            return try report.write(kind, database: database, format: spreadsheet.format, bom: bom)
        }
        let (book, input) = try workbook.open(before: {
            try CLIError.guarding {
                try database.db == nil
                    ? InputFile(file ?? "-") : StoreInput.open(database, zones: try priceLists.timeZones())
            }
        })
        let (allStates, filter) = (allStates, booking.filter(fromStore: database.db != nil))
        if let book {
            return try book.fill(
                from: input, jobs: jobs.jobs, rows: summary ? nil : ("Charges", ChargeRow.header),
                summaryHeader: ExportSummary.header, skipInvalid: invalidLines.skipInvalid,
                omit: input.isStore ? [] : ["state"], charts: FinanceCharts.export,
                process: {
                    QuoteExporter.export(
                        $0, summaryOnly: $1, allStates: allStates, keepRows: true, booking: filter)
                })
        }
        let (format, spool, summaryOnly) = (spreadsheet.format, OutputSpool(), summary)
        if bom { spool.write("\u{FEFF}") }
        spool.write(format.record(summary ? ExportSummary.header : ChargeRow.header))
        var totals = ExportSummary()
        let counts = try input.runPipeline(
            jobs: jobs.jobs, spool: spool,
            process: {
                QuoteExporter.export(
                    $0, summaryOnly: summaryOnly, allStates: allStates, format: format, booking: filter)
            },
            merge: { totals.merge($0.summary) })
        if summary { spool.write(totals.records(format).map(format.record).joined()) }
        try invalidLines.conclude(counts, input: input, discard: spool.discard, commit: spool.commit)
    }
}
