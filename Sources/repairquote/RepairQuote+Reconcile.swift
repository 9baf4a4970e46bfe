import ArgumentParser
import Foundation
import QuoteFinance

/// `repairquote reconcile LEDGER.csv (FILE | --db DB)`: an ERP's booked amounts against the decided
/// charges, per quote and payer.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract:
            "Match a ledger's booked amounts against the decided charges per quote and payer (finance).",
        discussion: """
            LEDGER.csv is what another system booked: a header row, then one row per quote and payer \
            with an amount (columns named by --quote-column, --payer-column, --amount-column; \
            --delimiter, --decimal-comma and --locale as export takes them). FILE holds JSON lines \
            {"case": …, "quote": …} (its quote lines count), or --db reads the service's store (the \
            decided charges: an accepted quote's lines, a rejected quote's ifRejected lines). \
            --by decision --from 2026-11-01 --to 2026-11-30 keeps the charges of one month, as \
            export books them.

            Reports ledger rows with no such quote or charge, charges with no ledger row, amounts \
            that differ (ledger − charged), and a summary per market, currency and payer. --csv \
            writes the findings as CSV (the summary then goes to stderr). See docs/finance.md.

            Exit status: 0 everything matched, 1 differences found, 2 bad input (the message names \
            the ledger's line and column) or bad arguments.
            """)

    @Argument(help: ArgumentHelp("The ledger CSV, with a header row.", valueName: "LEDGER.csv"))
    var ledger: String

    @Argument(help: ArgumentHelp("JSON-lines file, or - for standard input.", valueName: "FILE"))
    var file: String?

    /// `--db FILE|URL`: the service's store (SQLite or PostgreSQL) instead of FILE.
    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The ledger's column of quote numbers.", valueName: "NAME"))
    var quoteColumn = "quote"

    @Option(
        help: ArgumentHelp(
            "The ledger's column of payers (consumer, manufacturer, retailer).", valueName: "NAME"))
    var payerColumn = "payer"

    @Option(help: ArgumentHelp("The ledger's column of amounts (gross).", valueName: "NAME"))
    var amountColumn = "gross"

    @Flag(help: "Write the findings as CSV instead of text.")
    var csv = false

    @OptionGroup var booking: BookingOptions
    /// With --db: the markets' time zones, for the decision dates `--by decision` books by.
    @OptionGroup var priceLists: PriceListOptions
    @OptionGroup var spreadsheet: SpreadsheetOptions
    @OptionGroup var jobs: JobsOption

    func validate() throws {
        guard (file == nil) != (database.db == nil) else {
            throw ValidationError("give either FILE or --db FILE|URL after LEDGER.csv")
        }
        guard ledger != "-" || file != "-" else {
            throw ValidationError("the ledger and FILE cannot both be -")
        }
        try booking.validate(fromStore: database.db != nil)
    }

    func run() throws {
        let (ledgerFile, input) = try CLIError.guarding {
            (
                try InputFile(ledger),
                try database.db == nil
                    ? InputFile(file ?? "-") : StoreInput.open(database, zones: try priceLists.timeZones())
            )
        }
        let format = spreadsheet.format
        let reconciler = Reconciler(format: format)
        let counts = try input.runPipeline(
            jobs: jobs.jobs,
            process: { [booking = booking.filter(fromStore: database.db != nil)] in
                ChargeBatch.read($0, booking: booking)
            }, merge: { reconciler.add($0) })
        try InputFile.failIfInvalid(counts)
        let columns = LedgerReader.Columns(quote: quoteColumn, payer: payerColumn, amount: amountColumn)
        try CLIError.guarding {
            do {
                try LedgerReader(ledgerFile.reader, delimiter: format.delimiter, columns: columns).forEachRow
                {
                    (row) throws(LedgerError) in try reconciler.book(row, columns: columns)
                }
            } catch let error as LedgerError {
                throw CLIError.badInput("\(ledger):\(error)")
            }
        }
        let result = reconciler.finish()
        let summary = result.summary.lines.map { "summary: \($0)\n" }.joined()
        if csv {
            StandardOutput.write(
                format.record(ReconcileFinding.header)
                    + result.findings.map { format.record($0.fields(format)) }.joined())
            FileHandle.standardError.write(Data(summary.utf8))
        } else {
            StandardOutput.write(result.findings.map { $0.text + "\n" }.joined() + summary)
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
