import Foundation

/// Five failed sign-ins for one user within 15 minutes lock that user's sign-in for 15 minutes.
/// The clock is injected so tests can move time.
actor SignInThrottle {
    static let limit = 5
    static let window: TimeInterval = 15 * 60

    private let now: @Sendable () -> Date
    private var failures: [String: [Date]] = [:]
    private var lockedUntil: [String: Date] = [:]

    init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// Whether sign-in for `user` is refused now.
    func isLocked(_ user: String) -> Bool {
        guard let until = lockedUntil[user] else { return false }
        if now() < until { return true }
        lockedUntil[user] = nil
        return false
    }

    /// Counts a failure; the fifth within the window locks the user.
    func recordFailure(_ user: String) {
        let time = now()
        var recent = (failures[user] ?? []).filter { time.timeIntervalSince($0) < Self.window }
        recent.append(time)
        if recent.count >= Self.limit {
            lockedUntil[user] = time.addingTimeInterval(Self.window)
            recent = []
        }
        failures[user] = recent
    }

    /// A successful sign-in forgets earlier failures.
    func reset(_ user: String) { failures[user] = nil }
}
