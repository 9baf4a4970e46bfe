import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import QuoteCore

/// Sends one delivery: checks the endpoint again (resolve, SSRF rules), signs, POSTs with
/// AsyncHTTPClient and turns the answer into a `DeliveryOutcome` that a store can record.
///
/// - 10 s timeout for the whole exchange (connect, send, answer head); no redirects followed (a
///   3xx is a failure like any other non-2xx); at most 64 KB of the answer is read, then ignored.
/// - **Pinning.** The host is resolved and checked here, then the connection is pinned to the
///   checked address through `HTTPClient.Configuration.dnsOverride`, which keeps the host name for
///   TLS (SNI and certificate check) but skips AsyncHTTPClient's own resolution, so a name that
///   answers a public address to the check and a loopback one to the connection (DNS rebinding)
///   cannot redirect the request. Because `dnsOverride` is per client, the deliverer keeps one
///   `HTTPClient` per pin in ``WebhookClients``, for the sender's life, so deliveries to one
///   endpoint reuse its connections; ``shutdown()`` closes them on a graceful stop.
/// - The `webhook-timestamp` comes from `wallClock`, because receivers compare it with their own
///   clock (±5 minutes); the retry decision uses the `now` the caller passes (the queue's clock).
public struct WebhookDeliverer: Sendable {
    public var policy: EndpointURLPolicy
    public var schedule: RetrySchedule
    public var timeout: TimeAmount
    public var maxResponseBytes: Int
    public var wallClock: @Sendable () -> Date
    /// The pinned clients, shared by the copies of this deliverer.
    public let clients: WebhookClients

    public init(
        policy: EndpointURLPolicy, schedule: RetrySchedule = RetrySchedule(),
        timeout: TimeAmount = .seconds(10),
        maxResponseBytes: Int = 64 * 1024, wallClock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.policy = policy
        self.schedule = schedule
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.wallClock = wallClock
        self.clients = WebhookClients(timeout: timeout)
    }

    /// Shuts the clients down (the sender's graceful stop); later attempts are transport errors.
    public func shutdown() async { await clients.shutdown() }

    /// Makes attempt `delivery.attempt` and decides what follows. `failingSince`: when the
    /// endpoint's current run of failures began (nil if its last delivery succeeded).
    public func deliver(
        _ delivery: WebhookDelivery, signer: WebhookSigner, now: Date, failingSince: Date?,
        using generator: inout some RandomNumberGenerator
    ) async -> DeliveryOutcome {
        let started = ContinuousClock.now
        let result = await attempt(delivery, signer: signer)
        let duration = ContinuousClock.now - started
        let decision = schedule.decision(
            after: result, attempt: delivery.attempt, now: now, failingSince: failingSince, using: &generator)
        var outcome = DeliveryOutcome(
            attempt: delivery.attempt, startedAt: now, status: nil, duration: duration, error: nil,
            decision: decision)
        switch result {
        case .answered(let status, _): outcome.status = status
        case .transportError(let message): outcome.error = message
        }
        return outcome
    }

    /// Checks, signs and sends; never throws: every failure is a `.transportError`.
    func attempt(_ delivery: WebhookDelivery, signer: WebhookSigner) async -> AttemptResult {
        let endpoint: CheckedEndpoint
        do { endpoint = try await policy.checked(url: delivery.url) } catch {
            return .transportError("refused: \(error)")
        }
        do {
            return try await clients.withClient(for: endpoint) {
                await send(delivery, signer: signer, client: $0)
            }
        } catch {
            return .transportError(Self.describe(error))
        }
    }

    private func send(_ delivery: WebhookDelivery, signer: WebhookSigner, client: HTTPClient) async
        -> AttemptResult
    {
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: "RepairQuote-Webhooks/1")
        for header in signer.headers(id: delivery.id, timestamp: wallClock(), body: delivery.body) {
            request.headers.add(name: header.name, value: header.value)
        }
        request.body = .bytes(ByteBuffer(bytes: delivery.body))
        do {
            let response = try await client.execute(request, timeout: timeout)
            await drain(response.body)
            let status = Int(response.status.code)
            return .answered(status: status, retryAfter: response.headers.first(name: "retry-after"))
        } catch {
            return .transportError(Self.describe(error))
        }
    }

    /// Reads at most `maxResponseBytes` of the answer and drops it; errors while reading are ignored,
    /// the status being already known.
    private func drain(_ body: HTTPClientResponse.Body) async {
        var read = 0
        do {
            for try await chunk in body {
                read += chunk.readableBytes
                if read >= maxResponseBytes { break }
            }
        } catch {}
    }

    static func describe(_ error: any Error) -> String {
        if let client = error as? HTTPClientError {
            if client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout {
                return "timeout"
            }
            return "http client: \(client)"
        }
        return "network: \(error)"
    }
}
