import Foundation
import Hummingbird

/// Five failed sign-ins for one user within 15 minutes lock that user's sign-in for 15 minutes.
/// The count is kept through a ``PersistDriver`` (the store's, so every instance on one database
/// shares it). The clock is injected so tests can move time.
struct SignInThrottle: Sendable {
    static let limit = 5
    static let window: TimeInterval = 15 * 60

    let driver: any PersistDriver
    let now: @Sendable () -> Date

    /// A user's recent failures and the end of a lock.
    struct Record: Codable, Sendable {
        var failures: [Date] = []
        var lockedUntil: Date?
    }

    static func key(_ user: String) -> String { "signin." + user }

    /// Whether sign-in for `user` is refused now.
    func isLocked(_ user: String) async throws -> Bool {
        guard let until = try await driver.get(key: Self.key(user), as: Record.self)?.lockedUntil
        else { return false }
        return now() < until
    }

    /// Counts a failure; the fifth within the window locks the user.
    func recordFailure(_ user: String) async throws {
        let time = now()
        var record = try await driver.get(key: Self.key(user), as: Record.self) ?? Record()
        record.failures = record.failures.filter { time.timeIntervalSince($0) < Self.window }
        record.failures.append(time)
        if record.failures.count >= Self.limit {
            record.lockedUntil = time.addingTimeInterval(Self.window)
            record.failures = []
        }
        try await driver.set(key: Self.key(user), value: record, expires: .seconds(Self.window))
    }

    /// A successful sign-in forgets earlier failures.
    func reset(_ user: String) async throws { try await driver.remove(key: Self.key(user)) }
}
