import Foundation
import QuoteCore
import QuoteFinance
import QuoteStore

/// The issued quotes of the service's store as the finance commands' input: a
/// ``PagedLineSource`` over the store's export pages (``QuoteRepository/exportPage(after:today:zones:limit:)``),
/// the same for SQLite and PostgreSQL. The pipeline's reading stage pulls a page when it needs one.
enum StoreInput {
    /// Quotes per page: a page is one indexed query, and what the reader holds at once.
    static let pageSize = 1000

    /// The store's quotes; `zones` (market → time zone) date their decisions in the market's time.
    /// A missing SQLite file is refused (the finance commands never create a store); one that
    /// cannot be opened or reached exits 2 naming the option (``DatabaseOptions/open(pool:)``).
    static func open(_ database: DatabaseOptions, zones: [String: TimeZone] = [:]) throws -> InputFile {
        let location = try database.location()
        switch location {
        case .memory: throw CLIError.badInput("--db: no store named")
        case .sqlite(let path) where !FileManager.default.fileExists(atPath: path):
            throw CLIError.badInput("--db: \(path) does not exist")
        default: break
        }
        let store = try Blocking.run { try await database.open() }
        let today = CivilDate.today(in: TimeZone(identifier: "UTC")!)
        // An empty page (`last` nil) ends the source, which then asks for no more.
        var after: ExportKey?
        let source = PagedLineSource(
            nextPage: {
                let page = try Blocking.run { [after] in
                    try await store.repository.exportPage(
                        after: after, today: today, zones: zones, limit: pageSize)
                }
                after = page.last
                return page.lines
            },
            finish: { Blocking.run { await store.close() } })
        return InputFile(source: source, name: location.description)
    }
}
