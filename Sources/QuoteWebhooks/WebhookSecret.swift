import Foundation
import QuoteCore

/// An endpoint's signing secret: `whsec_` followed by the base64 of its key (32 random bytes when
/// generated here), as Standard Webhooks 1.0 writes it.
///
/// The secret is shown once, when it is made (`revealed`); `description` and `debugDescription`
/// print `whsec_…(redacted)`, so string interpolation into a log line never leaks it.
public struct WebhookSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The text every secret starts with.
    public static let prefix = "whsec_"
    /// The key length of a generated secret, in bytes.
    public static let generatedKeyLength = 32
    /// Key lengths accepted when parsing (the specification allows 24 to 64 bytes).
    public static let acceptedKeyLengths = 24...64

    /// The HMAC key (the decoded base64).
    let key: [UInt8]

    init(key: [UInt8]) { self.key = key }

    /// A new secret of 32 bytes from `generator` (the system's cryptographic generator by default).
    public static func generate() -> WebhookSecret {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A new secret of 32 bytes drawn from `generator`; tests pass a seeded one.
    public static func generate(using generator: inout some RandomNumberGenerator) -> WebhookSecret {
        WebhookSecret(
            key: (0..<generatedKeyLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Reads `whsec_<base64>`; bad input is a `ValidationError` naming `field`.
    public init(parsing text: String, field: String = "secret") throws(ValidationError) {
        guard text.hasPrefix(Self.prefix) else {
            throw ValidationError(field: field, "must start with \(Self.prefix)")
        }
        guard let data = Data(base64Encoded: String(text.dropFirst(Self.prefix.count))) else {
            throw ValidationError(field: field, "is not base64 after \(Self.prefix)")
        }
        guard Self.acceptedKeyLengths.contains(data.count) else {
            throw ValidationError(field: field, "key must be 24 to 64 bytes, got \(data.count)")
        }
        key = Array(data)
    }

    /// The secret as text, to show its owner once (the registration's answer) and to store.
    public var revealed: String { Self.prefix + Data(key).base64EncodedString() }

    /// Never the secret itself.
    public var description: String { "\(Self.prefix)…(redacted)" }

    /// Never the secret itself.
    public var debugDescription: String { description }
}
