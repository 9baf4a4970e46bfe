import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteStore
import Testing

@testable import QuoteServer

@Suite("the console's accessibility: the session's time limit, the error summary, the statement")
struct ConsoleAccessibilityTests {
    @Test("a quote form posted after the session ended: the sign-in goes back to the form with resume=1")
    func formAfterExpiry() async throws {
        try await ConsoleFixture.server().test { client in
            var browser = ConsoleBrowser(client: client)
            let posted = try await browser.request(
                .post, "/console/quotes/new",
                form: ConsoleBrowser.dutchRepairForm(action: "preview", csrf: "old"))
            #expect(posted.status == .seeOther)
            #expect(posted.headers[.location] == "/console/sign-in?next=/console/quotes/new%3Fresume%3D1")
            let page = try await browser.request(.get, try #require(posted.headers[.location]))
            #expect(
                page.text.contains(#"<input type="hidden" name="next" value="/console/quotes/new?resume=1">"#)
            )
            browser.signInCookie = ConsoleBrowser.cookie("console_signin", in: page)
            let signedIn = try await browser.request(
                .post, "/console/sign-in",
                form: [
                    ("username", "desk"), ("password", ConsoleFixture.password),
                    ("csrf", ConsoleBrowser.csrf(page.text) ?? ""), ("next", "/console/quotes/new?resume=1"),
                ])
            #expect(
                signedIn.status == .seeOther && signedIn.headers[.location] == "/console/quotes/new?resume=1")
            // Other posts, and GET pages, go to the sign-in page alone.
            let other = try await ConsoleBrowser(client: client).request(.post, "/console/quotes/NL-1/void")
            #expect(other.headers[.location] == "/console/sign-in")
        }
    }

    @Test(
        "next is followed only to a console path of this site",
        arguments: [
            ("/console/quotes/new?resume=1", "/console/quotes/new?resume=1"), ("https://evil.example/", nil),
            ("//evil.example/console/", nil), ("/console/\\evil", nil), ("/elsewhere", nil),
            ("/console/a\"onmouseover=x", nil),
        ] as [(String, String?)])
    func nextIsChecked(_ value: String, _ expected: String?) {
        #expect(SignInReturn.next(value) == expected)
    }

    @Test("Stay signed in: GET /console/session is 204 with a session, 401 without")
    func keepAlive() async throws {
        try await ConsoleFixture.server().test { client in
            let (browser, _) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let alive = try await browser.request(.get, "/console/session")
            #expect(alive.status == .noContent && alive.headers[.cacheControl] == "no-store")
            let gone = try await ConsoleBrowser(client: client).request(.get, "/console/session")
            #expect(gone.status == .unauthorized)
            let page = try await browser.request(.get, "/console/quotes")
            #expect(page.text.contains(#"<body data-session-idle="1800">"#))
            #expect(page.text.contains(#"id="session-warning" class="session-warning" role="alertdialog""#))
        }
    }

    @Test(
        "a failed submit: the summary names the field by its label and links to it; the field names its error"
    )
    func errorSummary() async throws {
        let server = try ConsoleFixture.server()
        let pages = try #require(server.services.console?.pages)
        #expect(
            ConsoleQuotesController<SQLiteQuoteRepository>.fieldLabel("repair.parts.0.sku", "nl", pages)
                == "Onderdeel")
        #expect(
            ConsoleQuotesController<SQLiteQuoteRepository>.fieldLabel("no.such.field", "nl", pages)
                == "no.such.field")
        try await server.test { client in
            let (browser, csrf) = try await ConsoleBrowser.signedIn(client, as: "desk")
            var form = ConsoleBrowser.dutchRepairForm(action: "issue", csrf: csrf)
            form.removeAll { $0.0 == "device.imei" }
            form.append(("device.imei", "490154203237519"))
            let page = try await browser.request(.post, "/console/quotes/new?lang=nl", form: form)
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains(#"id="error-summary" role="alert" tabindex="-1""#))
            #expect(page.text.contains(##"<li><a href="#f-device-imei">IMEI: "##))
            #expect(
                page.text.contains(#"id="f-device-imei""#)
                    && page.text.contains(#"aria-describedby="f-device-imei-error""#))
        }
    }

    @Test("the accessibility statement is served, signed in or not, and linked from every console page")
    func statement() async throws {
        try await ConsoleFixture.server().test { client in
            let anonymous = try await ConsoleBrowser(client: client).request(.get, "/accessibility")
            #expect(anonymous.status == .ok && anonymous.text.contains("<h1>Accessibility statement</h1>"))
            #expect(anonymous.text.contains(#"<html lang="en">"#))
            let signIn = try await ConsoleBrowser(client: client).request(.get, "/console/sign-in?lang=nl")
            #expect(
                signIn.text.contains(#"<a href="/accessibility?lang=nl">Toegankelijkheidsverklaring</a>"#))
        }
    }

    @Test("the quote page has one main landmark: the document's own becomes a div")
    func oneMain() {
        let html = #"<html><body class="paper"><main class="quote status-x"><h1>Q</h1></main></body></html>"#
        #expect(
            ConsoleQuotesController<SQLiteQuoteRepository>.documentBody(html)
                == #"<div class="quote status-x"><h1>Q</h1></div>"#)
    }
}
