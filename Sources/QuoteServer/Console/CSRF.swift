import Foundation
import QuoteStore

/// The hidden `csrf` field of console forms: a random token per session, compared in constant time.
enum CSRF {
    static let field = "csrf"

    /// 32 random bytes, base64url.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// Whether a form's token is the session's.
    static func matches(_ given: String?, session: ConsoleSession) -> Bool {
        matches(given, expected: session.csrf)
    }

    /// Whether `given` equals `expected`, compared in constant time; never for an absent or empty one.
    static func matches(_ given: String?, expected: String?) -> Bool {
        guard let given, let expected, !expected.isEmpty else { return false }
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The cookie that carries the sign-in form's token before there is a session (a double-submit
    /// token: a page of another site can neither read it nor set it).
    static let signInCookie = "console_signin"
}
