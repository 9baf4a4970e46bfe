import Foundation
import QuoteCore
import QuoteTestSupport
import QuoteWebhooks
import Testing

@testable import QuoteStore

/// The reminder before a quote expires (issue #28) on each store: recorded once per quote, only
/// while it is open, with its outbox e-mail, `reminded` event and `quote.reminded` delivery in one
/// transaction; and once only when two PostgreSQL instances try at the same moment.
@Suite("reminders before expiry (each store)")
struct ReminderContractTests {
    static let t0 = WebhookContractTests.t0

    static func request(_ number: String) -> EmailRequest {
        EmailRequest(number: number, recipient: "anna@example.nl", language: "nl", kind: .reminder, now: t0)
    }

    @Test(
        "once per quote, only while open: its e-mail, event and webhook together",
        arguments: StoreKind.allCases)
    func once(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            try await repo.createWebhookEndpoint(
                WebhookContractTests.endpoint("ep_a", events: [.reminded]), limit: 10)
            let open = try await Store.issue(repo, Fixtures.pakistanRepair(imei: Fixtures.imei(31))).issued
                .record
            let decided = try await Store.issue(repo, Fixtures.pakistanRepair(imei: Fixtures.imei(32))).issued
                .record
            try await WebhookContractTests.decide(repo, decided.number)
            let voided = try await Store.issue(repo, Fixtures.pakistanRepair(imei: Fixtures.imei(33))).issued
                .record
            _ = try await repo.void(
                VoidRequest(
                    number: voided.number, reason: "x", voidedBy: "desk-1", today: WebhookContractTests.today)
            )
            let day = open.validUntil
            let candidates = try await repo.reminderCandidates(
                validUntilFrom: day, before: day.adding(days: 1), after: 0, limit: 10)
            #expect(candidates.map(\.number) == [open.number])
            #expect(candidates.first?.caseJSON == open.caseJSON && candidates.first?.market == open.market)
            #expect(
                try await repo.reminderCandidates(
                    validUntilFrom: day.adding(days: 1), before: day.adding(days: 9), after: 0, limit: 10
                )
                .isEmpty)

            let message = try #require(
                try await repo.recordReminder(Self.request(open.number), validUntil: day))
            #expect(
                message.kind == .reminder && message.recipient == "anna@example.nl"
                    && message.language == "nl")
            #expect(message.customerToken != nil)
            #expect(try await repo.recordReminder(Self.request(open.number), validUntil: day) == nil)
            #expect(try await repo.recordReminder(Self.request(decided.number), validUntil: day) == nil)
            #expect(try await repo.recordReminder(Self.request(voided.number), validUntil: day) == nil)
            #expect(
                try await repo.reminderCandidates(
                    validUntilFrom: day, before: day.adding(days: 1), after: 0, limit: 10
                )
                .isEmpty)

            #expect(try await repo.outbox(quoteNumber: open.number).map(\.kind) == [.reminder])
            let events = try await repo.events(number: open.number)
            #expect(events.map(\.kind) == [.issued, .emailed, .reminded])
            let reminded = try #require(events.last)
            let details =
                try JSONSerialization.jsonObject(with: Data(reminded.details.utf8)) as? [String: Any]
            #expect(details?["validUntil"] as? String == day.description)
            #expect((details?["outboxID"] as? NSNumber)?.int64Value == message.id)
            #expect(reminded.actor.name == "expiry-sweep")
            #expect(try await repo.verifyChains().fault == nil)
            let deliveries = try await repo.webhookDeliveries(endpointID: "ep_a", before: nil, limit: 10)
            #expect(deliveries.map(\.quoteNumber) == [open.number])
            #expect(deliveries.map(\.eventType) == ["quote.reminded"])
        }
    }

    @Test("two PostgreSQL instances reminding the same 20 quotes at once queue 20 reminders")
    func twoInstances() async throws {
        let (a, b) = try await PostgresInstancesTests.twoInstances()
        defer {
            Task {
                await a.close(); await b.close()
            }
        }
        var quotes: [QuoteRecord] = []
        for i in 0..<20 {
            quotes.append(
                try await Store.issue(a.repo, Fixtures.dutchRepair(imei: Fixtures.imei(3000 + i))).issued
                    .record)
        }
        let recorded = try await withThrowingTaskGroup(of: Bool.self) { group in
            for quote in quotes {
                for repo in [a.repo, b.repo] {
                    group.addTask {
                        try await repo.recordReminder(
                            Self.request(quote.number), validUntil: quote.validUntil) != nil
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(recorded == 20)
        #expect(try await a.strings("SELECT count(*) FROM outbox WHERE kind = 'reminder'") == ["20"])
        #expect(try await b.strings("SELECT count(*) FROM quote_events WHERE kind = 'reminded'") == ["20"])
        #expect(try await a.repo.verifyChains().fault == nil)
    }
}
