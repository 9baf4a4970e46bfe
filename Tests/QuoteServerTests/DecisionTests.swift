import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteTestSupport
import Testing

@testable import QuoteServer

@Suite("decisions: staff and the customer link")
struct DecisionTests {
    /// Issues the NL case and returns the customer token of its link.
    func issueToken(_ client: any TestClientProtocol) async throws -> String {
        let link = try await client.issue(Fixtures.dutchRepair()).json["customerLink"] as? String ?? ""
        return String(link.split(separator: "/").last ?? "")
    }

    @Test("staff decision: recorded, the same again 200, another 409; final charges fixed")
    func staffDecision() async throws {
        let server = try TestServer()
        try await server.test { (client) async throws in
            _ = try await client.issue(Fixtures.dutchRepair())
            let uri = "/v1/quotes/NL-2026-000001/decision"
            let body = #"{"decision":"rejected","channel":"phone","note":"rang back at 14:10"}"#
            let rejected = try await client.call(.post, uri, key: Key.desk, body: body)
            let decision = rejected.json["decision"] as? [String: Any]
            #expect(rejected.status == .ok && rejected.json["state"] as? String == "rejected")
            #expect(
                decision?["decidedBy"] as? [String: String] == ["name": "desk-1", "role": "service-center"])
            #expect(
                decision?["channel"] as? String == "phone"
                    && decision?["note"] as? String == "rang back at 14:10")
            let final = decision?["charges"] as? [String: Any]
            let lines = final?["lines"] as? [[String: Any]]
            #expect(lines?.map { $0["kind"] as? String } == ["inspection"])
            #expect(try await client.call(.post, uri, key: Key.desk, body: body).status == .ok)
            let conflict = try await client.call(
                .post, uri, key: Key.desk, body: #"{"decision":"accepted","channel":"phone"}"#)
            #expect(
                conflict.status == .conflict
                    && conflict.json["error"] as? String == "the quote was already rejected")
            let stored = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.finance)
            #expect(stored.json["status"] as? String == "rejected")
        }
    }

    @Test("a decision body with an unknown field is 422 naming it")
    func strictDecisionBody() async throws {
        let server = try TestServer()
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair())
            let response = try await client.call(
                .post, "/v1/quotes/NL-2026-000001/decision", key: Key.desk,
                body: #"{"decision":"accepted","channel":"phone","by":"x"}"#)
            #expect(response.status == .unprocessableContent)
            #expect(response.json["field"] as? String == "by")
        }
    }

    @Test("staff decision: roles, bad body and unknown quote")
    func staffDecisionErrors() async throws {
        let server = try TestServer()
        try await server.test { (client) async throws in
            _ = try await client.issue(Fixtures.dutchRepair())
            let uri = "/v1/quotes/NL-2026-000001/decision"
            let body = #"{"decision":"accepted","channel":"in-person"}"#
            #expect(try await client.call(.post, uri, key: nil, body: body).status == .unauthorized)
            #expect(try await client.call(.post, uri, key: Key.finance, body: body).status == .forbidden)
            // The desk issued it: to a retailer it does not exist.
            #expect(try await client.call(.post, uri, key: Key.shop, body: body).status == .notFound)
            let bad = try await client.call(
                .post, uri, key: Key.desk, body: #"{"decision":"maybe","channel":"phone"}"#)
            #expect(bad.status == .unprocessableContent && bad.json["field"] as? String == "decision")
            for (body, field) in [
                (#"{"decision":"accepted"}"#, "channel"),
                (#"{"decision":"accepted","channel":"fax"}"#, "channel"),
                (#"{"decision":"accepted","channel":"customer-link"}"#, "channel"),
                (#"{"decision":"accepted","channel":"phone","note":5}"#, "note"),
                (#"{"decision":"accepted","channel":"phone","note":"a\nb"}"#, "note"),
                (
                    "{\"decision\":\"accepted\",\"channel\":\"phone\",\"note\":\"\(String(repeating: "n", count: 501))\"}",
                    "note"
                ),
            ] {
                let refused = try await client.call(.post, uri, key: Key.desk, body: body)
                #expect(
                    refused.status == .unprocessableContent && refused.json["field"] as? String == field,
                    "\(body)")
            }
            let unknown = try await client.call(
                .post, "/v1/quotes/NL-2026-000009/decision", key: Key.desk, body: body)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("the link: GET shows the quote with buttons and changes nothing; POST decides; another POST 409")
    func customerFlow() async throws {
        let server = try TestServer()
        try await server.test { (client) async throws in
            let token = try await issueToken(client)
            let page = try await client.call(.get, "/q/\(token)", key: nil)
            #expect(page.status == .ok && page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("Repair quote NL-2026-000001"))
            #expect(
                page.text.contains(#"<button type="submit" name="decision" value="accepted">Accept</button>"#)
            )
            #expect(page.text.contains("If you reject (returned unrepaired)"))
            _ = try await client.call(.get, "/q/\(token)", key: nil)
            let before = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
            #expect(before.json["status"] as? String == "issued")
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let accept = try await client.call(
                .post, "/q/\(token)", key: nil, body: CustomerForm.accept(), headers: form)
            #expect(accept.status == .ok && accept.text.contains("the quote is accepted"))
            let again = try await client.call(
                .post, "/q/\(token)", key: nil, body: "decision=accepted", headers: form)
            #expect(again.status == .ok)
            let reject = try await client.call(
                .post, "/q/\(token)", key: nil, body: "decision=rejected", headers: form)
            #expect(reject.status == .conflict)
            let after = try await client.call(.get, "/q/\(token)", key: nil)
            #expect(
                after.text.contains("Your answer: <strong>accepted</strong>") && !after.text.contains("<form")
            )
            let stored = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
            let decision = stored.json["decision"] as? [String: Any]
            #expect(decision?["decidedBy"] as? [String: String] == ["name": "customer", "role": "customer"])
            #expect(decision?["channel"] as? String == "customer-link")
        }
    }

    @Test("after validUntil the link answers 410; unknown tokens 404; no choice 422")
    func expiredAndUnknown() async throws {
        let server = try TestServer()
        let token = try await server.test { client in try await issueToken(client) }
        try await server.on("2026-03-16").test { (client) async throws in
            #expect(try await client.call(.get, "/q/\(token)", key: nil).status == .ok)
            #expect(
                try await client.call(
                    .post, "/q/\(token)", key: nil, body: "x=1",
                    headers: [.contentType: "application/x-www-form-urlencoded"]
                ).status == .unprocessableContent)
        }
        try await server.on("2026-03-17").test { (client) async throws in
            let page = try await client.call(.get, "/q/\(token)", key: nil)
            #expect(page.status == .gone && page.text.contains("This quote expired on 2026-03-16."))
            #expect(
                try await client.call(.post, "/q/\(token)", key: nil, body: "decision=accepted").status
                    == .gone)
            #expect(try await client.call(.get, "/q/not-a-token", key: nil).status == .notFound)
        }
    }

    @Test("the customer page escapes HTML")
    func escaping() {
        #expect(PlainPageRenderer.escape("<b>&\"'") == "&lt;b&gt;&amp;&quot;&#39;")
    }
}
