import Foundation
import GRDB
import Testing

@testable import QuoteStore

/// `v6-events` on a store that already holds quotes: each gets its `issued` event, and its
/// `decided` one where it was decided, marked migrated, and every chain verifies.
@Suite("the v6-events migration back-fills the history of stored quotes")
struct EventBackfillTests {
    @Test("a SQLite store from before v6-events: issued and decided events, migrated: true; verify passes")
    func backfill() async throws {
        let path = try Store.temporaryDirectory().appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v5-consumer-total")
        try await queue.write { db in
            for (number, decided) in [("NL-2026-000001", false), ("NL-2026-000002", true)] {
                try db.execute(
                    sql: """
                        INSERT INTO quotes (number, market, year, kind, coverage_status, issue_date, valid_until, issuer,
                            case_json, quote_json, price_list_version, created_at)
                        VALUES (?, 'NL', 2026, 'repair', 'out-of-warranty', '2026-03-02', '2026-03-16', 'desk-1', '{}',
                            ?, '2026.1', 1772400000.5)
                        """, arguments: [number, #"{"number":"\#(number)","lines":[]}"#])
                guard decided else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO decisions (quote_number, decision, decided_at, decided_by, final_json, channel,
                            decided_by_role)
                        VALUES (?, 'accepted', 1772500000, 'customer', '{"lines":[]}', 'customer-link', 'customer')
                        """, arguments: [number])
            }
        }
        try queue.close()
        let repository = try SQLiteQuoteRepository(path: path)
        let first = try await repository.events(number: "NL-2026-000001")
        #expect(first.map(\.kind) == [.issued])
        #expect(first[0].details == #"{"migrated":true}"# && first[0].atMilliseconds == 1_772_400_000_500)
        let second = try await repository.events(number: "NL-2026-000002")
        #expect(second.map(\.kind) == [.issued, .decided])
        #expect(second[1].details.contains(#""migrated":true"#) && second[1].actor.kind == .customer)
        #expect(try await repository.verifyChains() == ChainVerification(quotes: 2, events: 3, fault: nil))
    }
}
