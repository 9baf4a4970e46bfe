import Foundation

/// A signed-in console user, stored server-side by `hummingbird-auth`'s ``SessionStorage`` (the
/// cookie holds only a random id).
struct ConsoleSession: Codable, Sendable {
    var user: String
    /// The token every form of this session carries (``CSRF``).
    var csrf: String
    /// When the user signed in: sessions end 12 hours later however busy.
    var signedInAt: Date

    /// A session ends after this long…
    static let lifetime: TimeInterval = 12 * 3600
    /// …or after this long unused.
    static let idle: Duration = .seconds(30 * 60)

    func isExpired(now: Date) -> Bool { now.timeIntervalSince(signedInAt) > Self.lifetime }
}
