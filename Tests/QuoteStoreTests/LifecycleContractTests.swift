import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

/// The quote lifecycle (revise, void, state, search, decision details) on each store.
@Suite("the quote lifecycle (each store)")
struct LifecycleContractTests {
    static let today = CivilDate(year: 2026, month: 3, day: 2)!

    static func revise(_ repo: any QuoteRepository, _ json: String, supersedes: String) async throws
        -> QuoteRecord
    {
        let request = IssueRequest(
            serviceCase: try Store.decode(json), issuer: "desk-1", idempotencyKey: nil,
            requestHash: Digest.sha256Hex(Array(json.utf8)), supersedes: supersedes)
        return try await repo.issue(
            request,
            engine: Store.engine
        ).issued.record
    }

    static func query(state: QuoteState? = nil, today: CivilDate = today, text: String? = nil) -> QuoteQuery {
        var query = QuoteQuery()
        query.state = state
        query.today = today
        query.text = text
        return query
    }

    @Test(
        "a revision supersedes its quote, takes over its benefit and cancels its queued e-mails",
        arguments: StoreKind.allCases)
    func revision(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            let first = try await Store.issue(repo, Fixtures.pakistanRepair()).issued.record
            let queued = try await repo.enqueueEmail(
                EmailRequest(number: first.number, recipient: "a@example.pk", language: nil))
            let second = try await Self.revise(repo, Fixtures.pakistanRepair(), supersedes: first.number)
            #expect(second.supersedes == first.number)
            #expect(second.quoteJSON.contains(#""benefitsGranted":["PK-3"]"#))
            #expect(try await repo.quote(number: first.number)?.supersededBy == second.number)
            #expect(try await repo.quote(number: first.number)?.state(today: Self.today) == .superseded)
            #expect(
                try await repo.benefitsUsed(deviceKeys: ["imei:" + Fixtures.imei(1).prefix(14)]) == [
                    "PK-3": second.number
                ])
            #expect(try await repo.outboxMessage(id: queued.id)?.state == "cancelled")
            await #expect(throws: StoreError.lifecycle(.superseded)) {
                try await Self.revise(repo, Fixtures.pakistanRepair(), supersedes: first.number)
            }
            await #expect(throws: StoreError.lifecycle(.otherMarket(expected: "PK"))) {
                try await Self.revise(repo, Fixtures.dutchRepair(), supersedes: second.number)
            }
        }
    }

    @Test("a void releases the benefit, is final, and refuses decisions", arguments: StoreKind.allCases)
    func void(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            let first = try await Store.issue(repo, Fixtures.pakistanRepair()).issued.record
            let voided = try await repo.void(
                VoidRequest(
                    number: first.number, reason: "wrong device", voidedBy: "desk-1", today: Self.today))
            #expect(voided.voided?.reason == "wrong device" && voided.state(today: Self.today) == .void)
            #expect(try await repo.benefitsUsed(deviceKeys: ["imei:" + Fixtures.imei(1).prefix(14)]).isEmpty)
            await #expect(throws: StoreError.lifecycle(.void)) {
                try await repo.void(
                    VoidRequest(number: first.number, reason: "again", voidedBy: "x", today: Self.today))
            }
            await #expect(throws: StoreError.lifecycle(.void)) {
                try await repo.decide(
                    DecisionRequest(
                        number: first.number, decision: .accepted, decidedBy: "desk-1", finalJSON: "{}",
                        today: Self.today))
            }
            let again = try await Store.issue(repo, Fixtures.pakistanRepair()).issued.record
            #expect(again.quoteJSON.contains(#""benefitsGranted":["PK-3"]"#))
        }
    }

    @Test(
        "a decision keeps channel, note and role and queues its confirmation", arguments: StoreKind.allCases)
    func decisionDetails(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            let first = try await Store.issue(repo, Fixtures.dutchRepair()).issued.record
            _ = try await repo.decide(
                DecisionRequest(
                    number: first.number, decision: .rejected, decidedBy: "desk-1",
                    finalJSON: #"{"lines":[]}"#,
                    role: "service-center", channel: "phone", note: "called back", today: Self.today,
                    confirmTo: "anna@example.nl", language: "nl"))
            let decision = try await repo.quote(number: first.number)?.decision
            #expect(
                decision?.channel == "phone" && decision?.note == "called back"
                    && decision?.role == "service-center")
            let emails = try await repo.outbox(quoteNumber: first.number)
            #expect(emails.map(\.kind) == [.confirmation] && emails.first?.recipient == "anna@example.nl")
        }
    }

    @Test("the list filters by state on a day and by text", arguments: StoreKind.allCases)
    func stateAndSearch(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            for i in 0..<3 { try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(60 + i))) }
            _ = try await repo.decide(
                DecisionRequest(
                    number: "NL-2026-000002", decision: .accepted, decidedBy: "d", finalJSON: "{}"))
            let accepted = try await repo.list(Self.query(state: .accepted))
            #expect(accepted.quotes.map(\.number) == ["NL-2026-000002"])
            let issued = try await repo.list(Self.query(state: .issued))
            #expect(issued.quotes.map(\.number) == ["NL-2026-000001", "NL-2026-000003"])
            let later = CivilDate(year: 2027, month: 1, day: 1)!
            #expect(try await repo.list(Self.query(state: .expired, today: later)).quotes.count == 2)
            let byIMEI = try await repo.list(Self.query(text: String(Fixtures.imei(61).prefix(14))))
            #expect(byIMEI.quotes.map(\.number) == ["NL-2026-000002"])
            #expect(try await repo.list(Self.query(text: "ANNA DE")).quotes.count == 3)
            #expect(try await repo.list(Self.query(text: "100%")).quotes.isEmpty)
        }
    }
}
