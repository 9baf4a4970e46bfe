import ArgumentParser
import Foundation
import QuoteBench

/// `repairquote bench search --db FILE|URL`: the list's latency by kind of search on a filled store.
struct BenchSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Time q= searches, model= and list pages on a store (fill it with bench store first).",
        discussion: """
            Each kind of request runs --runs times, each with a term from another stored quote; \
            prints p50 and p95 in milliseconds and the quotes returned per request, tab-separated. \
            Times are of the store's list call (what GET /v1/quotes runs), without HTTP.

            Example:
              repairquote bench store 100000 --db /tmp/bench.sqlite
              repairquote bench search --db /tmp/bench.sqlite
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How many requests of each kind.")
    var runs = 200

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
        guard database.db != nil else {
            throw ValidationError("--db is required (a SQLite file or a postgres:// URL)")
        }
    }

    func run() async throws {
        let store = try await database.open()
        do {
            let rows = try await SearchBenchmark(runs: runs).run(store.repository)
            await store.close()
            var text = "kind\truns\tp50 ms\tp95 ms\tquotes/request\n"
            for row in rows {
                text +=
                    "\(row.kind)\t\(row.runs)\t\(String(format: "%.2f", row.p50))\t\(String(format: "%.2f", row.p95))\t\(String(format: "%.1f", row.hits))\n"
            }
            StandardOutput.write(text)
        } catch {
            await store.close()
            throw BenchStoreCommand.fail("--db \((try? database.location().description) ?? ""): \(error)")
        }
    }
}
