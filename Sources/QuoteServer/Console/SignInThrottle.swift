import Foundation
import QuoteStore

/// Five failed sign-ins for one user within 15 minutes lock that user's sign-in for 15 minutes.
///
/// Every attempt is counted before its password is checked, in one transaction of the store
/// (``QuoteStore/ExpiringValueStore/changeValue(key:now:_:)``), and a successful one is forgotten
/// with the earlier failures: so 30 guesses sent at once get 5 password checks and 25 refusals,
/// on one instance or spread over several on one database. The clock is injected so tests can
/// move time.
struct SignInThrottle: Sendable {
    static let limit = 5
    static let window: TimeInterval = 15 * 60

    let store: any ExpiringValueStore
    let now: @Sendable () -> Date

    /// A user's recent attempts (successful ones are forgotten) and the end of a lock.
    struct Record: Codable, Sendable {
        var attempts: [Date] = []
        var lockedUntil: Date?
    }

    static func key(_ user: String) -> String { "signin." + user }

    /// Counts an attempt for `user`; false when sign-in is locked (then the password is not
    /// checked). The sixth attempt within the window locks the user for the window.
    func admit(_ user: String) async throws -> Bool {
        let time = now()
        return try await store.changeValue(key: Self.key(user), now: time) { text in
            var record =
                text.flatMap { try? JSONDecoder().decode(Record.self, from: Data($0.utf8)) } ?? Record()
            var admitted = true
            if let until = record.lockedUntil, time < until {
                admitted = false
            } else {
                record.lockedUntil = nil
                record.attempts = record.attempts.filter { time.timeIntervalSince($0) < Self.window }
                if record.attempts.count >= Self.limit {
                    record.lockedUntil = time.addingTimeInterval(Self.window)
                    record.attempts = []
                    admitted = false
                } else {
                    record.attempts.append(time)
                }
            }
            let value = String(
                decoding: (try? JSONEncoder().encode(record)) ?? Data("{}".utf8), as: UTF8.self)
            let expires = (record.lockedUntil ?? time).addingTimeInterval(Self.window)
            return (value, expires, admitted)
        }
    }

    /// A successful sign-in forgets the attempts before it.
    func reset(_ user: String) async throws { try await store.removeValue(key: Self.key(user)) }
}
