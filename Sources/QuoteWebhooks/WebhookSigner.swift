import Crypto
import Foundation

/// Signs deliveries as Standard Webhooks 1.0 asks: `webhook-id`, `webhook-timestamp` (whole
/// seconds since 1970) and `webhook-signature`, which holds `v1,<base64 HMAC-SHA256>` of
/// `"<id>.<timestamp>.<body>"` once per active secret, separated by spaces.
///
/// Worked example (the specification's test vector, checked in `WebhookSignerTests`): secret
/// `whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`, id `msg_p5jXN8AQM9LWM0D4loKWxJek`, timestamp
/// `1614265330`, body `{"test": 2432232314}` → `v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=`.
public struct WebhookSigner: Sendable {
    /// The secrets to sign with: the current one first, then a rotated-out one still inside its
    /// 24 hours.
    public var secrets: [WebhookSecret]

    /// Signs with `secrets` (at least one).
    public init(secrets: [WebhookSecret]) {
        precondition(!secrets.isEmpty, "a signer needs a secret")
        self.secrets = secrets
    }

    /// The three headers of one attempt, in the order they are sent.
    public func headers(id: String, timestamp: Date, body: [UInt8]) -> [(name: String, value: String)] {
        let seconds = Self.unixSeconds(timestamp)
        let signatures = secrets.map { Self.signature(secret: $0, id: id, timestamp: seconds, body: body) }
        return [
            ("webhook-id", id),
            ("webhook-timestamp", String(seconds)),
            ("webhook-signature", signatures.joined(separator: " ")),
        ]
    }

    /// `v1,` + base64 of HMAC-SHA256 over `"<id>.<timestamp>.<body>"` with the secret's key.
    public static func signature(secret: WebhookSecret, id: String, timestamp: Int64, body: [UInt8]) -> String
    {
        var message = Array("\(id).\(timestamp).".utf8)
        message.append(contentsOf: body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret.key))
        return "v1," + Data(mac).base64EncodedString()
    }

    /// Whole seconds since 1970, rounded down.
    static func unixSeconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}
