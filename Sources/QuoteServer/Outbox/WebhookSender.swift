import Foundation
import Logging
import QuoteCore
import QuoteStore
import QuoteWebhooks
import ServiceLifecycle

/// Sends the queued webhook deliveries (issue #28): claims the due ones (a lease, so a crashed
/// instance's claims come back; on PostgreSQL `FOR UPDATE SKIP LOCKED`, so two instances never
/// take one row), sends each with ``QuoteWebhooks/WebhookDeliverer`` (SSRF check after resolving,
/// signatures with every active secret, 10 s timeout), and records the attempt and its verdict:
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
    }

    /// Makes the attempts due at the settings' clock; returns how many were made.
    @discardableResult
    public func sendDue() async throws -> Int {
        let now = services.webhooks.now()
        let claimed = try await repo.claimWebhookDeliveries(limit: batchSize, now: now, lease: lease)
        await withTaskGroup(of: Void.self) { group in
            for item in claimed { group.addTask { await attempt(item, now: now) } }
        }
        return claimed.count
    }

    /// One attempt of a claimed delivery; failures of the store are logged (the lease brings the
    /// delivery back).
    func attempt(_ item: ClaimedWebhookDelivery, now: Date) async {
        do {
            let body = try await fixedBody(item.delivery)
            let secrets = try item.endpoint.activeSecrets(at: now).map { try WebhookSecret(parsing: $0) }
            var generator = SystemRandomNumberGenerator()
            let outcome = await deliverer.deliver(
                WebhookDelivery(
                    id: item.delivery.eventID, url: item.endpoint.url, body: Array(body.utf8),
                    attempt: item.delivery.attempts),
                signer: WebhookSigner(secrets: secrets), now: now, failingSince: item.endpoint.failingSince,
                using: &generator)
            try await repo.recordWebhookAttempt(Self.report(item.delivery.id, outcome))
            if case .disableEndpoint(let reason) = outcome.decision {
                logger.warning(
                    "webhook endpoint disabled",
                    metadata: ["endpoint": "\(item.endpoint.id)", "reason": "\(reason.rawValue)"])
            }
        } catch {
            logger.error(
                "webhook attempt not recorded",
                metadata: ["delivery": "\(item.delivery.id)", "error": "\(error)"])
        }
    }

    /// The body, made at the first attempt from the quote as `GET /v1/quotes/{n}` shows it, then
    /// kept for every retry and redelivery.
    func fixedBody(_ delivery: WebhookDeliveryRecord) async throws -> String {
        if let body = delivery.body { return body }
        guard let type = WebhookEventType(rawValue: delivery.eventType),
            let record = try await repo.quote(number: delivery.quoteNumber)
        else { throw StoreError.notFound }
        let answers = QuoteAnswers(desk: QuoteDesk(repo: repo, services: services))
        let data = String(decoding: try await answers.fullJSON(record), as: UTF8.self)
        let body = WebhookPayload.body(type: type, timestamp: delivery.occurredAt, quoteJSON: data)
        return try await repo.fixWebhookBody(deliveryID: delivery.id, body: String(decoding: body, as: UTF8.self))
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
                durationMilliseconds: seconds * 1000 + attoseconds / 1_000_000_000_000_000, error: outcome.error),
            verdict: verdict)
    }
}
