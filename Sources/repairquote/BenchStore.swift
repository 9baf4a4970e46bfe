import ArgumentParser
import Dispatch
import Foundation
import QuoteBench
import QuoteCore
import QuoteStore

/// `repairquote bench store N --db FILE|URL`: a store of N issued quotes, for benchmarks and reports.
struct BenchStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Fill a store with N issued quotes through its own issue path (for benchmarks).",
        discussion: """
            Quotes come from the case generator: every market (or --markets), request dates over \
            three years, many models, customers, references and retailers; 38 % are accepted, 12 % \
            rejected, 6 % revised (the revision counts as one of N), 4 % voided. Written through the \
            statements of the store's issue, decide and void, 512 stories to a transaction, so the \
            rows, ledger and counters are the service's. A missing SQLite file is created; quotes are \
            added to an existing store. SQLite commits do not wait for the disk during the fill \
            (synchronous = OFF). The same seed gives the same stories and numbers. Progress goes to standard error, \
            the totals to standard output.

            Example:
              repairquote bench store 100000 --db /tmp/bench.sqlite --seed 7
            """)

    @Argument(help: "Number of quotes to issue (revisions included).")
    var count: Int

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Only these markets, comma-separated (default: all).", valueName: "CODES"))
    var markets: String?

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @OptionGroup var priceLists: PriceListOptions

    func validate() throws {
        guard count >= 0 else { throw ValidationError("N must not be negative") }
        guard database.db != nil else {
            throw ValidationError("--db is required (a SQLite file or a postgres:// URL)")
        }
        if let markets, marketCodes(markets).isEmpty { throw ValidationError("--markets names no market") }
    }

    func marketCodes(_ text: String) -> [MarketCode] {
        text.split(separator: ",").map { MarketCode($0.trimmingCharacters(in: .whitespaces)) }.filter {
            !$0.rawValue.isEmpty
        }
    }

    func run() async throws {
        let catalog = try CLIError.guarding { try priceLists.loadCatalog() }
        let chosen = markets.map(marketCodes) ?? []
        if let unknown = chosen.first(where: { !catalog.markets.contains($0) }) {
            let known = catalog.markets.map(\.rawValue).joined(separator: ", ")
            throw Self.fail("--markets: no price list for \(unknown) (known: \(known))")
        }
        let store = try await database.open()
        if let sqlite = store.repository as? SQLiteQuoteRepository { try await sqlite.loadInBulk() }
        let filler = StoreFiller(catalog: catalog, seed: seed, markets: chosen)
        let start = DispatchTime.now().uptimeNanoseconds
        @Sendable func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        do {
            let report = try await filler.fill(store.repository, count: count) { report in
                guard report.quotes % 10_000 < filler.chunk || report.quotes == count else { return }
                FileHandle.standardError.write(Data("\(report.quotes) quotes, \(Int(seconds())) s\n".utf8))
            }
            await store.close()
            let rate = seconds() > 0 ? Int(Double(report.quotes) / seconds()) : 0
            StandardOutput.write(
                "quotes\t\(report.quotes)\naccepted\t\(report.accepted)\nrejected\t\(report.rejected)\n"
                    + "revised\t\(report.revised)\nvoided\t\(report.voided)\n"
                    + "seconds\t\(String(format: "%.1f", seconds()))\nquotes/s\t\(rate)\n")
        } catch {
            await store.close()
            let location = (try? database.location().description) ?? ""
            throw Self.fail("--db \(location): \(error)")
        }
    }

    /// Says `message` on standard error; the exit status of bad input.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("repairquote: \(message)\n".utf8))
        return ExitCode(2)
    }
}
