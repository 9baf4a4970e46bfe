import ArgumentParser
import Foundation
import QuoteBench
import QuoteCore
import QuoteFinance

/// `repairquote bench generate N`: reproducible `{"case","quote"}` lines for `check` and `export`.
struct BenchGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write N reproducible {\"case\",\"quote\"} JSON lines across all markets and outcomes.",
        discussion: """
            The same N, seed and price lists give the same bytes. With --corrupt P a share P (0 to 1) \
            of the quotes is altered by a cent, a payer or a dropped line, for check to find.

            Example:
              repairquote bench generate 1000000 --seed 7 > /tmp/quotes.jsonl
            """)

    @Argument(help: "Number of lines.")
    var count: Int

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Share of quotes to corrupt, from 0 to 1 (e.g. 0.01).", valueName: "P"))
    var corrupt: String = "0"

    @OptionGroup var priceLists: PriceListOptions
    @OptionGroup var jobs: JobsOption

    func validate() throws {
        guard count >= 0 else { throw ValidationError("N must not be negative") }
        guard let share = try? Decimals.parse(corrupt, scale: 6, allowNegative: false), share <= 1_000_000
        else {
            throw ValidationError("--corrupt must be a share from 0 to 1 with at most 6 decimals, e.g. 0.01")
        }
    }

    func run() throws {
        let catalog = try CLIError.guarding { try priceLists.loadCatalog() }
        let perMillion = Int((try? Decimals.parse(corrupt, scale: 6, allowNegative: false)) ?? 0)
        let generator = BenchGenerator(catalog: catalog, seed: seed, corruptPerMillion: perMillion)
        var start = 0
        OrderedPipeline.run(
            jobs: jobs.jobs,
            next: { () -> Range<Int>? in
                guard start < count else { return nil }
                defer { start = min(start + 256, count) }
                return start..<min(start + 256, count)
            },
            process: { (range: Range<Int>) in range.map { generator.line($0) + "\n" }.joined() },
            emit: StandardOutput.write)
    }
}
