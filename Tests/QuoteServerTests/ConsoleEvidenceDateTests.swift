import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// The console's quote page writes the time of a customer's acceptance in the page's language,
/// in the market's time zone, named: not in the market's own style on every page.
@Suite("console: the acceptance time in the page's language, the market's time zone named")
struct ConsoleEvidenceDateTests {
    /// The time the API recorded, as a reader of `locale` writes it in Amsterdam, the zone named.
    static func expected(_ decidedAt: String, locale: String, pattern: String) throws -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let at = try #require(parser.date(from: decidedAt) ?? ISO8601DateFormatter().date(from: decidedAt))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = pattern
        return formatter.string(from: at) + " (Europe/Amsterdam)"
    }

    @Test(
        "a Dutch quote accepted through the link: 'December 7, 2026 16:04' in English, '7 december 2026 16:04' in Dutch"
    )
    func englishAndDutch() async throws {
        let server = try ConsoleFixture.server()
        try await server.test { client in
            let path = try await CustomerLinkPageTests.dutchQuote(server, client)
            let accepted = try await client.call(
                .post, path, key: nil, body: CustomerForm.acceptDutch, headers: CustomerLinkPageTests.form)
            #expect(accepted.status == .ok)
            let stored = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
            let decidedAt = try #require((stored.json["decision"] as? [String: Any])?["decidedAt"] as? String)
            var browser = ConsoleBrowser(client: client)
            _ = try await browser.signIn("desk")
            for (query, locale, pattern) in [
                ("", "en_US_POSIX", "MMMM d, yyyy HH:mm"), ("?lang=nl", "nl_NL", "d MMMM yyyy HH:mm"),
            ] {
                let page = try await browser.request(.get, "/console/quotes/NL-2026-000001" + query).text
                #expect(page.contains(#"<dd data-typed-name>Anna de Vries</dd>"#))
                let shown = page.firstMatch(of: /<dd data-at>([^<]*)<\/dd>/).map { String($0.1) }
                #expect(
                    shown == (try Self.expected(decidedAt, locale: locale, pattern: pattern)), "page\(query)")
            }
        }
    }
}
