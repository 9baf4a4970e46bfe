import Synchronization

/// A token bucket per API key for issuing: a key may issue `issuesPerMinute` quotes in a burst,
/// and one more every `60 / issuesPerMinute` seconds after that. A refused issue is answered 429
/// with `Retry-After`, before anything is read or written. An issue that is refused after its
/// token was taken (422 for a bad case or `Idempotency-Key`, 409, any error: no quote was made)
/// gives the token back, so bad requests never lock a key out. Kept as the bucket's "full again"
/// time (GCRA), in exact `Duration`s: no rounding drift.
///
/// Worked numbers, 120 a minute: the bucket holds 120; 120 issues at once empty it; the 121st is
/// refused with `Retry-After: 1` (a token comes back every 0.5 s); after 30 s, 60 may issue again.
public final class IssueRateLimiter: Sendable {
    /// For keys whose entry in the keys file has no `issuesPerMinute`.
    public static let defaultIssuesPerMinute = 120

    /// Per key: when its bucket would be full again.
    private let fullAt = Mutex<[String: Duration]>([:])
    private let now: @Sendable () -> Duration

    /// A limiter reading the time from `now` (time since any fixed start; a test passes its own).
    public init(now: @escaping @Sendable () -> Duration = IssueRateLimiter.monotonicNow) {
        self.now = now
    }

    /// Takes one issue from `key`'s bucket; nil when allowed, else whole seconds until one is.
    func take(_ key: String, perMinute: Int) -> Int? {
        let perMinute = max(1, perMinute)
        let time = now()
        let interval = Duration.seconds(60) / perMinute
        let tolerance = interval * (perMinute - 1)
        return fullAt.withLock { fullAt in
            let full = max(fullAt[key] ?? time, time)
            let wait = full - tolerance - time
            guard wait <= .zero else {
                return Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0)
            }
            fullAt[key] = full + interval
            return nil
        }
    }

    /// Gives back the issue taken from `key`'s bucket by a request that issued nothing.
    func giveBack(_ key: String, perMinute: Int) {
        let interval = Duration.seconds(60) / max(1, perMinute)
        fullAt.withLock { fullAt in
            if let full = fullAt[key] { fullAt[key] = full - interval }
        }
    }

    private static let start = ContinuousClock.now
    @Sendable public static func monotonicNow() -> Duration { ContinuousClock.now - start }
}

extension ServerServices {
    /// Runs `issue` within `principal`'s limit: 429 with `Retry-After` when the key has no issue
    /// left this minute; the issue is given back when `issue` throws (nothing was issued).
    func limitingIssues<Result>(by principal: Principal, _ issue: () async throws -> Result) async throws
        -> Result
    {
        let perMinute = principal.issuesPerMinute ?? IssueRateLimiter.defaultIssuesPerMinute
        if let seconds = issueLimiter.take(principal.name, perMinute: perMinute) {
            throw APIError(
                .tooManyRequests, "this key may issue \(perMinute) quotes a minute; retry in \(seconds) s",
                headers: [.retryAfter: String(seconds)])
        }
        do {
            return try await issue()
        } catch {
            issueLimiter.giveBack(principal.name, perMinute: perMinute)
            throw error
        }
    }
}
