import Foundation
import Logging
import QuoteCore
import QuoteStore
import QuoteWebhooks
import ServiceLifecycle

/// Sends the queued webhook deliveries (issue #28): claims the due ones (a lease, so a crashed
/// instance's claims come back; on PostgreSQL `FOR UPDATE SKIP LOCKED`, so two instances never
/// take one row), sends each with ``QuoteWebhooks/WebhookDeliverer`` (SSRF check after resolving,
/// signatures with every active secret, 10 s timeout, one kept `HTTPClient` per pinned address), and records the attempt and its verdict:
/// retried on the schedule with jitter, `Retry-After` on 429/503 capped at 1 h, `failed` after
/// the last attempt, the endpoint disabled on 410 or after three days of failures. The store
/// hands out only the earliest pending event of a quote per endpoint, so events arrive in order.
public struct WebhookSender<Repository: QuoteRepository>: Service {
    let repo: Repository
    let services: ServerServices
    let deliverer: WebhookDeliverer
    /// How long the sender waits when nothing was due.
    public var pollInterval: Duration = .milliseconds(200)
    public var lease: TimeInterval = 60
    /// Most deliveries claimed (and sent concurrently) at once.
    public var batchSize = 64

    public init(repo: Repository, services: ServerServices, deliverer: WebhookDeliverer) {
        self.repo = repo
        self.services = services
        self.deliverer = deliverer
    }

    var logger: Logger { services.logger }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var sent = 0
            do { sent = try await sendDue() } catch {
                logger.error("webhook sending failed", metadata: ["error": "\(error)"])
            }
            if sent == 0 { try? await Task.sleep(for: pollInterval) }
        }
        // The pinned HTTP clients live as long as this loop: made once, closed once, here.
        await deliverer.shutdown()
    }

    /// Makes the attempts due at the settings' clock; returns how many were made. A batch costs
    /// three store writes whatever its size: the claim, the bodies of first attempts, and the
    /// outcomes (each a sync of SQLite's WAL; one write per delivery held the sender near 100
    /// deliveries/s, docs/benchmarks.md).
    @discardableResult
    public func sendDue() async throws -> Int {
        let now = services.webhooks.now()
        let claimed = try await repo.claimWebhookDeliveries(limit: batchSize, now: now, lease: lease)
        guard !claimed.isEmpty else { return 0 }
        let bodies = try await fixedBodies(claimed.map(\.delivery))
        let reports = await withTaskGroup(of: WebhookAttemptReport?.self) { group in
            for item in claimed {
                group.addTask { await attempt(item, body: bodies[item.delivery.id], now: now) }
            }
            return await group.reduce(into: [WebhookAttemptReport]()) {
                if let report = $1 { $0.append(report) }
            }
        }
        try await repo.recordWebhookAttempts(reports)
        return claimed.count
    }

    /// One attempt of a claimed delivery, nil when it cannot be made (no body: its quote is gone;
    /// a stored secret that does not parse): logged, and the lease brings the delivery back.
    func attempt(_ item: ClaimedWebhookDelivery, body: String?, now: Date) async -> WebhookAttemptReport? {
        do {
            guard let body else { throw StoreError.notFound }
            let secrets = try item.endpoint.activeSecrets(at: now).map { try WebhookSecret(parsing: $0) }
            var generator = SystemRandomNumberGenerator()
            let outcome = await deliverer.deliver(
                WebhookDelivery(
                    id: item.delivery.eventID, url: item.endpoint.url, body: Array(body.utf8),
                    attempt: item.delivery.attempts),
                signer: WebhookSigner(secrets: secrets), now: now, failingSince: item.endpoint.failingSince,
                using: &generator)
            if case .disableEndpoint(let reason) = outcome.decision {
                logger.warning(
                    "webhook endpoint disabled",
                    metadata: ["endpoint": "\(item.endpoint.id)", "reason": "\(reason.rawValue)"])
            }
            return Self.report(item.delivery.id, outcome)
        } catch {
            logger.error(
                "webhook attempt not made",
                metadata: ["delivery": "\(item.delivery.id)", "error": "\(error)"])
            return nil
        }
    }

    /// The bodies by delivery id: made at the first attempt from the quote as
    /// `GET /v1/quotes/{n}` shows it, then kept for every retry and redelivery.
    func fixedBodies(_ deliveries: [WebhookDeliveryRecord]) async throws -> [Int64: String] {
        var bodies: [Int64: String] = [:]
        var made: [Int64: String] = [:]
        let answers = QuoteAnswers(desk: QuoteDesk(repo: repo, services: services))
        for delivery in deliveries {
            if let body = delivery.body {
                bodies[delivery.id] = body
                continue
            }
            guard let type = WebhookEventType(rawValue: delivery.eventType),
                let record = try await repo.quote(number: delivery.quoteNumber)
            else { continue }
            let data = String(decoding: try await answers.fullJSON(record), as: UTF8.self)
            let body = WebhookPayload.body(type: type, timestamp: delivery.occurredAt, quoteJSON: data)
            made[delivery.id] = String(decoding: body, as: UTF8.self)
        }
        guard !made.isEmpty else { return bodies }
        return bodies.merging(try await repo.fixWebhookBodies(made)) { _, fixed in fixed }
    }

    static func report(_ id: Int64, _ outcome: DeliveryOutcome) -> WebhookAttemptReport {
        let verdict: WebhookAttemptVerdict =
            switch outcome.decision {
            case .succeeded: .succeeded
            case .retry(let at): .retry(at: at)
            case .failed: .failed
            case .disableEndpoint(let reason): .disableEndpoint(reason: reason.rawValue)
            }
        let (seconds, attoseconds) = outcome.duration.components
        return WebhookAttemptReport(
            deliveryID: id,
            attempt: WebhookAttemptRecord(
                attempt: outcome.attempt, startedAt: outcome.startedAt, status: outcome.status,
                durationMilliseconds: seconds * 1000 + attoseconds / 1_000_000_000_000_000,
                error: outcome.error),
            verdict: verdict)
    }
}
