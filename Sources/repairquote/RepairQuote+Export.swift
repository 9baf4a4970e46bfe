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
            FILE holds JSON lines {"case": …, "quote": …} (or - for standard input). CSV goes to
            stdout: RFC 4180, UTF-8, CRLF line ends, '.' decimals, a header row. Invalid lines are
            reported on stderr and skipped; the exit status is then 2. See docs/finance.md.
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

    @OptionGroup var jobs: JobsOption

    func validate() throws {
        guard (file == nil) != (database.db == nil) else {
            throw ValidationError("give either FILE or --db FILE|URL")
        }
    }

    func run() throws {
        let input = try CLIError.guarding {
            try database.db == nil ? InputFile(file ?? "-") : StoreInput.open(database)
        }
        if bom { StandardOutput.write("\u{FEFF}") }
        StandardOutput.write(CSV.record(summary ? ExportSummary.header : ChargeRow.header))
        var totals = ExportSummary()
        var lines = 0
        var invalid = 0
        let summaryOnly = summary
        let allStates = allStates
        OrderedPipeline.run(
            jobs: jobs.jobs, next: input.next,
            process: { batch in
                (
                    QuoteExporter.export(batch, summaryOnly: summaryOnly, allStates: allStates),
                    batch.bytesConsumed
                )
            },
            emit: { result, bytes in
                StandardOutput.write(result.csv)
                for message in result.invalid { FileHandle.standardError.write(Data((message + "\n").utf8)) }
                invalid += result.invalid.count
                lines += result.lines
                totals.merge(result.summary)
                input.progress?.update(rows: lines, bytes: bytes)
            })
        input.progress?.finish()
        if summary { StandardOutput.write(totals.records.map(CSV.record).joined()) }
        if invalid > 0 {
            FileHandle.standardError.write(Data("repairquote: \(invalid) of \(lines) lines invalid\n".utf8))
            throw ExitCode(2)
        }
    }
}
