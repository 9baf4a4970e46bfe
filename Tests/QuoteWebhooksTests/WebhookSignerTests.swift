import Foundation
import Testing

@testable import QuoteWebhooks

@Suite("Standard Webhooks signatures")
struct WebhookSignerTests {
    static let specSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    @Test("the specification's test vector: v1,g0hM9SsE… for msg_p5jXN8AQM9LWM0D4loKWxJek at 1614265330")
    func specificationVector() throws {
        let secret = try WebhookSecret(parsing: Self.specSecret)
        let body = Array(#"{"test": 2432232314}"#.utf8)
        let signature = WebhookSigner.signature(
            secret: secret, id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: body)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("headers: id, whole-second timestamp, one signature per secret separated by a space")
    func headers() throws {
        let old = try WebhookSecret(parsing: Self.specSecret)
        let new = WebhookSecret.generate()
        let body = Array(#"{"test": 2432232314}"#.utf8)
        let signer = WebhookSigner(secrets: [new, old])
        let headers = signer.headers(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: Date(timeIntervalSince1970: 1_614_265_330.9),
            body: body)
        #expect(headers.map(\.name) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(headers[1].value == "1614265330")
        let signatures = headers[2].value.split(separator: " ").map(String.init)
        #expect(signatures.count == 2)
        #expect(signatures[1] == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        #expect(
            signatures[0]
                == WebhookSigner.signature(
                    secret: new, id: headers[0].value, timestamp: 1_614_265_330, body: body))
    }

    @Test("a rotation keeps the old secret for 24 hours, then signs with the new one alone")
    func rotation() {
        let old = WebhookSecret.generate()
        let new = WebhookSecret.generate()
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let rotated = SecretRotation(current: old).rotated(to: new, at: start)
        #expect(rotated.activeSecrets(at: start) == [new, old])
        #expect(rotated.activeSecrets(at: start.addingTimeInterval(24 * 3600 - 1)) == [new, old])
        #expect(rotated.activeSecrets(at: start.addingTimeInterval(24 * 3600)) == [new])
        #expect(SecretRotation(current: old).activeSecrets(at: start) == [old])
    }
}
