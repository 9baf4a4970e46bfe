import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteTestSupport
import Testing

@Suite("POST /v1/quotes/preview and POST /v1/quotes")
struct IssueTests {
    @Test("preview computes without storing: number null, nothing listed")
    func preview() async throws {
        let server = try TestServer()
        try await server.test { client in
            let response = try await client.call(
                .post, "/v1/quotes/preview", key: Key.shop, body: Fixtures.dutchRepair())
            #expect(response.status == .ok)
            #expect(response.json["number"] is NSNull)
            #expect((response.json["totals"] as? [String: Any]).map { _ in true } == true)
            let list = try await client.call(.get, "/v1/quotes", key: Key.desk)
            #expect((list.json["quotes"] as? [Any])?.count == 0)
        }
    }

    @Test("issue answers 201 with the number, the quote, the case and a customer link")
    func issue() async throws {
        let server = try TestServer()
        try await server.test { client in
            let response = try await client.issue(Fixtures.dutchRepair(), key: Key.shop)
            #expect(response.status == .created)
            #expect(response.headers[.location] == "/v1/quotes/NL-2026-000001")
            #expect(response.json["number"] as? String == "NL-2026-000001")
            #expect(response.json["issuer"] as? String == "R-100")
            #expect((response.json["quote"] as? [String: Any])?["number"] as? String == "NL-2026-000001")
            let link = response.json["customerLink"] as? String ?? ""
            #expect(
                link.hasPrefix("https://quotes.test/q/") && link.count == "https://quotes.test/q/".count + 43)
        }
    }

    @Test("a retry with the same Idempotency-Key answers the first quote; another body 422")
    func idempotentRetry() async throws {
        let server = try TestServer()
        try await server.test { client in
            let first = try await client.issue(Fixtures.dutchRepair(), idempotencyKey: "retry-1")
            let retry = try await client.issue(Fixtures.dutchRepair(), idempotencyKey: "retry-1")
            #expect(first.status == .created && retry.status == .ok)
            #expect(retry.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(retry.json["number"] as? String == first.json["number"] as? String)
            let other = try await client.issue(
                Fixtures.dutchRepair(imei: Fixtures.imei(9)), idempotencyKey: "retry-1")
            #expect(other.status == .unprocessableContent)
            #expect(other.json["field"] as? String == "Idempotency-Key")
            let list = try await client.call(.get, "/v1/quotes", key: Key.desk)
            #expect((list.json["quotes"] as? [Any])?.count == 1)
        }
    }

    @Test("Idempotency-Keys belong to their issuer: another issuer's same key is a new quote")
    func idempotencyPerIssuer() async throws {
        let server = try TestServer()
        try await server.test { client in
            let desk = try await client.issue(
                Fixtures.dutchRepair(), key: Key.desk, idempotencyKey: "first-1")
            let shop = try await client.issue(
                Fixtures.dutchRepair(), key: Key.shop, idempotencyKey: "first-1")
            #expect(desk.status == .created && shop.status == .created)
            #expect(shop.json["number"] as? String != desk.json["number"] as? String)
        }
    }

    @Test("a quote asked for in a format the service does not have is 406")
    func notAcceptable() async throws {
        let server = try TestServer()
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair())
            let pdf = try await client.call(
                .get, "/v1/quotes/NL-2026-000001", key: Key.desk, headers: [.accept: "application/pdf"])
            #expect(pdf.status == .notAcceptable)
            let any = try await client.call(
                .get, "/v1/quotes/NL-2026-000001", key: Key.desk, headers: [.accept: "*/*"])
            #expect(any.status == .ok)
        }
    }

    @Test("list filters are checked: unknown status, bad market, from after to are 422")
    func listFilters() async throws {
        let server = try TestServer()
        try await server.test { client in
            for (query, field) in [
                ("status=bogus", "status"), ("market=zz1", "market"),
                ("from=2026-12-01&to=2026-01-01", "from"),
            ] {
                let response = try await client.call(.get, "/v1/quotes?\(query)", key: Key.desk)
                #expect(response.status == .unprocessableContent, "\(query)")
                #expect(response.json["field"] as? String == field)
            }
        }
    }

    @Test("bad input is 422 naming the field")
    func validation() async throws {
        let server = try TestServer()
        try await server.test { client in
            let badIMEI = Fixtures.dutchRepair(imei: "490154203237519")
            let response = try await client.issue(badIMEI)
            #expect(response.status == .unprocessableContent)
            #expect(response.json["field"] as? String == "device.imei")
            #expect((response.json["error"] as? String)?.contains("check digit") == true)
            let notJSON = try await client.call(.post, "/v1/quotes/preview", key: Key.desk, body: "{")
            #expect(notJSON.status == .unprocessableContent)
        }
    }

    @Test("no key 401; finance may neither preview nor issue (403)")
    func roles() async throws {
        let server = try TestServer()
        try await server.test { client in
            #expect(
                try await client.call(.post, "/v1/quotes", key: nil, body: Fixtures.dutchRepair()).status
                    == .unauthorized)
            #expect(
                try await client.call(.post, "/v1/quotes", key: "wrong", body: Fixtures.dutchRepair()).status
                    == .unauthorized)
            #expect(try await client.issue(Fixtures.dutchRepair(), key: Key.finance).status == .forbidden)
            let preview = try await client.call(
                .post, "/v1/quotes/preview", key: Key.finance, body: Fixtures.dutchRepair())
            #expect(preview.status == .forbidden)
            #expect(preview.json["error"] as? String == "the finance role may not do this")
            let viaHeader = try await client.call(
                .post, "/v1/quotes/preview", key: nil, body: Fixtures.dutchRepair(),
                headers: [HTTPField.Name("X-API-Key")!: Key.desk])
            #expect(viaHeader.status == .ok)
        }
    }

    @Test("50 concurrent issues through the router: numbers 1 to 50")
    func concurrentIssues() async throws {
        let server = try TestServer()
        let numbers = try await server.test { client in
            try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<50 {
                    group.addTask {
                        try await client.issue(Fixtures.dutchRepair(imei: Fixtures.imei(300 + i))).json[
                            "number"] as? String ?? "?"
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
        }
        #expect(numbers.sorted() == (1...50).map { String(format: "NL-2026-%06d", $0) })
    }

    @Test("50 concurrent issues for one PK device through the router grant PK-3 once")
    func benefitOnce() async throws {
        let server = try TestServer()
        let granted = try await server.test { client in
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        let quote =
                            try await client.issue(Fixtures.pakistanRepair()).json["quote"] as? [String: Any]
                        let coverage = quote?["coverage"] as? [String: Any]
                        return (coverage?["benefitsGranted"] as? [String]) == ["PK-3"]
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
        }
        #expect(granted.count == 50 && granted.filter { $0 }.count == 1)
    }
}
