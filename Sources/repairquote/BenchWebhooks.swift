import ArgumentParser
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QuoteCore
import QuoteServer
import QuoteStore
import QuoteWebhooks
import Synchronization

/// `repairquote bench webhooks`: the service's webhook sender against a loopback receiver that
/// answers 204 (docs/benchmarks.md). Two figures: deliveries per second, `count` deliveries queued
/// beforehand and sent by one sender; and the delay from a decision to its delivery (p50, p99)
/// with `rate` decisions a second for `seconds`, the sender polling as in `serve`.
struct BenchWebhooks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "Webhook deliveries per second to a loopback 204 receiver, and decision-to-delivery delay.")

    @Argument(help: "The case issued for every quote.") var casePath = "Examples/nl-out-of-warranty.json"
    @Option(help: "Deliveries queued for the throughput run.") var count = 2000
    @Option(help: "Decisions per second in the delay run.") var rate = 50
    @Option(help: "Seconds of the delay run.") var seconds = 10
    @Option(help: "Port of the loopback receiver.") var receiverPort = 18_090
    @OptionGroup var priceLists: PriceListOptions

    func run() async throws {
        let (_, serviceCase, _) = try CLIError.guarding {
            try CaseInput.quote(casePath, priceLists: priceLists).parts
        }
        let engine = QuoteCalculator(catalog: try CLIError.guarding { try priceLists.loadCatalog() })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-webhooks-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = try SQLiteQuoteRepository(path: folder.appendingPathComponent("bench.sqlite").path)
        let receiver = BenchReceiver()
        let server = Task { try await receiver.run(port: receiverPort) }
        defer { server.cancel() }
        try await Task.sleep(for: .milliseconds(500))
        var services = ServerServices(engine: engine, keys: APIKeys([:]), logger: Logger(label: "bench"))
        services.logger.logLevel = .error
        services.webhooks.policy = EndpointURLPolicy(allowInsecure: true)
        let sender = WebhookSender(
            repo: repo, services: services, deliverer: WebhookDeliverer(policy: services.webhooks.policy))
        let url = "http://127.0.0.1:\(receiverPort)/hooks"

        try await throughput(
            sender: sender, repo: repo, receiver: receiver, serviceCase: serviceCase, engine: engine, url: url
        )
        try await delay(
            sender: sender, repo: repo, receiver: receiver, serviceCase: serviceCase, engine: engine, url: url
        )
    }

    /// Throughput: `count` issues queued with the sender stopped, then sent.
    func throughput(
        sender: WebhookSender<SQLiteQuoteRepository>, repo: SQLiteQuoteRepository, receiver: BenchReceiver,
        serviceCase: ServiceCase,
        engine: QuoteCalculator, url: String
    ) async throws {
        try await repo.createWebhookEndpoint(
            Self.endpoint("ep_throughput", url: url, events: [.issued]), limit: 10)
        for _ in 0..<count { _ = try await Self.issue(serviceCase, repo: repo, engine: engine) }
        let start = ContinuousClock.now
        while receiver.count < count {
            if try await sender.sendDue() == 0 { try await Task.sleep(for: .milliseconds(5)) }
        }
        let elapsed = Self.seconds(ContinuousClock.now - start)
        print(
            String(
                format: "deliveries: %d in %.2f s = %.0f deliveries/s (one sender, batches of %d)",
                count, elapsed, Double(count) / elapsed, sender.batchSize))
        _ = try await repo.deleteWebhookEndpoint(id: "ep_throughput", owner: "bench", at: Date())
    }

    /// Delay: decisions at `rate` a second, the sender running as in `serve`.
    func delay(
        sender: WebhookSender<SQLiteQuoteRepository>, repo: SQLiteQuoteRepository, receiver: BenchReceiver,
        serviceCase: ServiceCase,
        engine: QuoteCalculator, url: String
    ) async throws {
        let total = rate * seconds
        var numbers: [String] = []
        for _ in 0..<total { numbers.append(try await Self.issue(serviceCase, repo: repo, engine: engine)) }
        try await repo.createWebhookEndpoint(
            Self.endpoint("ep_delay", url: url, events: [.decided]), limit: 10)
        let running = Task { try await sender.run() }
        var decidedAt: [String: Date] = [:]
        let pace = ContinuousClock.now
        for (index, number) in numbers.enumerated() {
            try await Task.sleep(until: pace + .milliseconds(index * 1000 / rate))
            let at = Date()
            decidedAt[number] = at
            _ = try await repo.decide(
                DecisionRequest(
                    number: number, decision: .accepted, decidedBy: "bench", finalJSON: "{}", at: at))
        }
        let deliveries = try await repo.webhookDeliveries(endpointID: "ep_delay", before: nil, limit: total)
        while receiver.arrivals(of: deliveries.map(\.eventID)).count < total {
            try await Task.sleep(for: .milliseconds(20))
        }
        running.cancel()
        _ = try? await running.value
        let arrivals = receiver.arrivals(of: deliveries.map(\.eventID))
        let delays = deliveries.compactMap { d in
            arrivals[d.eventID].flatMap { arrival in
                decidedAt[d.quoteNumber].map { arrival.timeIntervalSince($0) }
            }
        }.sorted()
        func percentile(_ p: Double) -> Double {
            delays[min(delays.count - 1, Int(Double(delays.count) * p))] * 1000
        }
        print(
            String(
                format:
                    "decision → delivery at %d decisions/s for %d s (%d): p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                rate, seconds, delays.count, percentile(0.5), percentile(0.99), (delays.last ?? 0) * 1000))
    }

    static func endpoint(_ id: String, url: String, events: [WebhookEventType]) -> WebhookEndpointRecord {
        WebhookEndpointRecord(
            id: id, owner: "bench", scopeIssuer: nil, url: url, events: events.map(\.rawValue),
            description: "",
            secret: WebhookSecret.generate().revealed, createdAt: Date())
    }

    static func issue(_ serviceCase: ServiceCase, repo: SQLiteQuoteRepository, engine: QuoteCalculator)
        async throws
        -> String
    {
        let request = IssueRequest(
            serviceCase: serviceCase, issuer: "bench", idempotencyKey: nil, requestHash: "",
            checksBenefits: false)
        return try await repo.issue(request, engine: engine).issued.record.number
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// A loopback receiver that answers 204 and notes when each `webhook-id` first arrived.
final class BenchReceiver: Sendable {
    private let arrived = Mutex<[String: Date]>([:])

    var count: Int { arrived.withLock { $0.count } }

    func arrivals(of ids: [String]) -> [String: Date] {
        arrived.withLock { all in ids.reduce(into: [:]) { $0[$1] = all[$1] } }
    }

    func note(_ id: String, at time: Date) {
        arrived.withLock { if $0[id] == nil { $0[id] = time } }
    }

    func run(port: Int) async throws {
        let router = Router()
        router.post("hooks") { request, _ -> Response in
            self.note(request.headers[HTTPField.Name("webhook-id")!] ?? "", at: Date())
            return Response(status: .noContent)
        }
        var logger = Logger(label: "bench-receiver")
        logger.logLevel = .error
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
        try await app.runService()
    }
}
