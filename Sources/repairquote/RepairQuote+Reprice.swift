import ArgumentParser
import Foundation
import QuoteCore
import QuoteFinance
import QuoteSpreadsheet

/// `repairquote reprice (FILE | --db DB) --on DATE`: stored quotes recomputed with the price list
/// in force on DATE, quote by quote or as totals per market and currency.
struct RepriceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprice",
        abstract:
            "Recompute stored quotes as if requested on a date, with the price list in force then (finance).",
        discussion: """
            FILE holds JSON lines {"case": …, "quote": …} (or - for standard input), as check and \
            export read them; --db reads the service's store instead (a SQLite file or a postgres:// \
            URL), in market and number order through an index, a page at a time, as check and export \
            do. Each case is quoted as if requested on DATE with the price-list version in force \
            that day. --on moves the request date AND the price list at once: old quotes may leave \
            warranty or their return window on DATE, so its difference mixes those changes with the \
            price change.

            --compare OLD NEW prices each quote of OLD's market with two version folders, each on \
            its own request date, so that only the prices differ; it gives old and new charges and \
            the difference per payer (consumer, manufacturer, retailer). From the store a quote counts \
            what was charged: an accepted repair, a rejected quote's ifRejected lines, nothing for \
            the undecided (--all-states: every quote's own lines).

            Per quote: the old and new consumer total and the difference; a changed coverage status \
            or payer is flagged; a case the new list cannot price is reported with the reason. \
            --summary gives per market and currency the count, old and new totals, difference and \
            percent.

            Exit status: 0, or 2 when lines were invalid (the rest is reported) or bad arguments.
            """)

    @Argument(help: ArgumentHelp("JSON-lines file, or - for standard input.", valueName: "FILE"))
    var file: String?

    @Option(
        help: ArgumentHelp(
            "Read the issued quotes of the service's store (SQLite file or postgres:// URL) instead of FILE.",
            valueName: "DB"))
    var db: String?

    @Option(
        help: ArgumentHelp(
            "The request date to reprice on (YYYY-MM-DD); moves warranty dates and the price list at once.",
            valueName: "DATE"))
    var on: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Two version folders of one market: price each quote with both on its own request date.",
            valueName: "OLD NEW"))
    var compare: [String] = []

    @Flag(help: "With --compare and --db: count every quote's own lines, not only what was charged.")
    var allStates = false

    @Flag(help: "Totals per market and currency instead of one line per quote.")
    var summary = false

    @Flag(help: "Write CSV instead of text.")
    var csv = false

    @OptionGroup var booking: BookingOptions
    @OptionGroup var invalidLines: SkipInvalidOption
    @OptionGroup var spreadsheet: SpreadsheetOptions
    @OptionGroup var workbook: WorkbookOption
    @OptionGroup var priceLists: PriceListOptions
    @OptionGroup var jobs: JobsOption

    func validate() throws {
        guard (file == nil) != (db == nil) else { throw ValidationError("give either FILE or --db DB") }
        try validateDateOrCompare()
        if workbook.xlsx != nil, csv {
            throw ValidationError("--xlsx: writes a workbook instead of CSV; leave out --csv")
        }
        try workbook.validate(inputs: [file, db].compactMap { $0 }, csvOptions: spreadsheet)
        try spreadsheet.validateOnlyWith(csv: csv || workbook.xlsx != nil)
        try booking.validate(fromStore: db != nil)
    }

    /// The store's quotes with `--db`, read in key order a page at a time (``StoreInput``), so
    /// memory stays flat whatever the store's size; nil without `--db`.
    func storeInput() throws -> InputFile? {
        try db.map { try StoreInput.open(DatabaseOptions(db: $0), zones: try priceLists.timeZones()) }
    }

    func run() throws {
        if !compare.isEmpty { return try runCompare() }
        let on = on!
        let (book, (catalog, input)) = try workbook.open(before: {
            try CLIError.guarding {
                (
                    try priceLists.loadCatalog(),
                    try storeInput()
                        ?? InputFile(file ?? "-")
                )
            }
        })
        let repricer = {
            var repricer = Repricer(catalog: catalog, date: CivilDate(on)!)
            repricer.booking = booking.filter(fromStore: db != nil)
            return repricer
        }()
        if let book {
            return try book.fill(
                from: input, jobs: jobs.jobs, rows: summary ? nil : ("Quotes", RepriceReport.header),
                summaryHeader: RepriceSummary.header, skipInvalid: invalidLines.skipInvalid,
                charts: FinanceCharts.reprice, process: { repricer.reprice($0, style: $1 ? .none : .results) }
            )
        }
        let (format, csv, summary) = (spreadsheet.format, csv, summary)
        let style: Repricer.ReportStyle = summary ? .none : csv ? .csv(format) : .text
        try ReportRun.run(
            input: input, jobs: jobs.jobs, skipInvalid: invalidLines.skipInvalid,
            head: csv ? format.record(summary ? RepriceSummary.header : RepriceReport.header) : "",
            totals: RepriceSummary(), process: { repricer.reprice($0, style: style) },
            merge: { $0.merge($1.summary) },
            tail: {
                Self.tail(csv: csv, summary: summary, lines: $0.lines, records: $0.records(format), format)
            })
    }
}
