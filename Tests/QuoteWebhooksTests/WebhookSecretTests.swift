import Foundation
import QuoteCore
import QuoteFinance
import Testing

@testable import QuoteWebhooks

@Suite("Webhook secrets")
struct WebhookSecretTests {
    @Test("a generated secret is whsec_ and the base64 of 32 bytes, and reads back equal")
    func generated() throws {
        var generator = SplitMix64(seed: 7)
        let secret = WebhookSecret.generate(using: &generator)
        let text = secret.revealed
        #expect(text.hasPrefix("whsec_"))
        #expect(Data(base64Encoded: String(text.dropFirst(6)))?.count == 32)
        #expect(try WebhookSecret(parsing: text) == secret)
        #expect(WebhookSecret.generate() != WebhookSecret.generate())
    }

    @Test("printing or interpolating a secret never shows it")
    func redacted() {
        let secret = WebhookSecret.generate()
        let key = String(secret.revealed.dropFirst(6))
        for text in ["\(secret)", String(describing: secret), String(reflecting: secret), "\([secret])"] {
            #expect(!text.contains(key), "\(text)")
        }
        #expect("\(secret)" == "whsec_…(redacted)")
    }

    @Test(
        "bad secrets are errors naming the field",
        arguments: [
            ("sk_abc", "secret: must start with whsec_"),
            ("whsec_%%%", "secret: is not base64 after whsec_"),
            ("whsec_AAAA", "secret: key must be 24 to 64 bytes, got 3"),
        ])
    func badSecret(text: String, message: String) {
        #expect(throws: ValidationError.self) { try WebhookSecret(parsing: text) }
        do { _ = try WebhookSecret(parsing: text) } catch { #expect(error.description == message) }
    }
}

/// Always the same value: `next()` returns it, so `Double.random(in:)` lands at one end.
struct FixedGenerator: RandomNumberGenerator {
    var value: UInt64
    mutating func next() -> UInt64 { value }
}
