import Foundation
import QuoteCore
import QuoteFinance
import QuoteTestSupport
import Testing

@testable import QuoteWebhooks

/// Real deliveries over HTTP to the Python receiver, which checks every signature with the
/// `standardwebhooks` reference implementation. The queue's clock is a value the test moves to
/// each `retry(at:)`; signatures carry the wall clock, which the receiver checks.
@Suite("Deliveries to a standardwebhooks receiver")
struct WebhookDelivererTests {
    static let start = Date(timeIntervalSince1970: 1_796_600_000)
    static let body = WebhookPayload.body(
        type: .decided, timestamp: start, quoteJSON: #"{"number":"NL-2026-000042","state":"accepted"}"#)

    let secret = WebhookSecret.generate()
    var deliverer = WebhookDeliverer(
        policy: EndpointURLPolicy(allowInsecure: true), schedule: RetrySchedule(jitter: 0),
        timeout: .seconds(5))

    /// Attempts one delivery until the schedule stops retrying, moving the queue clock each time.
    func run(to url: String, signer: WebhookSigner, id: String = "msg_\(UUID().uuidString)") async
        -> [DeliveryOutcome]
    {
        var outcomes: [DeliveryOutcome] = []
        var now = Self.start
        var generator = SplitMix64(seed: 1)
        for attempt in 1...8 {
            let delivery = WebhookDelivery(id: id, url: url, body: Self.body, attempt: attempt)
            let outcome = await deliverer.deliver(
                delivery, signer: signer, now: now, failingSince: nil, using: &generator)
            outcomes.append(outcome)
            guard case .retry(let next) = outcome.decision else { break }
            now = next
        }
        return outcomes
    }

    @Test("500, 500, then 204: retried after 5 s and 5 min, same webhook-id, every attempt verified")
    func retriesUntilSuccess() async throws {
        let receiver = try WebhookReceiver(secrets: [secret.revealed], script: "500,500,204")
        defer { receiver.stop() }
        let outcomes = await run(to: receiver.url, signer: WebhookSigner(secrets: [secret]))
        #expect(outcomes.map(\.status) == [500, 500, 204])
        #expect(
            outcomes.map(\.decision) == [
                .retry(at: Self.start.addingTimeInterval(5)), .retry(at: Self.start.addingTimeInterval(305)),
                .succeeded,
            ])
        // Durations are recorded, not judged: a timed bound belongs in a benchmark, not a test.
        #expect(outcomes.allSatisfy { $0.error == nil && $0.duration > .zero })
        let records = try receiver.records()
        #expect(records.map(\.attempt) == [1, 2, 3])
        #expect(Set(records.map(\.id)).count == 1)
        #expect(records.allSatisfy { $0.verified == [true] && $0.type == "quote.decided" })
    }

    @Test("429 with Retry-After: 7 is retried 7 s later, not after the schedule's 5 s")
    func retryAfter() async throws {
        let receiver = try WebhookReceiver(secrets: [secret.revealed], script: "429:7,204")
        defer { receiver.stop() }
        let outcomes = await run(to: receiver.url, signer: WebhookSigner(secrets: [secret]))
        #expect(outcomes.map(\.status) == [429, 204])
        #expect(outcomes.first?.decision == .retry(at: Self.start.addingTimeInterval(7)))
        #expect(try receiver.records().map(\.verified) == [[true], [true]])
    }

    @Test("410 Gone: the delivery stops and the endpoint is to be disabled")
    func gone() async throws {
        let receiver = try WebhookReceiver(secrets: [secret.revealed], script: "410")
        defer { receiver.stop() }
        let outcomes = await run(to: receiver.url, signer: WebhookSigner(secrets: [secret]))
        #expect(outcomes.map(\.status) == [410])
        #expect(outcomes.map(\.decision) == [.disableEndpoint(.gone)])
        #expect(try receiver.records().count == 1)
    }

    @Test("during a rotation both signatures verify; after 24 h only the new one is sent")
    func rotation() async throws {
        let new = WebhookSecret.generate()
        let rotation = SecretRotation(current: secret).rotated(to: new, at: Self.start)
        let receiver = try WebhookReceiver(secrets: [secret.revealed, new.revealed], script: "204")
        defer { receiver.stop() }
        _ = await run(
            to: receiver.url, signer: WebhookSigner(secrets: rotation.activeSecrets(at: Self.start)))
        let later = rotation.activeSecrets(at: Self.start.addingTimeInterval(SecretRotation.overlap))
        _ = await run(to: receiver.url, signer: WebhookSigner(secrets: later))
        let records = try receiver.records()
        #expect(records.map(\.signatures) == [2, 1])
        #expect(records.map(\.verified) == [[true, true], [false, true]])
    }

    @Test("SSRF: loopback, private, metadata and localhost are refused before any connection")
    func refusals() async throws {
        let receiver = try WebhookReceiver(secrets: [secret.revealed], script: "204")
        defer { receiver.stop() }
        var strict = deliverer
        strict.policy = EndpointURLPolicy()
        let cases = [
            ("https://127.0.0.1:\(receiver.port)/hooks", "loopback address 127.0.0.1"),
            ("https://10.0.0.1/hooks", "private address 10.0.0.1"),
            ("https://169.254.169.254/latest/meta-data", "metadata address 169.254.169.254"),
            ("https://localhost:\(receiver.port)/hooks", "resolves to loopback address"),
            (receiver.url, "must be an https URL"),
        ]
        var generator = SplitMix64(seed: 3)
        for (url, reason) in cases {
            let delivery = WebhookDelivery(id: "msg_ssrf", url: url, body: Self.body, attempt: 1)
            let outcome = await strict.deliver(
                delivery, signer: WebhookSigner(secrets: [secret]), now: Self.start, failingSince: nil,
                using: &generator)
            #expect(outcome.status == nil)
            #expect(
                outcome.error?.hasPrefix("refused: url: ") == true && outcome.error?.contains(reason) == true,
                "\(url): \(outcome.error ?? "no error")")
        }
        #expect(try receiver.records().isEmpty)
    }

    @Test("one kept client per pinned address: deliveries share it; after shutdown none is made")
    func sharedClient() async throws {
        let receiver = try WebhookReceiver(secrets: [secret.revealed], script: "204,204,204")
        defer { receiver.stop() }
        let signer = WebhookSigner(secrets: [secret])
        var generator = SplitMix64(seed: 5)
        for index in 1...3 {
            let outcome = await deliverer.deliver(
                WebhookDelivery(id: "msg_shared_\(index)", url: receiver.url, body: Self.body, attempt: 1),
                signer: signer, now: Self.start, failingSince: nil, using: &generator)
            #expect(outcome.status == 204, "\(outcome.error ?? "")")
        }
        #expect(deliverer.clients.count == 1)
        await deliverer.shutdown()
        #expect(deliverer.clients.count == 0)
        let late = await deliverer.deliver(
            WebhookDelivery(id: "msg_late", url: receiver.url, body: Self.body, attempt: 1), signer: signer,
            now: Self.start, failingSince: nil, using: &generator)
        #expect(late.status == nil && late.error?.contains("shutting down") == true)
        #expect(try receiver.records().map(\.verified) == [[true], [true], [true]])
    }

    @Test("nothing listening: a network error, retried")
    func connectionRefused() async throws {
        let receiver = try WebhookReceiver(secrets: [secret.revealed], script: "204")
        let url = receiver.url
        receiver.stop()
        var generator = SplitMix64(seed: 4)
        let outcome = await deliverer.deliver(
            WebhookDelivery(id: "msg_down", url: url, body: Self.body, attempt: 1),
            signer: WebhookSigner(secrets: [secret]),
            now: Self.start, failingSince: nil, using: &generator)
        #expect(outcome.status == nil && outcome.error != nil)
        #expect(outcome.decision == .retry(at: Self.start.addingTimeInterval(5)))
    }
}
