import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteStore
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// The customer's acceptance through the link: typed name, consent box, evidence and events.
@Suite("acceptance through the link: typed name, consent and evidence")
struct AcceptanceEvidenceTests {
    static let form = CustomerLinkPageTests.form

    @Test("without the name or the box: 422, each error by its field in Dutch, nothing recorded")
    func refusedAnswers() async throws {
        let server = try CustomerLinkPageTests.server()
        try await server.test { client in
            let path = try await CustomerLinkPageTests.dutchQuote(server, client)
            let page = try await client.call(.get, path, key: nil)
            #expect(page.text.contains(#"<input type="hidden" name="consentVersion" value="NL-nl-2026-12">"#))
            #expect(page.text.contains("Ik ga akkoord met offerte NL-2026-000001 en betaal €\u{00A0}299,96."))
            let bare = try await client.call(
                .post, path, key: nil, body: "decision=accepted", headers: Self.form)
            #expect(bare.status == .unprocessableContent)
            #expect(
                bare.text.contains(
                    #"<p class="field-error" id="name-error">Typ uw volledige naam om te accepteren.</p>"#))
            #expect(bare.text.contains(#"id="consent-error">Vink het vakje aan"#))
            let bidi =
                "decision=accepted&consent=yes&consentVersion=NL-nl-2026-12&consentLanguage=nl&name=Anna%E2%80%AEde"
            let refused = try await client.call(.post, path, key: nil, body: bidi, headers: Self.form)
            #expect(
                refused.status == .unprocessableContent && refused.text.contains("Typ uw naam op één regel"))
            let long = CustomerForm.accept(
                name: String(repeating: "a", count: 201), version: "NL-nl-2026-12", language: "nl")
            #expect(
                try await client.call(.post, path, key: nil, body: long, headers: Self.form).status
                    == .unprocessableContent)
            let outdated = CustomerForm.accept(version: "NL-nl-2020-01", language: "nl")
            let stale = try await client.call(.post, path, key: nil, body: outdated, headers: Self.form)
            #expect(stale.status == .unprocessableContent && stale.text.contains("consent-error"))
            let stored = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
            #expect(stored.json["decision"] is NSNull)
            let events = try await client.call(.get, "/v1/quotes/NL-2026-000001/events", key: Key.desk)
            #expect(
                (events.json["events"] as? [[String: Any]])?.map { $0["kind"] as? String } == [
                    "issued", "viewed",
                ])
        }
    }

    @Test("an acceptance keeps name, consent, client and the PDF's SHA-256; the decided document prints it")
    func evidence() async throws {
        let (engine, documents) = try PDFDocumentRouteTests.documents()
        let server = try TestServer(renderer: documents, engine: engine)
        try await server.test { client in
            let path = try await CustomerLinkPageTests.dutchQuote(server, client)
            let pdf = try await client.call(.get, path + ".pdf", key: nil)
            #expect(pdf.status == .ok && pdf.headers[.contentType] == "application/pdf")
            let shown = Digest.sha256Hex(Array(pdf.body.readableBytesView))
            let again = try await client.call(.get, path + ".pdf", key: nil)
            #expect(Digest.sha256Hex(Array(again.body.readableBytesView)) == shown)
            var headers = Self.form
            headers[.userAgent] = "Browser/2"
            let accepted = try await client.call(
                .post, path, key: nil, body: CustomerForm.acceptDutch, headers: headers)
            #expect(accepted.status == .ok)
            #expect(accepted.text.contains("Geaccepteerd door Anna de Vries op "))
            let stored = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.finance)
            let evidence = (stored.json["decision"] as? [String: Any])?["evidence"] as? [String: Any]
            #expect(evidence?["typedName"] as? String == "Anna de Vries")
            #expect(evidence?["consentVersion"] as? String == "NL-nl-2026-12")
            #expect(evidence?["consentLanguage"] as? String == "nl")
            #expect(evidence?["userAgent"] as? String == "Browser/2")
            #expect(evidence?["documentSHA256"] as? String == shown)
            let text = try await client.call(.get, "/v1/quotes/NL-2026-000001.txt", key: Key.desk)
            let words = text.text.replacingOccurrences(of: "\n", with: " ")
            #expect(words.contains("Geaccepteerd door Anna de Vries op"))
            #expect(words.contains("(Europe/Amsterdam) via de klantlink."))
        }
    }

    @Test("a rejection needs no name; its reason is kept; a staff answer's document says no signature exists")
    func rejectionAndStaff() async throws {
        let server = try CustomerLinkPageTests.server()
        try await server.test { client in
            let path = try await CustomerLinkPageTests.dutchQuote(server, client)
            let rejected = try await client.call(
                .post, path, key: nil, body: "decision=rejected&reason=Te%20duur", headers: Self.form)
            #expect(rejected.status == .ok)
            let stored = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
            let decision = stored.json["decision"] as? [String: Any]
            #expect(decision?["note"] as? String == "Te duur" && decision?["evidence"] is NSNull)
            _ = try await client.issue(try Shipped.example("nl-out-of-warranty.json"))
            _ = try await client.call(
                .post, "/v1/quotes/NL-2026-000002/decision", key: Key.desk,
                body: #"{"decision":"accepted","channel":"phone"}"#)
            let staff = try await client.call(.get, "/v1/quotes/NL-2026-000002.txt", key: Key.desk)
            #expect(
                staff.text.replacingOccurrences(of: "\n", with: " ").contains(
                    "er bestaat geen handtekening van de klant voor."))
        }
    }
}
