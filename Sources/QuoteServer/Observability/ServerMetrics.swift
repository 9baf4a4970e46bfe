import Foundation
import Hummingbird
import Logging
import Prometheus
import Synchronization

/// The service's own Prometheus registry (not the process-wide MetricsSystem, so that every
/// application, e.g. one per test, counts apart).
public final class ServerMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    public init() {}

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// The series already made, so a request costs one dictionary look-up, not a registry
    /// look-up with label validation.
    private let requestSeries = Mutex<[RequestKey: (Counter, DurationHistogram)]>([:])

    static let latencyBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
    ]

    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let key = RequestKey(route: route, method: method, status: status)
        let series = requestSeries.withLock { cache in
            if let made = cache[key] { return made }
            let made = makeRequestSeries(key)
            cache[key] = made
            return made
        }
        series.0.increment()
        series.1.record(duration)
    }

    private func makeRequestSeries(_ key: RequestKey) -> (Counter, DurationHistogram) {
        let requests = MetricNameDescriptor(
            namespace: "repairquote", metricName: "http_requests", unitName: "total",
            helpText: "HTTP requests by route, method and status")
        let counter = registry.makeCounter(
            descriptor: requests,
            labels: [("route", key.route), ("method", key.method), ("status", String(key.status))])
        let latency = MetricNameDescriptor(
            namespace: "repairquote", metricName: "http_request_duration", unitName: "seconds",
            helpText: "HTTP request latency by route")
        let histogram = registry.makeDurationHistogram(
            descriptor: latency, labels: [("route", key.route)], buckets: Self.latencyBuckets)
        return (counter, histogram)
    }

    /// A request whose client closed the connection before its body was complete: no answer
    /// could be sent, so it is counted here, not among the statuses of `http_requests_total`.
    func recordAborted(route: String, method: String) {
        let aborted = MetricNameDescriptor(
            namespace: "repairquote", metricName: "http_requests_aborted", unitName: "total",
            helpText: "Requests whose client closed the connection before the request was complete")
        registry.makeCounter(descriptor: aborted, labels: [("route", route), ("method", method)]).increment()
    }

    func recordIssued(market: String, status: String) {
        let issued = MetricNameDescriptor(
            namespace: "repairquote", metricName: "quotes_issued", unitName: "total",
            helpText: "Quotes issued by market and coverage status")
        registry.makeCounter(descriptor: issued, labels: [("market", market), ("status", status)]).increment()
    }

    /// The Prometheus text exposition.
    public func exposition() -> String { registry.emitToString() }
}

/// Masks personal data for logs: IMEI `49015420****7518`, e-mail `a***@example.nl`, name `A.`.
public enum Masking {
    public static func imei(_ imei: String) -> String {
        guard imei.count > 4 else { return "****" }
        return String(repeating: "*", count: imei.count - 4) + imei.suffix(4)
    }

    public static func email(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@"), let first = email.first else { return "***" }
        return String(first) + "***" + email[at...]
    }

    public static func name(_ name: String) -> String { name.first.map { "\($0)." } ?? "" }
}
