import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// Issue 15: what happens to a quote after it is issued.
@Suite("the quote lifecycle: answers, revisions, voids, states and search")
struct LifecycleTests {
    static let phone = #"{"decision":"accepted","channel":"phone","note":"customer called the shop"}"#

    func post(
        _ client: any TestClientProtocol, _ uri: String, key: String, _ body: String,
        idempotency: String? = nil
    )
        async throws -> TestResponse
    {
        var headers: HTTPFields = [:]
        if let idempotency { headers[HTTPField.Name("Idempotency-Key")!] = idempotency }
        return try await client.call(.post, uri, key: key, body: body, headers: headers)
    }

    @Test("a Belgian retailer records the customer's phone answer on its own quote, not on another's")
    func retailerRecordsPhoneAnswer() async throws {
        let server = try TestServer()
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair(), key: Key.shop)
            let answer = try await post(
                client, "/v1/quotes/NL-2026-000001/decision", key: Key.shop, Self.phone)
            #expect(answer.status == .ok)
            #expect(answer.json["state"] as? String == "accepted")
            let decision = try #require(answer.json["decision"] as? [String: Any])
            #expect(decision["decidedBy"] as? [String: String] == ["name": "shop", "role": "retailer"])
            #expect(decision["channel"] as? String == "phone")
            #expect(decision["note"] as? String == "customer called the shop")
            #expect((decision["charges"] as? [String: Any])?["lines"] != nil)
            let other = try await post(
                client, "/v1/quotes/NL-2026-000001/decision", key: Key.otherShop, Self.phone)
            #expect(other.status == .notFound)
        }
    }

    @Test("a revision gets the next number, supersedes the old quote, and the old link answers 410")
    func revise() async throws {
        let server = try TestServer()
        try await server.test { client in
            let first = try await client.issue(Fixtures.dutchRepair())
            let link = try #require(first.json["customerLink"] as? String)
            let path = String(link.dropFirst("https://quotes.test".count))
            let revised = try await post(
                client, "/v1/quotes/NL-2026-000001/revise", key: Key.desk, Fixtures.dutchRepair(),
                idempotency: "r-1")
            #expect(revised.status == .created)
            #expect(revised.json["number"] as? String == "NL-2026-000002")
            #expect(revised.json["supersedes"] as? String == "NL-2026-000001")
            #expect(revised.json["state"] as? String == "issued")
            let old = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
            #expect(old.json["state"] as? String == "superseded")
            #expect(old.json["supersededBy"] as? String == "NL-2026-000002")
            let page = try await client.call(.get, path, key: nil)
            #expect(page.status == .gone && page.text.contains("NL-2026-000002"))
            // The same request again is a replay; a second revision of the old quote is 409.
            let replay = try await post(
                client, "/v1/quotes/NL-2026-000001/revise", key: Key.desk, Fixtures.dutchRepair(),
                idempotency: "r-1")
            #expect(replay.status == .ok && replay.json["number"] as? String == "NL-2026-000002")
            let again = try await post(
                client, "/v1/quotes/NL-2026-000001/revise", key: Key.desk, Fixtures.dutchRepair(),
                idempotency: "r-2")
            #expect(again.status == .conflict)
            let decided = try await post(
                client, "/v1/quotes/NL-2026-000001/decision", key: Key.desk, Self.phone)
            #expect(decided.status == .conflict)
            let noKey = try await post(
                client, "/v1/quotes/NL-2026-000002/revise", key: Key.desk, Fixtures.dutchRepair())
            #expect(
                noKey.status == .unprocessableContent && noKey.json["field"] as? String == "Idempotency-Key")
            let otherMarket = try await post(
                client, "/v1/quotes/NL-2026-000002/revise", key: Key.desk, Fixtures.pakistanRepair(),
                idempotency: "r-3")
            #expect(
                otherMarket.status == .unprocessableContent
                    && otherMarket.json["field"] as? String == "market")
            let numbers =
                try await client.call(.get, "/v1/quotes", key: Key.desk).json["quotes"] as? [[String: Any]]
            #expect(numbers?.count == 2)  // the refused revisions wrote nothing
        }
    }

    @Test("a revised PK free-labour quote keeps the benefit exactly once")
    func revisionKeepsBenefitOnce() async throws {
        let server = try TestServer()
        try await server.test { client in
            let first = try await client.issue(Fixtures.pakistanRepair())
            let granted = { (r: TestResponse) in
                ((r.json["quote"] as? [String: Any])?["coverage"] as? [String: Any])?["benefitsGranted"]
                    as? [String]
            }
            #expect(granted(first) == ["PK-3"])
            let revised = try await post(
                client, "/v1/quotes/PK-2026-000001/revise", key: Key.desk, Fixtures.pakistanRepair(),
                idempotency: "k")
            #expect(revised.status == .created)
            #expect(granted(revised) == ["PK-3"])
            // A third, unrelated quote for the same phone finds the benefit used by the revision.
            let third = try await client.issue(Fixtures.pakistanRepair())
            #expect(granted(third) == [])
            let history = (third.json["case"] as? [String: Any])?["history"] as? [String: Any]
            #expect(history?["benefitQuotes"] as? [String: String] == ["PK-3": "PK-2026-000002"])
            // Voiding the revision releases it again.
            let void = try await post(
                client, "/v1/quotes/PK-2026-000002/void", key: Key.desk, #"{"reason":"wrong model"}"#)
            #expect(void.status == .ok)
            let fourth = try await client.issue(Fixtures.pakistanRepair())
            #expect(granted(fourth) == ["PK-3"])
        }
    }

    @Test(
        "a void quote: state void, its link answers 410, it cannot be answered; decided quotes cannot be voided"
    )
    func void() async throws {
        let server = try TestServer()
        try await server.test { client in
            let issued = try await client.issue(Fixtures.dutchRepair(), key: Key.shop)
            let link = try #require(issued.json["customerLink"] as? String)
            let path = String(link.dropFirst("https://quotes.test".count))
            _ = try await client.call(.post, "/v1/quotes/NL-2026-000001/email", key: Key.desk, body: "")
            for (body, field) in [
                ("{}", "reason"), (#"{"reason":""}"#, "reason"), (#"{"reason":"x","why":1}"#, "why"),
            ] {
                let refused = try await post(client, "/v1/quotes/NL-2026-000001/void", key: Key.shop, body)
                #expect(refused.status == .unprocessableContent && refused.json["field"] as? String == field)
            }
            let voided = try await post(
                client, "/v1/quotes/NL-2026-000001/void", key: Key.shop,
                #"{"reason":"customer collected the device"}"#)
            #expect(voided.status == .ok && voided.json["state"] as? String == "void")
            #expect(
                (voided.json["void"] as? [String: Any])?["reason"] as? String
                    == "customer collected the device")
            let emails = voided.json["emails"] as? [[String: Any]]
            #expect(emails?.map { $0["state"] as? String } == ["cancelled"])
            #expect(try await client.call(.get, path, key: nil).status == .gone)
            let mail = try await client.call(
                .post, "/v1/quotes/NL-2026-000001/email", key: Key.desk, body: "")
            #expect(mail.status == .conflict)
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            #expect(
                try await client.call(.post, path, key: nil, body: "decision=accepted", headers: form).status
                    == .gone)
            let decision = try await post(
                client, "/v1/quotes/NL-2026-000001/decision", key: Key.desk, Self.phone)
            #expect(decision.status == .conflict)
            #expect(
                try await post(
                    client, "/v1/quotes/NL-2026-000001/void", key: Key.desk, #"{"reason":"again"}"#
                ).status
                    == .conflict)
            _ = try await client.issue(Fixtures.dutchRepair(imei: Fixtures.imei(3)))
            _ = try await post(client, "/v1/quotes/NL-2026-000002/decision", key: Key.desk, Self.phone)
            let decided = try await post(
                client, "/v1/quotes/NL-2026-000002/void", key: Key.desk, #"{"reason":"late"}"#)
            #expect(decided.status == .conflict)
            #expect(
                try await post(client, "/v1/quotes/NL-2026-000002/void", key: Key.finance, #"{"reason":"x"}"#)
                    .status == .forbidden)
        }
    }

    @Test("the list filters by state and searches number, reference, IMEI, serial, name and e-mail")
    func listStateAndSearch() async throws {
        let server = try TestServer()
        let withReference = Fixtures.dutchRepair(imei: Fixtures.imei(41)).replacingOccurrences(
            of: #""decision": "pending"}"#, with: #""decision": "pending", "reference": "JOB-77 Ünïcode"}"#)
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair(imei: Fixtures.imei(40)))
            let issued = try await client.issue(withReference)
            #expect(issued.json["reference"] as? String == "JOB-77 Ünïcode")
            _ = try await post(client, "/v1/quotes/NL-2026-000001/decision", key: Key.desk, Self.phone)
            func numbers(_ query: String, key: String = Key.desk) async throws -> [String]? {
                let page = try await client.call(.get, "/v1/quotes?" + query, key: key)
                return (page.json["quotes"] as? [[String: Any]])?.compactMap { $0["number"] as? String }
            }
            #expect(try await numbers("state=accepted") == ["NL-2026-000001"])
            #expect(try await numbers("state=issued") == ["NL-2026-000002"])
            #expect(try await numbers("state=expired") == [])
            #expect(try await numbers("q=job-77") == ["NL-2026-000002"])
            #expect(try await numbers("q=%C3%BCn%C3%AF") == ["NL-2026-000002"])
            #expect(try await numbers("q=" + String(Fixtures.imei(40).prefix(15))) == ["NL-2026-000001"])
            #expect(try await numbers("q=ANNA@EXAMPLE") == ["NL-2026-000001", "NL-2026-000002"])
            #expect(try await numbers("q=%25") == [])
            #expect(try await numbers("q=&state=&market=") == ["NL-2026-000001", "NL-2026-000002"])
            let unknown = try await client.call(.get, "/v1/quotes?customer=x", key: Key.desk)
            #expect(unknown.status == .unprocessableContent && unknown.json["field"] as? String == "customer")
            let badState = try await client.call(.get, "/v1/quotes?state=open", key: Key.desk)
            #expect(badState.status == .unprocessableContent && badState.json["field"] as? String == "state")
            #expect(try await numbers("status=out-of-warranty")?.count == 2)
        }
        try await server.on("2026-03-20").test { client in
            let page = try await client.call(.get, "/v1/quotes?state=expired", key: Key.desk)
            #expect(
                (page.json["quotes"] as? [[String: Any]])?.map { $0["number"] as? String } == [
                    "NL-2026-000002"
                ])
        }
    }

    @Test(
        "issue dates come from today; the request date may lie up to 30 days back, not later; preview accepts any"
    )
    func dates() async throws {
        let server = try TestServer(today: "2026-03-20")
        try await server.test { client in
            let backdated = try await client.issue(Fixtures.dutchRepair(requestDate: "2026-02-18"))
            #expect(backdated.status == .created)
            let quote = backdated.json["quote"] as? [String: Any]
            #expect(quote?["issueDate"] as? String == "2026-03-20")
            #expect(backdated.json["validUntil"] as? String == "2026-04-03")
            for date in ["2026-02-17", "2026-03-21"] {
                let refused = try await client.issue(Fixtures.dutchRepair(requestDate: date))
                #expect(
                    refused.status == .unprocessableContent
                        && refused.json["field"] as? String == "requestDate")
                let preview = try await client.call(
                    .post, "/v1/quotes/preview", key: Key.desk, body: Fixtures.dutchRepair(requestDate: date))
                #expect(preview.status == .ok)
            }
        }
    }
}
