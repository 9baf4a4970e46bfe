import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteRendering
import Testing

@testable import QuoteServer

@Suite("the console's own 404 and 403 pages, its document stylesheet and the favicon")
struct ConsoleErrorPagesTests {
    static let dutch: HTTPFields = [.acceptLanguage: "nl-NL,nl;q=0.9"]

    static func isPage(_ response: TestResponse, _ status: HTTPResponse.Status) -> Bool {
        response.status == status && response.headers[.contentType] == "text/html; charset=utf-8"
            && response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true
    }

    @Test("a path under /console that no route has is a 404 page in the user's language, with any method")
    func unknownPath() async throws {
        try await ConsoleFixture.server().test { client in
            let stranger = ConsoleBrowser(client: client)
            let english = try await stranger.request(.get, "/console/nothing-here")
            #expect(Self.isPage(english, .notFound))
            #expect(english.text.contains(#"<html lang="en">"#) && english.text.contains("Not found."))
            #expect(!english.text.contains(#"id="sign-out""#))
            let (desk, _) = try await ConsoleBrowser.signedIn(client, as: "desk")
            for (method, path) in [
                (HTTPRequest.Method.get, "/console/nothing-here"), (.post, "/console/quotes/NL-1/a/b"),
                (.get, "/console/static/nothing.css"),
            ] {
                let page = try await desk.request(method, path, headers: Self.dutch)
                #expect(
                    Self.isPage(page, .notFound), "\(method) \(path): \(page.status) \(page.text.prefix(80))")
                #expect(page.text.contains(#"<html lang="nl">"#) && page.text.contains("Niet gevonden."))
                #expect(
                    page.text.contains("Er klopt iets niet (404)") && page.text.contains(#"id="sign-out""#))
            }
            // A known path with another method stays the router's 405; the API's 404 stays JSON.
            let wrongMethod = try await desk.request(.put, "/console/quotes", headers: Self.dutch)
            #expect(wrongMethod.status == .methodNotAllowed && wrongMethod.headers[.allow] != nil)
            let api = try await client.call(.get, "/v1/nothing-here", key: Key.desk)
            #expect(api.status == .notFound && api.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    @Test("an unknown quote is a 404 page and a role's refusal a 403 page, both in the user's language")
    func quoteRefusals() async throws {
        try await ConsoleFixture.server().test { client in
            let (desk, _) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let missing = try await desk.request(.get, "/console/quotes/NL-2026-999999", headers: Self.dutch)
            #expect(Self.isPage(missing, .notFound))
            #expect(missing.text.contains("Niet gevonden.") && !missing.text.contains("no such quote"))
            let (finance, csrf) = try await ConsoleBrowser.signedIn(client, as: "finance")
            let void = try await finance.request(
                .post, "/console/quotes/NL-2026-999999/void", form: [("csrf", csrf ?? ""), ("reason", "x")],
                headers: Self.dutch)
            #expect(Self.isPage(void, .forbidden))
            #expect(void.text.contains("Uw rol mag dit niet.") && void.text.contains("(403)"))
        }
    }

    @Test("the console links the document's own stylesheet and puts the document on its paper")
    func documentStylesheet() async throws {
        try await ConsoleFixture.server().test { client in
            let (desk, csrf) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let css = try await desk.request(.get, "/console/static/document.css")
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
            let shipped = try QuoteRenderer(
                templatesDirectory: Shipped.root.appendingPathComponent("Templates"))
            #expect(css.text == shipped.documentStylesheet)
            #expect(css.text.contains(".paper .kind { display: block;"))
            let preview = try await desk.request(
                .post, "/console/quotes/new",
                form: ConsoleBrowser.dutchRepairForm(action: "preview", csrf: csrf))
            let document = try #require(preview.text.range(of: "/console/static/document.css"))
            let console = try #require(preview.text.range(of: "/console/static/console.css"))
            #expect(document.lowerBound < console.lowerBound)
            // The page has its own <main>: the document's is a <div> inside it (one main landmark).
            #expect(preview.text.contains("<div class=\"document paper\">\n<div class=\"quote status-"))
            #expect(!preview.text.contains("<main class=\"quote"))
            #expect(!preview.text.contains("<body class=\"paper\">"))
        }
    }

    @Test(
        "the favicon: an SVG at /favicon.svg and /favicon.ico, cached a year, linked from every console page")
    func favicon() async throws {
        try await ConsoleFixture.server().test { client in
            for path in ["/favicon.svg", "/favicon.ico"] {
                let icon = try await client.call(.get, path, key: nil)
                #expect(icon.status == .ok && icon.headers[.contentType] == "image/svg+xml")
                #expect(icon.headers[.cacheControl] == "public, max-age=31536000, immutable")
                #expect(icon.text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            }
            let (desk, _) = try await ConsoleBrowser.signedIn(client, as: "desk")
            for path in [
                "/console/sign-in", "/console/quotes", "/console/quotes/new", "/console/nothing-here",
            ] {
                let page = try await desk.request(.get, path)
                #expect(
                    page.text.contains(#"<link rel="icon" href="/favicon.svg" type="image/svg+xml">"#),
                    "\(path)")
            }
        }
    }
}
