import Foundation
import QuoteFinance
import QuoteStore

/// `export --events --db FILE|URL`: every event of every quote as CSV (RFC 4180, CRLF), one row
/// per event, by quote number and sequence, for auditors; `details` is the stored JSON as hashed,
/// so the CSV alone is enough to recompute every hash (docs/service.md, "Evidence and history").
enum EventsExport {
    static let header = [
        "quote", "sequence", "kind", "at", "actorKind", "actorName", "actorRole", "ip", "userAgent",
        "details",
        "previousHash", "hash",
    ]

    /// Events read per page from the store.
    static let pageSize = 5000

    static func run(_ database: DatabaseOptions, bom: Bool) throws {
        let store = try Blocking.run { try await database.open() }
        defer { Blocking.run { await store.close() } }
        if bom { StandardOutput.write("\u{FEFF}") }
        StandardOutput.write(CSV.record(header))
        var after: EventCursor?
        repeat {
            let page = try Blocking.run { [after] in
                try await store.repository.events(after: after, limit: pageSize)
            }
            StandardOutput.write(page.map { CSV.record(row($0)) }.joined())
            after = page.count == pageSize ? page.last.map(EventCursor.init) : nil
        } while after != nil
    }

    static func row(_ e: QuoteEvent) -> [String] {
        [
            e.quoteNumber, String(e.sequence), e.kind.rawValue, e.timestamp, e.actor.kind.rawValue,
            e.actor.name,
            e.actor.role ?? "", e.client?.ip ?? "", e.client?.userAgent ?? "", e.details, e.previousHash,
            e.hash,
        ]
    }
}
