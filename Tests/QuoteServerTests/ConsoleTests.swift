import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import QuoteServer

@Suite("the web console through the router")
struct ConsoleTests {
    @Test("without --users /console answers 404")
    func offWithoutUsers() async throws {
        let server = try TestServer()
        try await server.test { client in
            let page1 = try await client.call(.get, "/console/sign-in", key: nil)
            #expect(page1.status == .notFound)
            let page2 = try await client.call(.get, "/console", key: nil)
            #expect(page2.status == .notFound)
        }
    }

    @Test("a page without a session redirects to the sign-in form, which has strict headers")
    func signInRedirect() async throws {
        try await ConsoleFixture.server().test { client in
            let browser = ConsoleBrowser(client: client)
            let list = try await browser.request(.get, "/console/quotes")
            #expect(list.status == .seeOther)
            #expect(list.headers[.location] == "/console/sign-in")
            let form = try await browser.request(.get, "/console/sign-in")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"name="username""#) && form.text.contains(#"name="password""#))
            let csp = try #require(form.headers[.contentSecurityPolicy])
            #expect(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(form.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(form.headers[.cacheControl] == "no-store")
        }
    }

    @Test("a wrong password and an unknown user get the same answer; a right one a fresh HttpOnly cookie")
    func signIn() async throws {
        try await ConsoleFixture.server().test { client in
            var browser = ConsoleBrowser(client: client)
            let wrong = try await browser.signIn("desk", password: "not the password")
            let unknown = try await browser.signIn("nobody", password: "not the password")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.text.contains("user name or password is not right"))
            // The same page but for the name typed and the new form token.
            func withoutToken(_ page: TestResponse) -> String {
                page.text.replacingOccurrences(of: ConsoleBrowser.csrf(page.text) ?? "-", with: "TOKEN")
            }
            #expect(
                withoutToken(wrong).replacingOccurrences(of: "desk", with: "nobody") == withoutToken(unknown))
            // A sign-in posted without the form's token (from another site's page): 403, no session.
            var stranger = ConsoleBrowser(client: client)
            let forged = try await stranger.request(
                .post, "/console/sign-in",
                form: [("username", "desk"), ("password", ConsoleFixture.password), ("csrf", "guessed")])
            #expect(forged.status == .forbidden && ConsoleBrowser.sessionCookie(forged) == nil)
            stranger.signInCookie = "guessed"
            let forgedBoth = try await stranger.request(
                .post, "/console/sign-in",
                form: [("username", "desk"), ("password", ConsoleFixture.password), ("csrf", "other")])
            #expect(forgedBoth.status == .forbidden)
            browser.cookie = "stale-id"
            let right = try await browser.signIn("desk")
            #expect(right.status == .seeOther && right.headers[.location] == "/console/quotes")
            let setCookie = try #require(
                right.headers[values: .setCookie].first { $0.hasPrefix("console_session=") })
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            #expect(!setCookie.contains("Secure"))
            #expect(browser.cookie != "stale-id")
            let page3 = try await browser.request(.get, "/console/quotes")
            #expect(page3.status == .ok)
        }
    }

    @Test("five failures in 15 minutes lock that user's sign-in (429) for 15 minutes")
    func throttle() async throws {
        let clock = TestClock()
        try await ConsoleFixture.server(now: { clock.now }).test { client in
            var browser = ConsoleBrowser(client: client)
            for _ in 0..<5 { _ = try await browser.signIn("desk", password: "wrong password!") }
            let page4 = try await browser.signIn("desk")
            #expect(page4.status == .tooManyRequests)
            let page5 = try await browser.signIn("shop")
            #expect(page5.status == .seeOther)
            clock.advance(by: 15 * 60 + 1)
            let page6 = try await browser.signIn("desk")
            #expect(page6.status == .seeOther)
        }
    }

    @Test("preview shows the consumer total; a POST without the session's csrf token is 403")
    func previewAndCSRF() async throws {
        try await ConsoleFixture.server().test { client in
            var browser = ConsoleBrowser(client: client)
            _ = try await browser.signIn("desk")
            let page = try await browser.request(.get, "/console/quotes/new?market=NL")
            let csrf = ConsoleBrowser.csrf(page.text)
            #expect(page.text.contains(#"name="repair.parts.0.sku""#))
            let refused = try await browser.request(
                .post, "/console/quotes/new", form: ConsoleBrowser.dutchRepairForm(action: "issue", csrf: nil)
            )
            #expect(refused.status == .forbidden)
            let forged = try await browser.request(
                .post, "/console/quotes/new",
                form: ConsoleBrowser.dutchRepairForm(action: "issue", csrf: "x" + (csrf ?? "")))
            #expect(forged.status == .forbidden)
            let list = try await browser.request(.get, "/console/quotes")
            #expect(!list.text.contains("data-quote-number"))
            let preview = try await browser.request(
                .post, "/console/quotes/new",
                form: ConsoleBrowser.dutchRepairForm(action: "preview", csrf: csrf))
            #expect(preview.status == .ok)
            #expect(preview.text.contains(#"data-total="consumer" data-amount=""#))
            #expect(preview.text.contains(#"value="JOB-77""#))
        }
    }

    @Test("a bad field is marked next to the field and the values are kept")
    func caseErrors() async throws {
        try await ConsoleFixture.server().test { client in
            let (browser, csrf) = try await ConsoleBrowser.signedIn(client, as: "desk")
            var form = ConsoleBrowser.dutchRepairForm(action: "preview", csrf: csrf)
            form.removeAll { $0.0 == "device.imei" }
            form.append(("device.imei", "490154203237519"))
            let page = try await browser.request(.post, "/console/quotes/new", form: form)
            #expect(page.status == .unprocessableContent)
            #expect(
                page.text.contains(
                    #"name="device.imei" type="text" value="490154203237519" aria-invalid="true""#))
            #expect(page.text.contains(#"value="Anna de Vries""#))
        }
    }

    @Test("without JavaScript, Update the lists shows the chosen model's parts, keeps values, marks nothing")
    func updateChoices() async throws {
        try await ConsoleFixture.server().test { client in
            let (browser, csrf) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let blank = try await browser.request(.get, "/console/quotes/new")
            #expect(blank.text.contains(#"<noscript><button name="action" value="choices""#))
            let page = try await browser.request(
                .post, "/console/quotes/new",
                form: [
                    ("csrf", csrf ?? ""), ("market", "PK"), ("device.model", "Xiaomi 12"),
                    ("customer.name", "Ali Khan"), ("action", "choices"),
                ])
            #expect(page.status == .ok && !page.text.contains("aria-invalid"))
            #expect(page.text.contains(#"value="Ali Khan""#))
            #expect(page.text.contains("X12-DISPLAY") && !page.text.contains("X12P-DISPLAY"))
        }
    }

    @Test("issue → the quote page; the retailer sees only its own; finance reads only")
    func issueAndRoles() async throws {
        try await ConsoleFixture.server().test { client in
            var (shop, csrf) = try await ConsoleBrowser.signedIn(client, as: "shop")
            let issued = try await shop.request(
                .post, "/console/quotes/new",
                form: ConsoleBrowser.dutchRepairForm(action: "issue", csrf: csrf))
            #expect(issued.status == .seeOther)
            shop.linkCookie = ConsoleBrowser.cookie("console_link", in: issued)
            let redirect = try #require(issued.headers[.location])
            // Issuing says so, like the other actions.
            #expect(redirect.hasSuffix("?done=issue"))
            let location = String(redirect.dropLast("?done=issue".count))
            let number = String(location.dropFirst("/console/quotes/".count))
            let page = try await shop.request(.get, redirect)
            #expect(page.text.contains(#"data-quote-number="\#(number)""#))
            #expect(page.text.contains(#"<p class="notice" role="status">Quote issued.</p>"#))
            // One summary line first (state, customer, what each payer owes, valid until), then
            // the document, then the actions.
            let summary = try #require(
                page.text.firstMatch(of: /<p class="quote-summary" id="summary">(.*?)<\/p>/)?.1)
            #expect(
                summary.contains(#"data-state="issued""#)
                    && summary.contains("<span data-customer>Anna de Vries</span>"))
            #expect(summary.contains(#"<span data-payer="consumer">Customer pays <strong>€"#))
            // In the user's language (English here), not the market's Dutch.
            #expect(summary.contains(/<span data-valid-until>\w+ \d{1,2}, 20\d\d<\/span>/))
            let order = [
                "id=\"summary\"", "class=\"document paper\"", "id=\"download-pdf\"", "id=\"new-link\"",
            ]
            .map { page.text.range(of: $0)?.lowerBound }
            #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! })
            #expect(page.text.contains("/q/"))
            let list = try await shop.request(.get, "/console/quotes?q=Anna")
            #expect(list.text.contains(#"<tr data-quote-number="\#(number)""#))

            var other = ConsoleBrowser(client: client)
            _ = try await other.signIn("other-shop")
            let page7 = try await other.request(.get, location)
            #expect(page7.status == .notFound)
            let page8 = try await other.request(.get, "/console/quotes")
            #expect(!page8.text.contains(number))

            var finance = ConsoleBrowser(client: client)
            _ = try await finance.signIn("finance")
            let page9 = try await finance.request(.get, location)
            #expect(page9.status == .ok)
            let page10 = try await finance.request(.get, "/console/quotes/new")
            #expect(page10.status == .forbidden)

            var desk = ConsoleBrowser(client: client)
            _ = try await desk.signIn("desk")
            let deskPage = try await desk.request(.get, location)
            let decided = try await desk.request(
                .post, location + "/decision",
                form: [
                    ("decision", "accepted"), ("channel", "phone"), ("note", "Calls back <b>Friday</b>"),
                    ("csrf", ConsoleBrowser.csrf(deskPage.text) ?? ""),
                ])
            #expect(decided.status == .seeOther)
            let page11 = try await desk.request(.get, location)
            #expect(page11.text.contains(#"data-state="accepted""#))
            // Who answered, when (in the page's language, the market's time zone), how, and the note, escaped.
            #expect(page11.text.contains(#"<dd data-by>desk</dd>"#))
            #expect(page11.text.contains(#"<dd data-channel>Phone</dd>"#))
            #expect(page11.text.contains(#"<dd data-note>Calls back &lt;b&gt;Friday&lt;/b&gt;</dd>"#))
            #expect(
                page11.text.contains(/<dd data-at>\w+ \d{1,2}, 20\d\d \d\d:\d\d \(Europe\/Amsterdam\)<\/dd>/))
            // The answer and the void ask first (console.js confirms forms with data-confirm).
            #expect(
                deskPage.text.contains(
                    #"id="decision-form" data-confirm="Record this answer? It is final: the quote cannot be answered again.""#
                ))
            #expect(deskPage.text.contains(#"id="void-form" data-confirm="Void this quote?"#))
            // Open, the quote offered a new link and an e-mail; decided, neither can help.
            #expect(deskPage.text.contains(#"id="new-link""#) && deskPage.text.contains(#"id="email-it""#))
            #expect(!page11.text.contains(#"id="new-link""#) && !page11.text.contains(#"id="email-it""#))
            #expect(!page11.text.contains("earlier links keep working"))
        }
    }

    @Test("revise issues a replacement from the filled form; void needs a reason; e-mail queues")
    func reviseVoidEmail() async throws {
        try await ConsoleFixture.server().test { client in
            var (desk, csrf) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let issued = try await desk.request(
                .post, "/console/quotes/new",
                form: ConsoleBrowser.dutchRepairForm(action: "issue", csrf: csrf))
            let first = try #require(issued.headers[.location]?.split(separator: "?").first.map(String.init))
            desk.linkCookie = ConsoleBrowser.cookie("console_link", in: issued)
            #expect(try await desk.request(.get, first).text.contains(#"id="customer-link""#))
            let form = try await desk.request(.get, first + "/revise")
            #expect(form.text.contains(#"value="JOB-77""#) && form.text.contains(#"value="490154203237518""#))
            var fields = ConsoleBrowser.dutchRepairForm(action: "issue", csrf: csrf)
            fields.removeAll { $0.0 == "reference" }
            fields.append(("reference", "JOB-78"))
            let revised = try await desk.request(.post, first + "/revise", form: fields)
            let second = try #require(
                revised.headers[.location]?.split(separator: "?").first.map(String.init))
            #expect(second != first)
            let old = try await desk.request(.get, first)
            #expect(old.text.contains(#"data-state="superseded""#))
            // A replaced quote's link is dead: no link to copy, no new one, no e-mail.
            #expect(!old.text.contains(#"id="customer-link""#) && old.text.contains(#"id="link-closed""#))
            #expect(!old.text.contains(#"id="new-link""#) && !old.text.contains(#"id="email-it""#))
            #expect(!old.text.contains("earlier links keep working"))
            let emailed = try await desk.request(.post, second + "/email", form: [("csrf", csrf ?? "")])
            #expect(emailed.headers[.location] == second + "?done=email")
            // Without a mailer, the notice says nothing will leave; the e-mail is listed as queued.
            let queued = try await desk.request(.get, second + "?done=email")
            #expect(queued.text.contains("but this service has no SMTP relay configured"))
            #expect(
                queued.text.contains(
                    #"<li data-email-state="queued">Quote · a***@example.nl · <strong>Queued</strong>"#))
            let noReason = try await desk.request(
                .post, second + "/void", form: [("csrf", csrf ?? ""), ("reason", "")])
            // An empty (or blank) reason: the quote page again, 422, with the reason field marked.
            #expect(noReason.status == .unprocessableContent)
            #expect(
                noReason.text.contains(#"data-quote-number="\#(second.dropFirst("/console/quotes/".count))""#)
            )
            #expect(noReason.text.contains(#"aria-invalid="true" aria-describedby="reason-error">"#))
            #expect(
                noReason.text.contains(
                    ##"<p class="notice invalid error-summary" role="alert" tabindex="-1"><a href="#reason">"##
                ))
            #expect(
                noReason.text.contains(
                    #"<p class="field-error" id="reason-error">Give the reason for voiding (1 to 500 characters).</p>"#
                ))
            let spaces = try await desk.request(
                .post, second + "/void", form: [("csrf", csrf ?? ""), ("reason", "   ")])
            #expect(spaces.status == .unprocessableContent && spaces.text.contains(#"id="reason-error""#))
            // Too long: marked too, the text kept (escaped) to shorten.
            let long = "<i>" + String(repeating: "x", count: 500)
            let tooLong = try await desk.request(
                .post, second + "/void", form: [("csrf", csrf ?? ""), ("reason", long)])
            #expect(tooLong.status == .unprocessableContent)
            #expect(tooLong.text.contains(#"reason-error">&lt;i&gt;xxx"#))
            let voided = try await desk.request(
                .post, second + "/void", form: [("csrf", csrf ?? ""), ("reason", "customer withdrew")])
            #expect(voided.status == .seeOther)
            let page = try await desk.request(.get, second)
            #expect(page.text.contains(#"data-state="void""#))
            #expect(page.text.contains(#"<dd data-reason>customer withdrew</dd>"#))
            #expect(
                page.text.contains(#"id="link-closed""#) && !page.text.contains("earlier links keep working"))
            #expect(!page.text.contains(#"id="new-link""#) && !page.text.contains(#"id="email-it""#))
        }
    }

    @Test("another session sees no link but can make a new one, which opens the quote")
    func newCustomerLink() async throws {
        try await ConsoleFixture.server().test { client in
            var (desk, csrf) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let issued = try await desk.request(
                .post, "/console/quotes/new",
                form: ConsoleBrowser.dutchRepairForm(action: "issue", csrf: csrf))
            let quote = try #require(issued.headers[.location]?.split(separator: "?").first.map(String.init))
            // The link travels in a cookie of this browser for this page, not in the session.
            let linkCookie = try #require(
                issued.headers[values: .setCookie].first { $0.hasPrefix("console_link=") })
            #expect(linkCookie.contains("Path=/console/quotes/NL-") && linkCookie.contains("HttpOnly"))
            desk.linkCookie = ConsoleBrowser.cookie("console_link", in: issued)
            #expect(try await desk.request(.get, quote).text.contains(#"id="customer-link""#))
            var (other, otherCSRF) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let page = try await other.request(.get, quote)
            #expect(!page.text.contains(#"id="customer-link""#) && page.text.contains(#"id="new-link""#))
            let forged = try await other.request(.post, quote + "/link", form: [("csrf", csrf ?? "")])
            #expect(forged.status == .forbidden)
            let made = try await other.request(.post, quote + "/link", form: [("csrf", otherCSRF ?? "")])
            #expect(made.headers[.location] == quote + "?done=link")
            other.linkCookie = ConsoleBrowser.cookie("console_link", in: made)
            let shown = try await other.request(.get, quote + "?done=link")
            let link = try #require(
                shown.text.firstMatch(of: #/id="customer-link" readonly value="[^"]*(/q/[^"]+)"/#)?.1)
            let customer = try await client.call(.get, String(link), key: nil)
            #expect(customer.status == .ok)
        }
    }

    @Test("the list is newest first, 20 a page, with a link to the older ones")
    func paging() async throws {
        try await ConsoleFixture.server().test { client in
            for _ in 0..<21 { _ = try await client.issue(try Shipped.example("nl-out-of-warranty.json")) }
            let (desk, _) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let first = try await desk.request(.get, "/console/quotes").text
            #expect(first.components(separatedBy: "<tr data-quote-number=").count - 1 == 20)
            #expect(first.contains(#"<tr data-quote-number="NL-2026-000021""#))
            let next = try #require(first.range(of: #"href="/console/quotes?before="#))
            let link = "/console/quotes?before=" + first[next.upperBound...].prefix { $0 != "\"" }
            let second = try await desk.request(.get, String(link)).text
            #expect(second.components(separatedBy: "<tr data-quote-number=").count - 1 == 1)
            #expect(second.contains(#"<tr data-quote-number="NL-2026-000001""#))
        }
    }

    @Test("sessions and sign-in failures live in the store: another instance on it knows both")
    func sessionsInTheStore() async throws {
        let first = try ConsoleFixture.server()
        var second = try ConsoleFixture.server()
        second.repo = first.repo
        let cookie = try await first.test { client in
            var browser = ConsoleBrowser(client: client)
            #expect(try await browser.signIn("desk").status == .seeOther)
            for _ in 0..<5 { _ = try await browser.signIn("shop", password: "wrong password!") }
            return try #require(browser.cookie)
        }
        // The row's key is a hash of the cookie: reading the database gives no session away.
        let key = StorePersistDriver.storeKey("console." + cookie)
        #expect(try await first.repo.value(key: key, now: Date()) != nil)
        #expect(try await first.repo.value(key: "console." + cookie, now: Date()) == nil)
        try await second.test { client in
            var browser = ConsoleBrowser(client: client, cookie: cookie)
            let list = try await browser.request(.get, "/console/quotes")
            #expect(list.status == .ok)
            #expect(try await browser.signIn("shop").status == .tooManyRequests)
            let signOutCSRF = ConsoleBrowser.csrf(list.text)
            _ = try await browser.request(.post, "/console/sign-out", form: [("csrf", signOutCSRF ?? "")])
        }
        #expect(try await first.repo.value(key: key, now: Date()) == nil)
    }

    @Test("30 guesses sent at once: 5 passwords are checked, the rest are refused with 429")
    func guessesAtOnce() async throws {
        try await ConsoleFixture.server().test { client in
            var browser = ConsoleBrowser(client: client)
            let form = try await browser.request(.get, "/console/sign-in")
            browser.signInCookie = ConsoleBrowser.cookie("console_signin", in: form)
            let token = ConsoleBrowser.csrf(form.text) ?? ""
            let guesser = browser
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for i in 0..<30 {
                    group.addTask {
                        try await guesser.request(
                            .post, "/console/sign-in",
                            form: [
                                ("username", "shop"), ("password", "wrong password \(i)"), ("csrf", token),
                            ]
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 25)
            #expect(try await browser.signIn("shop").status == .tooManyRequests)
        }
    }

    @Test("a session ends 12 hours after sign-in however busy, or after 30 minutes unused")
    func sessionLifetime() async throws {
        let clock = TestClock()
        try await ConsoleFixture.server(now: { clock.now }).test { client in
            let (browser, _) = try await ConsoleBrowser.signedIn(client, as: "desk")
            // Busy: a page every 20 minutes for 12 hours.
            for _ in 0..<36 {
                clock.advance(by: 20 * 60)
                let busy = try await browser.request(.get, "/console/quotes")
                #expect(busy.status == .ok)
            }
            clock.advance(by: 1)
            let late = try await browser.request(.get, "/console/quotes")
            #expect(late.status == .seeOther && late.headers[.location] == "/console/sign-in")
            let (idle, _) = try await ConsoleBrowser.signedIn(client, as: "desk")
            clock.advance(by: 29 * 60)
            #expect(try await idle.request(.get, "/console/quotes").status == .ok)
            clock.advance(by: 30 * 60 + 1)
            #expect(try await idle.request(.get, "/console/quotes").status == .seeOther)
        }
    }

    @Test("Dutch from Accept-Language or the switch, amounts and dates in the market's format")
    func dutch() async throws {
        try await ConsoleFixture.server().test { client in
            let (browser, csrf) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let signIn = try await browser.request(
                .get, "/console/sign-in", headers: [.acceptLanguage: "nl-NL,nl;q=0.9"])
            #expect(signIn.text.contains("<html lang=\"nl\">") && signIn.text.contains("Wachtwoord"))
            let preview = try await browser.request(
                .post, "/console/quotes/new?lang=nl",
                form: ConsoleBrowser.dutchRepairForm(action: "preview", csrf: csrf))
            #expect(preview.text.contains("De klant betaalt"))
            #expect(preview.text.contains(#"data-amount="299.96">€\#u{00A0}299,96<"#))
        }
    }

    @Test("GET /v1/catalog/{market}: models, labour and parts for an API key")
    func catalog() async throws {
        try await ConsoleFixture.server().test { client in
            let page = try await client.call(.get, "/v1/catalog/NL", key: Key.finance)
            #expect(page.status == .ok)
            #expect(page.text.contains(#""name":"Xiaomi 12 Pro""#))
            #expect(page.text.contains(#""sku":"X12P-DISPLAY""#))
            let page12 = try await client.call(.get, "/v1/catalog/NL", key: nil)
            #expect(page12.status == .unauthorized)
        }
    }
}

/// A clock the tests move.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)
    var now: Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
