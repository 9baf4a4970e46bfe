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

    @OptionGroup var priceLists: PriceListOptions
    @OptionGroup var jobs: JobsOption

    func validate() throws {
        guard (file == nil) != (database.db == nil) else {
            throw ValidationError("give either FILE or --db FILE|URL")
        }
    }

    func run() throws {
        let (catalog, input) = try CLIError.guarding {
            (
                try priceLists.loadCatalog(),
                try database.db == nil ? InputFile(file ?? "-") : StoreInput.open(database)
            )
        }
        let summary = QuoteChecker(catalog: catalog).run(
            input.reader, jobs: jobs.jobs, output: StandardOutput.write,
            progress: { rows, bytes in input.progress?.update(rows: rows, bytes: bytes) })
        input.progress?.finish()
        StandardOutput.write(summary.line + "\n")
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}
