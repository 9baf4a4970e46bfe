import Hummingbird

/// The `Idempotency-Key` header of an issue or a revision: 1 to 255 printable ASCII characters,
/// `!` to `~` (0x21–0x7E). No space anywhere, inner ones included: a key is a token a client
/// makes (a UUID, `order-4711`), and a space in it is far more often a header glued together by
/// a proxy (two keys sent as `a, b`) than a key. Anything else, an empty or blank value too, is
/// 422 naming the header: an empty key stored as a real one would replay, or refuse, every later
/// request that sends an empty key.
enum IdempotencyKey {
    static let maximumLength = 255

    /// The request's key; nil without the header.
    static func of(_ request: Request) throws -> String? {
        guard let key = request.headers[.idempotencyKey] else { return nil }
        guard let problem = problem(key) else { return key }
        throw APIError(.unprocessableContent, problem, field: "Idempotency-Key")
    }

    /// Why `key` is not a key; nil when it is one.
    static func problem(_ key: String) -> String? {
        if key.allSatisfy({ $0 == " " || $0 == "\t" }) { return "empty; send 1 to 255 printable characters" }
        if key.utf8.count > maximumLength { return "longer than \(maximumLength) characters" }
        if !key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) {
            return "only printable ASCII characters without spaces (! to ~) may make a key"
        }
        return nil
    }
}
