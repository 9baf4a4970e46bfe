import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

@Suite("decisions, listing and the outbox (each store)")
struct DecisionsAndOutboxTests {
    func decision(_ number: String, _ decision: Decision) -> DecisionRequest {
        DecisionRequest(number: number, decision: decision, decidedBy: "desk-1", finalJSON: #"{"lines":[]}"#)
    }

    @Test(
        "a decision is final: the same again is unchanged, another is refused", arguments: StoreKind.allCases)
    func finalDecision(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        try await Store.issue(repo, Fixtures.dutchRepair())
        let first = try await repo.decide(decision("NL-2026-000001", .accepted))
        guard case .recorded(let stored) = first else {
            Issue.record("expected a new decision")
            return
        }
        guard case .unchanged(let again) = try await repo.decide(decision("NL-2026-000001", .accepted)) else {
            Issue.record("expected the first decision again")
            return
        }
        #expect(
            again.decision == stored.decision && again.decidedBy == "desk-1"
                && again.finalJSON == stored.finalJSON)
        await #expect(throws: StoreError.alreadyDecided(.accepted)) {
            try await repo.decide(decision("NL-2026-000001", .rejected))
        }
        await #expect(throws: StoreError.notFound) {
            try await repo.decide(decision("NL-2026-000099", .rejected))
        }
        #expect(try await repo.quote(number: "NL-2026-000001")?.status == "accepted")
    }

    @Test(
        "the list filters by market, status, dates and issuer and pages with a cursor",
        arguments: StoreKind.allCases)
    func listing(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        for i in 0..<5 {
            try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(20 + i)), issuer: "R-1")
        }
        try await Store.issue(repo, Fixtures.pakistanRepair(requestDate: "2026-04-01"), issuer: "R-2")
        _ = try await repo.decide(decision("NL-2026-000002", .rejected))
        let firstPage = try await repo.list(QuoteQuery(market: "NL", limit: 3))
        #expect(firstPage.quotes.map(\.number) == ["NL-2026-000001", "NL-2026-000002", "NL-2026-000003"])
        let secondPage = try await repo.list(
            QuoteQuery(market: "NL", after: firstPage.nextAfter ?? 0, limit: 3))
        #expect(secondPage.quotes.map(\.number) == ["NL-2026-000004", "NL-2026-000005"])
        #expect(secondPage.nextAfter == nil)
        #expect(
            try await repo.list(QuoteQuery(status: "rejected")).quotes.map(\.number) == ["NL-2026-000002"])
        #expect(
            try await repo.list(QuoteQuery(from: "2026-03-15")).quotes.map(\.number) == ["PK-2026-000001"])
        #expect(try await repo.list(QuoteQuery(issuer: "R-2")).quotes.count == 1)
        #expect(try await repo.list(QuoteQuery(status: "out-of-warranty")).quotes.count == 6)
    }

    @Test(
        "the outbox: claimed under a lease, sent once, token erased; failures retried later",
        arguments: StoreKind.allCases)
    func outbox(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        try await Store.issue(repo, Fixtures.dutchRepair())
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let queued = try await repo.enqueueEmail(
            EmailRequest(number: "NL-2026-000001", recipient: "anna@example.nl", language: "nl", now: now))
        #expect(queued.messageID == "<outbox-1.NL-2026-000001@repairquote>")
        #expect(queued.state == "pending" && queued.customerToken?.count == 43)
        let claimed = try await repo.claimOutbox(limit: 10, now: now, lease: 60)
        #expect(claimed.map(\.id) == [queued.id] && claimed.first?.attempts == 1)
        #expect(try await repo.claimOutbox(limit: 10, now: now.addingTimeInterval(30), lease: 60).isEmpty)
        let reclaimed = try await repo.claimOutbox(limit: 10, now: now.addingTimeInterval(61), lease: 60)
        #expect(reclaimed.first?.messageID == queued.messageID && reclaimed.first?.attempts == 2)
        try await repo.markFailed(
            outboxID: queued.id, error: "421 busy", retryAt: now.addingTimeInterval(600))
        #expect(try await repo.claimOutbox(limit: 10, now: now.addingTimeInterval(120), lease: 60).isEmpty)
        #expect(try await repo.claimOutbox(limit: 10, now: now.addingTimeInterval(600), lease: 60).count == 1)
        try await repo.markSent(outboxID: queued.id, at: now.addingTimeInterval(601))
        let sent = try await repo.outboxMessage(id: queued.id)
        #expect(sent?.state == "sent" && sent?.customerToken == nil)
        #expect(try await repo.claimOutbox(limit: 10, now: now.addingTimeInterval(9999), lease: 60).isEmpty)
        await #expect(throws: StoreError.notFound) {
            try await repo.enqueueEmail(
                EmailRequest(number: "NL-2026-000404", recipient: "a@b.c", language: nil))
        }
    }

    @Test(
        "a new customer link opens the same quote, the first link keeps working, an unknown number is refused",
        arguments: StoreKind.allCases)
    func newCustomerLink(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        let issued = try await Store.issue(repo, Fixtures.dutchRepair())
        let token = try await repo.addCustomerToken(number: "NL-2026-000001")
        #expect(token.count == 43 && token != issued.issued.customerToken)
        #expect(try await repo.quote(customerToken: token)?.number == "NL-2026-000001")
        #expect(try await repo.quote(customerToken: issued.issued.customerToken)?.number == "NL-2026-000001")
        await #expect(throws: StoreError.notFound) {
            try await repo.addCustomerToken(number: "NL-2026-000404")
        }
    }
}

@Suite("expiring values: the console's sessions and throttle (each store)")
struct ExpiringValuesTests {
    @Test(
        "create refuses a live key and takes an expired one; set keeps the expiry; expired values go",
        arguments: StoreKind.allCases)
    func values(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let soon = now.addingTimeInterval(60)
        #expect(try await repo.createValue(key: "a", value: "1", expiresAt: soon, now: now))
        #expect(try await repo.createValue(key: "a", value: "2", expiresAt: soon, now: now) == false)
        #expect(try await repo.value(key: "a", now: now) == "1")
        try await repo.setValue(key: "a", value: "3", expiresAt: nil)
        #expect(try await repo.value(key: "a", now: now) == "3")
        #expect(try await repo.value(key: "a", now: soon) == nil)
        #expect(try await repo.createValue(key: "a", value: "4", expiresAt: nil, now: soon))
        #expect(try await repo.value(key: "a", now: soon.addingTimeInterval(1e6)) == "4")
        try await repo.setValue(key: "b", value: "5", expiresAt: soon)
        #expect(try await repo.removeExpiredValues(now: soon) == 1)
        #expect(try await repo.value(key: "b", now: now) == nil)
        try await repo.removeValue(key: "a")
        #expect(try await repo.value(key: "a", now: now) == nil)
    }

    @Test(
        "replace writes only over a live value; change is one transaction even when 40 run at once",
        arguments: StoreKind.allCases)
    func replaceAndChange(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try await repo.replaceValue(key: "s", value: "1", expiresAt: nil, now: now) == false)
        #expect(try await repo.value(key: "s", now: now) == nil)
        try await repo.setValue(key: "s", value: "1", expiresAt: now.addingTimeInterval(60))
        #expect(try await repo.replaceValue(key: "s", value: "2", expiresAt: nil, now: now))
        #expect(try await repo.value(key: "s", now: now) == "2")
        #expect(
            try await repo.replaceValue(key: "s", value: "3", expiresAt: nil, now: now.addingTimeInterval(61))
                == false)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    try await repo.changeValue(key: "n", now: now) { text in
                        let next = (text.flatMap(Int.init) ?? 0) + 1
                        return (String(next), now.addingTimeInterval(60), next)
                    }
                }
            }
            var seen = Set<Int>()
            for try await value in group { seen.insert(value) }
            #expect(seen == Set(1...40))
        }
        #expect(try await repo.value(key: "n", now: now) == "40")
        #expect(
            try await repo.changeValue(key: "n", now: now.addingTimeInterval(61)) { text in ("x", nil, text) }
                == nil)
    }
}
