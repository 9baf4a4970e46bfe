import Foundation
import QuoteCore
import QuoteJSON
import Testing

@testable import QuoteWebhooks

@Suite("Webhook events and payloads")
struct WebhookPayloadTests {
    @Test("the seven event names")
    func names() {
        #expect(
            WebhookEventType.allCases.map(\.rawValue) == [
                "quote.issued", "quote.viewed", "quote.decided", "quote.revised", "quote.voided",
                "quote.expired",
                "quote.reminded",
            ])
    }

    @Test("an unknown event name is an error naming its field")
    func unknownEvent() {
        do {
            _ = try WebhookEventType(name: "quote.paid", field: "events[1]")
            Issue.record("quote.paid was accepted")
        } catch {
            #expect(error.field == "events[1]")
            #expect(error.message.hasPrefix("unknown event \"quote.paid\"; known: quote.issued, "))
        }
    }

    @Test("the body wraps the quote's JSON as data, with type and an ISO 8601 timestamp")
    func body() throws {
        let quote = #"{"number":"NL-2026-000042","totals":{"gross":"129.95"},"note":"caf\u00e9 \"x\""}"#
        let timestamp = Date(timeIntervalSince1970: 1_796_579_479.25)
        let body = WebhookPayload.body(type: .decided, timestamp: timestamp, quoteJSON: quote)
        let text = String(decoding: body, as: UTF8.self)
        #expect(
            text == #"{"type":"quote.decided","timestamp":"2026-12-06T17:51:19.250Z","data":"# + quote + "}")
        let parsed = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        #expect((parsed?["data"] as? [String: Any])?["number"] as? String == "NL-2026-000042")
    }
}
