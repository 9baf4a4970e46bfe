import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

@Suite("store copy: SQLite into an empty PostgreSQL database")
struct StoreCopyTests {
    @Test("every table is copied and verified; the copy reads the same; a non-empty target is refused")
    func copy() async throws {
        let source = try await StoreKind.sqlite.make()
        let repo = source.repo
        for i in 0..<5 {
            try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(40 + i)), key: "k\(i)")
        }
        let pk = try await Store.issue(repo, Fixtures.pakistanRepair()).issued.record
        _ = try await repo.decide(
            DecisionRequest(
                number: "NL-2026-000002", decision: .accepted, decidedBy: "desk-1", finalJSON: "{}",
                channel: "phone", note: "ok"))
        _ = try await repo.void(
            VoidRequest(
                number: "NL-2026-000003", reason: "duplicate", voidedBy: "desk-1",
                today: CivilDate(year: 2026, month: 3, day: 2)!))
        let revised = try await LifecycleContractTests.revise(
            repo, Fixtures.pakistanRepair(), supersedes: pk.number)
        _ = try await repo.enqueueEmail(
            EmailRequest(number: "NL-2026-000001", recipient: "a@b.nl", language: "nl"))

        let target = try await StoreKind.postgres.make()
        defer { Task { await target.close() } }
        guard let sqlite = source.sqlite, let postgres = target.postgres else { return }
        let report = try await StoreCopy.copy(from: sqlite, to: postgres)
        let counts = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.table, $0.rows) })
        #expect(counts["quotes"] == 7 && counts["quote_counters"] == 2 && counts["decisions"] == 1)
        #expect(counts["idempotency_keys"] == 5 && counts["outbox"] == 1 && counts["revisions"] == 1)
        #expect(counts["voids"] == 1 && counts["benefit_ledger"] == 1 && counts["customer_tokens"] == 8)
        for number in ["NL-2026-000001", "NL-2026-000002", "NL-2026-000003", revised.number, pk.number] {
            #expect(try await postgres.quote(number: number) == (try await sqlite.quote(number: number)))
            #expect(try await postgres.events(number: number) == (try await sqlite.events(number: number)))
        }
        // 7 issued, 1 decided, 1 voided, 1 superseded, 1 e-mail queued.
        #expect(counts["quote_events"] == 11)
        let verified = try await postgres.verifyChains()
        #expect(verified.fault == nil && verified.quotes == 7 && verified.events == 11)
        // Numbering and ids continue after the copied ones.
        #expect(
            try await Store.issue(postgres, Fixtures.dutchRepair(imei: Fixtures.imei(99))).issued.record
                .number
                == "NL-2026-000006")
        let mail = try await postgres.enqueueEmail(
            EmailRequest(number: "NL-2026-000001", recipient: "c@d.nl", language: nil))
        #expect(mail.id == 2)
        await #expect(throws: StoreCopy.Refused.self) { try await StoreCopy.copy(from: sqlite, to: postgres) }
    }
}
