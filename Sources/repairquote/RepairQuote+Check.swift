import ArgumentParser
import Foundation
import QuoteFinance
import QuoteStore

/// `repairquote check FILE`: recomputes stored quotes and reports every difference.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Recompute stored quotes and report every difference (finance).",
        discussion: """
            FILE holds JSON lines {"case": …, "quote": …} (or - for standard input). Each quote is \
            recomputed with the price-list version it recorded and compared field by field. Report \
            lines go to stdout, then a summary line. See docs/finance.md.

            Exit status: 0 all matched, 1 differences found, 2 invalid lines (or bad arguments).
            """)

    @Argument(help: ArgumentHelp("JSON-lines file, or - for standard input.", valueName: "FILE"))
    var file: String?

    /// `--db FILE|URL`: the service's store (SQLite or PostgreSQL) instead of FILE.
    @OptionGroup var database: DatabaseOptions

    @Flag(
        help:
            "Write the report as CSV (a record per difference, effect and invalid line); the summary goes to stderr."
    )
    var csv = false

    @OptionGroup var booking: BookingOptions
    @OptionGroup var priceLists: PriceListOptions
    @OptionGroup var jobs: JobsOption

    func validate() throws {
        guard (file == nil) != (database.db == nil) else {
            throw ValidationError("give either FILE or --db FILE|URL")
        }
        try booking.validate(fromStore: database.db != nil)
    }

    func run() throws {
        let (catalog, input) = try CLIError.guarding {
            (
                try priceLists.loadCatalog(),
                try database.db == nil
                    ? InputFile(file ?? "-") : StoreInput.open(database, zones: try priceLists.timeZones())
            )
        }
        if csv { StandardOutput.write(CSV.record(CheckReport.csvHeader)) }
        var checker = QuoteChecker(catalog: catalog)
        checker.booking = booking.filter(fromStore: database.db != nil)
        let summary = checker.run(
            input.reader, jobs: jobs.jobs, csv: csv ? .standard : nil, output: input.reportOutput(text: !csv),
            progress: { rows, bytes in input.progress?.update(rows: rows, bytes: bytes) })
        input.progress?.finish()
        try input.throwIfCut()
        if !checker.booking.hasRange { try input.failIfEmpty(read: summary.read) }
        let lines = ([summary.line(counting: input.isStore ? "quote" : "line")] + summary.effects.lines).map {
            $0 + "\n"
        }.joined()
        if csv { FileHandle.standardError.write(Data(lines.utf8)) } else { StandardOutput.write(lines) }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}
