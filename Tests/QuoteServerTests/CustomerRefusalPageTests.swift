import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// Every refusal of the customer link is the styled page in the quote's language, with a link
/// back to the quote, and records nothing (#23).
@Suite("customer-link refusals: styled pages in the quote's language, nothing recorded")
struct CustomerRefusalPageTests {
    static let form = CustomerLinkPageTests.form
    static let back = "<p><a href=\"\">Terug naar de offerte</a></p>"

    /// A styled Dutch page of the quote with `heading`, `status` and the link back.
    func expectDutchPage(_ page: TestResponse, _ status: HTTPResponse.Status, _ heading: String) {
        #expect(page.status == status)
        #expect(page.headers[.contentType] == "text/html; charset=utf-8")
        #expect(page.text.contains("<html lang=\"nl\">") && page.text.contains("<style>"))
        #expect(page.text.contains("<h1>\(heading)</h1>"), "\(page.text)")
        #expect(page.text.contains("<dt>Offertenummer</dt>") && page.text.contains("NL-2026-000001"))
        #expect(page.text.contains(Self.back))
        #expect(!page.text.contains("{\"error\""))
    }

    /// The stored decision of the first quote: nil while undecided.
    func decision(_ client: any TestClientProtocol) async throws -> [String: Any]? {
        let stored = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
        return stored.json["decision"] as? [String: Any]
    }

    /// Posts `body` to the link as a browser page does, with its `Origin` and `Sec-Fetch-Site`.
    func post(
        _ client: any TestClientProtocol, _ path: String, _ body: String, origin: String, site: String? = nil
    ) async throws -> TestResponse {
        var headers = Self.form
        headers[.origin] = origin
        if let site { headers[HTTPField.Name("Sec-Fetch-Site")!] = site }
        return try await client.call(.post, path, key: nil, body: body, headers: headers)
    }

    @Test("403 from another site, 413 over 16 KiB, 415 not a form: Dutch pages, nothing recorded")
    func refusals() async throws {
        let server = try CustomerLinkPageTests.server()
        try await server.test { client in
            let path = try await CustomerLinkPageTests.dutchQuote(server, client)
            let forged = try await post(client, path, "decision=accepted", origin: "null", site: "cross-site")
            expectDutchPage(forged, .forbidden, "Antwoord van een andere website geweigerd")
            #expect(forged.text.contains("message-refused-cross-site"))
            let big = "decision=accepted&note=" + String(repeating: "x", count: 17 * 1024)
            let large = try await client.call(.post, path, key: nil, body: big, headers: Self.form)
            expectDutchPage(large, .contentTooLarge, "Antwoord te groot")
            let json = try await client.call(
                .post, path, key: nil, body: #"{"decision":"accepted"}"#,
                headers: [.contentType: "application/json"])
            expectDutchPage(json, .unsupportedMediaType, "Antwoord niet leesbaar")
            #expect(try await decision(client) == nil)
        }
    }

    @Test(
        "a field given twice is refused like a missing choice, whichever value comes last",
        arguments: [
            "decision=accepted&decision=rejected", "decision=rejected&decision=accepted",
            "decision=accepted&decision=accepted", "decision=accepted&x=1&x=2",
        ])
    func duplicateField(_ body: String) async throws {
        let server = try CustomerLinkPageTests.server()
        try await server.test { client in
            let path = try await CustomerLinkPageTests.dutchQuote(server, client)
            let twice = try await client.call(.post, path, key: nil, body: body, headers: Self.form)
            expectDutchPage(twice, .unprocessableContent, "Geen antwoord gekozen")
            #expect(try await decision(client) == nil)
            let page = try await client.call(.get, path, key: nil)
            #expect(page.text.contains("value=\"accepted\" class=\"accept\""))
        }
    }

    @Test("a refused answer can still be given afterwards through the page's own form")
    func answerAfterRefusal() async throws {
        let server = try CustomerLinkPageTests.server()
        try await server.test { client in
            let path = try await CustomerLinkPageTests.dutchQuote(server, client)
            let forged = try await post(client, path, "decision=rejected", origin: "https://evil.example")
            #expect(forged.status == .forbidden)
            let answer = try await post(
                client, path, CustomerForm.acceptDutch, origin: "null", site: "same-origin")
            #expect(
                answer.status == .ok && answer.text.contains("<h1>Dank u: uw antwoord is geregistreerd</h1>"))
            #expect(try await decision(client)?["decision"] as? String == "accepted")
        }
    }

    /// An unknown link has no quote: the reader's `Accept-Language` chooses the page's language.
    static let readers: [(String?, String, String)] = [
        (nil, "en", "Link not recognised"),
        ("fr-BE, nl;q=0.9", "fr", "Lien non reconnu"),
        ("de, nl;q=0.5, en;q=0.4", "nl", "Link niet herkend"),
        ("zh-TW", "zh-Hant", "無法識別此連結"),
        ("es;q=0, en-GB;q=0.3", "en", "Link not recognised"),
        ("\"><script>alert(1)</script>", "en", "Link not recognised"),
    ]

    @Test("an unknown link: 404 in the reader's language, nothing echoed; an expired one: 410 in the quote's")
    func unknownLink() async throws {
        let server = try CustomerLinkPageTests.server()
        let path = try await server.test { client in
            try await CustomerLinkPageTests.dutchQuote(server, client)
        }
        try await server.on("2026-03-17").test { client in
            var french = Self.form
            french[.acceptLanguage] = "fr"
            let late = try await client.call(
                .post, path, key: nil, body: "decision=accepted", headers: french)
            #expect(late.status == .gone && late.text.contains("<html lang=\"nl\">"))
            #expect(late.text.contains("<h1>Deze offerte is verlopen</h1>"))
            #expect(try await decision(client) == nil)
            for (header, lang, heading) in Self.readers {
                var headers = Self.form
                if let header { headers[.acceptLanguage] = header }
                for method in [HTTPRequest.Method.get, .post] {
                    let page = try await client.call(
                        method, "/q/%3Cscript%3Ex", key: nil, body: "decision=accepted", headers: headers)
                    #expect(page.status == .notFound)
                    #expect(page.text.contains("<html lang=\"\(lang)\">"), "\(header ?? "-")")
                    #expect(page.text.contains("<h1>\(heading)</h1>"))
                    #expect(!page.text.contains("<script"))
                }
            }
        }
    }

    @Test("Accept-Language: by weight, then in order; the wildcard, q=0 and bad entries left out")
    func acceptLanguage() {
        #expect(AcceptLanguage.preferred("fr;q=0.5, nl-BE, nl;q=0.9, *;q=0.1") == ["nl-BE", "nl", "fr"])
        #expect(AcceptLanguage.preferred("en;q=0, de;q=1.5, es;q=0.x, zh-Hant-TW") == ["zh-Hant-TW"])
        #expect(AcceptLanguage.preferred("es, fr") == ["es", "fr"])
        #expect(AcceptLanguage.preferred(nil) == [])
    }
}
