import Foundation
import Logging
import QuoteCore
import QuoteFinance
import QuoteJSON
import QuoteStore
import QuoteTestSupport
import QuoteWebhooks
import Testing

@testable import QuoteServer

/// Two service instances on one PostgreSQL database, each with its own webhook sender (issue #28):
/// 200 quotes issued and decided over both, every event delivered to the reference receiver.
@Suite("webhooks: two instances on one PostgreSQL")
struct WebhookTwoInstancesTests {
    static func services() -> ServerServices {
        var services = ServerServices(
            engine: StubEngine(), keys: Key.all,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        services.webhooks.policy = EndpointURLPolicy(allowInsecure: true)
        return services
    }

    @Test("200 decisions: every event's webhook-id arrives; duplicates are counted, none missing")
    func everyEventDelivered() async throws {
        let (a, b) = try await PostgresTestDatabase.twoRepositories()
        defer {
            Task {
                await a.shutdown(); await b.shutdown()
            }
        }
        var generator = SplitMix64(seed: 28)
        let secret = WebhookSecret.generate(using: &generator).revealed
        let receiver = try WebhookReceiver(secrets: [secret], script: "204")
        defer { receiver.stop() }
        try await a.createWebhookEndpoint(
            WebhookEndpointRecord(
                id: "ep_pg", owner: "desk-1", scopeIssuer: nil, url: receiver.url,
                events: WebhookEventType.allCases.map(\.rawValue), description: "", secret: secret,
                createdAt: Date()),
            limit: 10)
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<200 {
                let repo = i.isMultiple(of: 2) ? a : b
                group.addTask {
                    let json = Fixtures.dutchRepair(imei: Fixtures.imei(3000 + i))
                    let serviceCase = try CaseDecoder.decode(
                        json, today: { _ in CivilDate(year: 2026, month: 3, day: 2)! })
                    let request = IssueRequest(
                        serviceCase: serviceCase, issuer: "desk-1", idempotencyKey: nil,
                        requestHash: Digest.sha256Hex(Array(json.utf8)))
                    return try await repo.issue(request, engine: StubEngine()).issued.record.number
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        let senders = [a, b].map {
            WebhookSender(
                repo: $0, services: Self.services(),
                deliverer: WebhookDeliverer(policy: EndpointURLPolicy(allowInsecure: true)))
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, number) in numbers.enumerated() {
                let repo = index.isMultiple(of: 2) ? b : a
                group.addTask {
                    _ = try await repo.decide(
                        DecisionRequest(
                            number: number, decision: .accepted, decidedBy: "desk-1", finalJSON: "{}"))
                }
            }
            // Both senders run while the decisions come in.
            for sender in senders {
                group.addTask {
                    let deadline = Date().addingTimeInterval(120)
                    while Date() < deadline {
                        if try await sender.sendDue() == 0 {
                            if Set(try receiver.records().map(\.id)).count >= 400 { return }
                            try await Task.sleep(for: .milliseconds(50))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let events = Set(
            try await a.webhookDeliveries(endpointID: "ep_pg", before: nil, limit: 1000).map(\.eventID))
        let records = try receiver.records()
        let arrived = Set(records.map(\.id))
        #expect(events.count == 400)
        #expect(events.subtracting(arrived).isEmpty, "missing: \(events.subtracting(arrived).count)")
        #expect(records.allSatisfy { $0.verified == [true] })
        let duplicates = records.count - arrived.count
        print(
            "webhooks two instances: \(events.count) events, \(arrived.count) delivered, \(duplicates) duplicates"
        )
        #expect(duplicates == 0, "duplicates are allowed by at-least-once, but none were expected here")
    }
}
