import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// `GET /v1/quotes/{number}/events` and the list's `viewed` filter.
@Suite("a quote's history through the API")
struct EventsRouteTests {
    @Test("issue, link, view and the customer's answer are events in order; reach as for the quote")
    func history() async throws {
        let server = try TestServer()
        try await server.test { client in
            let issued = try await client.issue(Fixtures.dutchRepair(), key: Key.shop)
            let link = issued.json["customerLink"] as? String ?? ""
            let token = String(link.split(separator: "/").last ?? "")
            _ = try await client.call(.post, "/v1/quotes/NL-2026-000001/customer-link", key: Key.shop)
            _ = try await client.call(.get, "/q/\(token)", key: nil, headers: [.userAgent: "Browser/1"])
            _ = try await client.call(.get, "/q/\(token)", key: nil, headers: [.userAgent: "Browser/1"])

            let answer = try await client.call(.get, "/v1/quotes/NL-2026-000001/events", key: Key.finance)
            #expect(answer.status == .ok)
            let events = answer.json["events"] as? [[String: Any]] ?? []
            #expect(events.map { $0["kind"] as? String } == ["issued", "link-made", "viewed"])
            #expect(events.map { $0["sequence"] as? Int } == [1, 2, 3])
            #expect(
                events[0]["actor"] as? [String: String] == [
                    "kind": "api-key", "name": "shop", "role": "retailer",
                ])
            #expect(events[2]["userAgent"] as? String == "Browser/1")
            #expect(events[2]["details"] as? [String: String] == ["via": "page"])
            #expect(events[1]["previousHash"] as? String == events[0]["hash"] as? String)

            #expect(
                try await client.call(.get, "/v1/quotes/NL-2026-000001/events", key: Key.otherShop).status
                    == .notFound)
            #expect(
                try await client.call(.get, "/v1/quotes/NL-2026-000009/events", key: Key.desk).status
                    == .notFound)
            #expect(
                try await client.call(.get, "/v1/quotes/NL-2026-000001/events", key: nil).status
                    == .unauthorized)
        }
    }

    @Test(
        "the list's viewed=true|false finds quotes whose link was or was never opened; another value is 422")
    func viewedFilter() async throws {
        let server = try TestServer()
        try await server.test { client in
            let first = try await client.issue(Fixtures.dutchRepair(imei: Fixtures.imei(61)))
            _ = try await client.issue(Fixtures.dutchRepair(imei: Fixtures.imei(62)))
            let link = first.json["customerLink"] as? String ?? ""
            _ = try await client.call(
                .get, "/q/" + (link.split(separator: "/").last.map(String.init) ?? ""), key: nil)
            func numbers(_ query: String) async throws -> [String] {
                let page = try await client.call(.get, "/v1/quotes?" + query, key: Key.desk)
                return (page.json["quotes"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
            }
            #expect(try await numbers("viewed=true") == ["NL-2026-000001"])
            #expect(try await numbers("viewed=false") == ["NL-2026-000002"])
            let bad = try await client.call(.get, "/v1/quotes?viewed=yes", key: Key.desk)
            #expect(bad.status == .unprocessableContent && bad.json["field"] as? String == "viewed")
        }
    }
}
