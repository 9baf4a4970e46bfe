import Foundation
import HTTPTypes
import HummingbirdTesting
import PriceListLoading
import QuoteCore
import Testing

/// The shipped price lists and example cases, through the real calculator.
enum Shipped {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func engine() throws -> QuoteCalculator {
        QuoteCalculator(
            catalog: try PriceListLoader.loadCatalog(
                directory: root.appendingPathComponent("PriceLists").path))
    }

    static func example(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Examples/\(name)"), encoding: .utf8)
    }

    static var exampleNames: [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(
                atPath: root.appendingPathComponent("Examples").path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix("keys") }.sorted()
    }
}

@Suite("the real engine with the shipped price lists")
struct RealEngineTests {
    @Test("every example case previews (200) through the service")
    func previewExamples() async throws {
        let server = try TestServer(engine: try Shipped.engine())
        let names = Shipped.exampleNames
        #expect(names.count >= 20)
        try await server.test { client in
            for name in names {
                let response = try await client.call(
                    .post, "/v1/quotes/preview", key: Key.desk, body: try Shipped.example(name))
                #expect(response.status == .ok, "\(name): \(response.text)")
            }
        }
    }

    @Test("PK-3 free labor: granted by the first quote of the device, not by the second")
    func freeLaborOnce() async throws {
        let server = try TestServer(engine: try Shipped.engine())
        try await server.test { client in
            let body = try Shipped.example("pk-free-labor.json")
            let first = try await client.issue(body)
            let second = try await client.issue(body)
            func granted(_ response: TestResponse) -> [String]? {
                ((response.json["quote"] as? [String: Any])?["coverage"] as? [String: Any])?[
                    "benefitsGranted"] as? [String]
            }
            #expect(first.status == .created && granted(first) == ["PK-3"])
            #expect(second.status == .created && granted(second) == [])
            let history = (second.json["case"] as? [String: Any])?["history"] as? [String: Any]
            #expect(history?["benefitsUsed"] as? [String] == ["PK-3"])
            #expect(
                (history?["benefitQuotes"] as? [String: String])?["PK-3"] == first.json["number"] as? String)
        }
    }

    @Test("a stored quote is rendered from its case recomputed with its price-list version")
    func documentRecomputed() async throws {
        let server = try TestServer(renderer: EchoRenderer(), engine: try Shipped.engine())
        try await server.test { client in
            let issued = try await client.issue(try Shipped.example("nl-out-of-warranty.json"))
            let number = issued.json["number"] as? String ?? "?"
            let text = try await client.call(.get, "/v1/quotes/\(number).txt", key: Key.desk)
            #expect(text.status == .ok && text.text.hasPrefix("text \(number) "))
        }
    }
}
