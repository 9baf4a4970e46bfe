import Foundation

/// What one attempt ended with, as the schedule needs it.
public enum AttemptResult: Sendable, Equatable {
    /// The receiver answered; `retryAfter` is the raw `Retry-After` header, if any.
    case answered(status: Int, retryAfter: String?)
    /// No answer: connection refused, TLS failure, timeout, or an address refused by the policy.
    case transportError(String)
}

/// What to do after an attempt.
public enum RetryDecision: Sendable, Equatable {
    /// 2xx: the delivery is done.
    case succeeded
    /// Try again at this time (attempt `attempt + 1`).
    case retry(at: Date)
    /// The last attempt failed: the delivery is `failed`.
    case failed
    /// The delivery is `failed` and the endpoint must be disabled (an event is to be recorded).
    case disableEndpoint(DisableReason)
}

/// Why an endpoint is disabled.
public enum DisableReason: String, Sendable, Equatable {
    /// The receiver answered 410 Gone.
    case gone
    /// Its deliveries have failed for three days without a success.
    case failingThreeDays
}

/// The retry rules of Standard Webhooks deliveries.
///
/// After attempt *n* (1-based) fails, attempt *n + 1* follows `delays[n - 1]` later, each delay
/// stretched or shrunk by up to ±`jitter` (a fraction drawn from the injected generator); after
/// attempt `delays.count + 1` the delivery is `failed`. With the default delays, 5 s, 5 min,
/// 30 min, 2 h, 5 h, 10 h, 10 h, that is 8 attempts over about 27 h 35 min.
/// On 429 and 503 a `Retry-After` (seconds or an HTTP date) replaces the delay, capped at 1 h.
/// 410 disables the endpoint at once; so does a failure when the endpoint has been failing
/// (no success) for `disableAfter`, three days.
public struct RetrySchedule: Sendable {
    public var delays: [TimeInterval]
    /// The largest fraction a delay is moved by, e.g. 0.1 for ±10 %.
    public var jitter: Double
    public var retryAfterCap: TimeInterval
    public var disableAfter: TimeInterval

    public static let standardDelays: [TimeInterval] = [5, 300, 1800, 7200, 18000, 36000, 36000]

    public init(
        delays: [TimeInterval] = standardDelays, jitter: Double = 0.1,
        retryAfterCap: TimeInterval = 3600, disableAfter: TimeInterval = 3 * 86400
    ) {
        self.delays = delays
        self.jitter = jitter
        self.retryAfterCap = retryAfterCap
        self.disableAfter = disableAfter
    }

    /// The decision after attempt `attempt` (1-based) ended with `result` at `now`.
    /// `failingSince` is when the endpoint's current run of failures began (nil after a success).
    public func decision(
        after result: AttemptResult, attempt: Int, now: Date, failingSince: Date?,
        using generator: inout some RandomNumberGenerator
    ) -> RetryDecision {
        var retryAfter: String?
        if case .answered(let status, let header) = result {
            if (200...299).contains(status) { return .succeeded }
            if status == 410 { return .disableEndpoint(.gone) }
            if status == 429 || status == 503 { retryAfter = header }
        }
        if let failingSince, now.timeIntervalSince(failingSince) >= disableAfter {
            return .disableEndpoint(.failingThreeDays)
        }
        guard attempt >= 1, attempt <= delays.count else { return .failed }
        if let retryAfter, let asked = RetryAfter.delay(retryAfter, now: now) {
            return .retry(at: now.addingTimeInterval(min(asked, retryAfterCap)))
        }
        return .retry(at: now.addingTimeInterval(jittered(delays[attempt - 1], using: &generator)))
    }

    /// `delay` × (1 + u), u uniform in [−jitter, +jitter].
    func jittered(_ delay: TimeInterval, using generator: inout some RandomNumberGenerator) -> TimeInterval {
        guard jitter > 0 else { return delay }
        return delay * (1 + Double.random(in: -jitter...jitter, using: &generator))
    }
}
