import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteCore
import Testing

/// Issue 13.1: numbers too large for the engine are a 422 naming the field, and the service
/// keeps answering (before, the process trapped and every client got an empty reply).
@Suite("large numbers through the service")
struct LargeNumberTests {
    @Test(
        "preview and issue answer 422 with the field's JSON path for numbers beyond their range",
        arguments: [
            (#""market": "US","#, #""market": "US", "salesTaxRate": "922337203685478","#, "salesTaxRate"),
            (#""price": "49.99""#, #""price": "922337203685477""#, "purchase.amounts.price"),
            (#""price": "49.99""#, #""price": "922337203685478""#, "purchase.amounts.price"),
            (#""quantity": 1"#, #""quantity": 99999999999999999999"#, "repair.parts[0].quantity"),
        ])
    func refused(from: String, to: String, field: String) async throws {
        let server = try TestServer(engine: try Shipped.engine())
        let example = from.contains("quantity") ? "pk-free-labor.json" : "us-remorse-refund.json"
        let body = try Shipped.example(example).replacingOccurrences(of: from, with: to)
        try await server.test { client in
            for path in ["/v1/quotes/preview", "/v1/quotes"] {
                let response = try await client.call(.post, path, key: Key.desk, body: body)
                #expect(response.status == .unprocessableContent, "\(path): \(response.text)")
                #expect(response.json["field"] as? String == field)
                #expect((response.json["error"] as? String)?.isEmpty == false)
            }
            let health = try await client.call(.get, "/health", key: nil)
            #expect(health.status == .ok)
            let listed = try await client.call(.get, "/v1/quotes", key: Key.desk)
            #expect((listed.json["quotes"] as? [Any])?.isEmpty == true)
        }
    }
}
