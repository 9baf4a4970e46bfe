import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteCore
import QuoteRendering
import QuoteServer
import QuoteTestSupport
import Testing

/// Renders "<format> <number> <language>" so tests see what it was given (the customer's language
/// when the service asks for none, as the template renderer falls back).
struct EchoRenderer: PlainCustomerPages {
    func render(quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?) throws
        -> String
    {
        "\(format.rawValue) \(quote.number ?? "-") \(language ?? serviceCase.customer.language ?? "-")"
    }
}

@Suite("GET /v1/quotes/{number} and GET /v1/quotes")
struct ReadTests {
    @Test("every role reads a quote; a retailer only its own (another's is 404, as unknown); no key 401")
    func readByRole() async throws {
        let server = try TestServer()
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair(), key: Key.shop)
            for key in [Key.desk, Key.finance, Key.shop] {
                let response = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: key)
                #expect(response.status == .ok)
                #expect(response.json["status"] as? String == "issued")
            }
            let others = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.otherShop)
            let unknown = try await client.call(.get, "/v1/quotes/NL-2026-000404", key: Key.desk)
            #expect(unknown.status == .notFound && unknown.json["error"] as? String == "no such quote")
            #expect(others.status == .notFound && others.text == unknown.text)
            #expect(
                try await client.call(.get, "/v1/quotes/NL-2026-000001", key: nil).status == .unauthorized)
        }
    }

    @Test("documents answer 406 until a renderer is installed")
    func documentsUnavailable() async throws {
        let server = try TestServer()
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair())
            let html = try await client.call(.get, "/v1/quotes/NL-2026-000001.html", key: Key.desk)
            #expect(html.status == .notAcceptable)
            #expect((html.json["error"] as? String)?.hasPrefix("documents are not available") == true)
            let json = try await client.call(.get, "/v1/quotes/NL-2026-000001.json", key: Key.desk)
            #expect(json.status == .ok && json.json["number"] as? String == "NL-2026-000001")
        }
    }

    @Test("with a renderer: .txt/.html suffix or Accept choose the document")
    func documents() async throws {
        let server = try TestServer(renderer: EchoRenderer())
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair())
            let text = try await client.call(.get, "/v1/quotes/NL-2026-000001.txt", key: Key.finance)
            #expect(text.text == "text NL-2026-000001 en")
            #expect(text.headers[.contentType] == "text/plain; charset=utf-8")
            let html = try await client.call(
                .get, "/v1/quotes/NL-2026-000001", key: Key.desk, headers: [.accept: "text/html"])
            #expect(html.text == "html NL-2026-000001 en")
        }
    }

    @Test("the list filters, pages with an opaque cursor, and shows retailers their own")
    func list() async throws {
        let server = try TestServer()
        try await server.test { client in
            for i in 0..<3 {
                _ = try await client.issue(Fixtures.dutchRepair(imei: Fixtures.imei(40 + i)), key: Key.shop)
            }
            _ = try await client.issue(Fixtures.pakistanRepair(), key: Key.otherShop)
            let first = try await client.call(.get, "/v1/quotes?limit=2", key: Key.finance)
            let numbers = (first.json["quotes"] as? [[String: Any]])?.compactMap { $0["number"] as? String }
            #expect(numbers == ["NL-2026-000001", "NL-2026-000002"])
            let cursor = first.json["nextCursor"] as? String ?? ""
            let second = try await client.call(.get, "/v1/quotes?limit=2&cursor=\(cursor)", key: Key.finance)
            let rest = (second.json["quotes"] as? [[String: Any]])?.compactMap { $0["number"] as? String }
            #expect(rest == ["NL-2026-000003", "PK-2026-000001"] && second.json["nextCursor"] is NSNull)
            let own = try await client.call(.get, "/v1/quotes", key: Key.otherShop)
            #expect(
                (own.json["quotes"] as? [[String: Any]])?.compactMap { $0["number"] as? String } == [
                    "PK-2026-000001"
                ])
            let market = try await client.call(
                .get, "/v1/quotes?market=PK&status=issued&from=2026-03-01&to=2026-03-31", key: Key.desk)
            #expect((market.json["quotes"] as? [Any])?.count == 1)
        }
    }

    @Test("sort: newest first, or by the customer's total either way, paged by the same sort's cursor")
    func sortedList() async throws {
        let server = try TestServer()
        try await server.test { client in
            // The stub engine: the customer pays 139.00 out of warranty, nothing in warranty.
            _ = try await client.issue(Fixtures.dutchRepair(imei: Fixtures.imei(50)))
            _ = try await client.issue(Fixtures.dutchRepair(imei: Fixtures.imei(51), inWarranty: true))
            _ = try await client.issue(
                Fixtures.dutchRepair(imei: Fixtures.imei(52)).replacingOccurrences(
                    of: #""quantity": 1"#, with: #""quantity": 2"#))
            func numbers(_ query: String) async throws -> ([String], String?) {
                let page = try await client.call(.get, "/v1/quotes?" + query, key: Key.finance)
                let quotes = page.json["quotes"] as? [[String: Any]] ?? []
                let list = quotes.compactMap { $0["number"] as? String }
                return (list, page.json["nextCursor"] as? String)
            }
            let (one, two, three) = ("NL-2026-000001", "NL-2026-000002", "NL-2026-000003")
            #expect(try await numbers("sort=newest").0 == [three, two, one])
            #expect(try await numbers("sort=total-desc").0 == [three, one, two])
            let (first, cursor) = try await numbers("sort=total-asc&limit=2")
            #expect(first == ["NL-2026-000002", "NL-2026-000001"])
            let next = try #require(cursor)
            #expect(try await numbers("sort=total-asc&limit=2&cursor=\(next)").0 == ["NL-2026-000003"])
            // A cursor of one order is not one of another.
            let mixed = try await client.call(.get, "/v1/quotes?cursor=\(next)", key: Key.finance)
            #expect(mixed.status == .unprocessableContent && mixed.json["field"] as? String == "cursor")
            let bad = try await client.call(.get, "/v1/quotes?sort=cheapest", key: Key.finance)
            #expect(bad.status == .unprocessableContent && bad.json["field"] as? String == "sort")
        }
    }

    @Test("bad list parameters are 422 naming the parameter")
    func badParameters() async throws {
        let server = try TestServer()
        try await server.test { client in
            for (query, field) in [("limit=101", "limit"), ("cursor=zzz", "cursor"), ("from=March", "from")] {
                let response = try await client.call(.get, "/v1/quotes?\(query)", key: Key.desk)
                #expect(response.status == .unprocessableContent)
                #expect(response.json["field"] as? String == field)
            }
        }
    }

    @Test(
        "status filters on every coverage status of the spec; an empty value is absent; unknown parameters 422"
    )
    func listStatusAndEmpty() async throws {
        let server = try TestServer()
        try await server.test { client in
            let issued = try await client.issue(Fixtures.dutchRepair())
            let coverage = issued.json["coverageStatus"] as? String ?? "?"
            for status in ["in-warranty", "out-of-warranty", "doa", "remorse", "refused", "not-repairable"] {
                let page = try await client.call(.get, "/v1/quotes?status=\(status)", key: Key.desk)
                #expect(page.status == .ok, "\(status)")
                #expect((page.json["quotes"] as? [Any])?.count == (status == coverage ? 1 : 0), "\(status)")
            }
            let empty = try await client.call(.get, "/v1/quotes?market=&status=&limit=", key: Key.desk)
            #expect(empty.status == .ok && (empty.json["quotes"] as? [Any])?.count == 1)
            let unknown = try await client.call(.get, "/v1/quotes?market=NL&sort=desc", key: Key.desk)
            #expect(unknown.status == .unprocessableContent && unknown.json["field"] as? String == "sort")
        }
    }
}
