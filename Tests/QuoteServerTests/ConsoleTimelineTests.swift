import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// The console's quote page: the history as a timeline, and what a staff-recorded answer says
/// about signatures.
@Suite("console: a quote's timeline and evidence")
struct ConsoleTimelineTests {
    @Test("the timeline lists issue, answer and e-mail in order; a staff answer says no signature exists")
    func timeline() async throws {
        try await ConsoleFixture.server().test { client in
            _ = try await client.issue(Fixtures.dutchRepair(), key: Key.desk)
            _ = try await client.call(
                .post, "/v1/quotes/NL-2026-000001/decision", key: Key.desk,
                body: #"{"decision":"accepted","channel":"phone"}"#)
            var browser = ConsoleBrowser(client: client)
            _ = try await browser.signIn("desk")
            let page = try await browser.request(.get, "/console/quotes/NL-2026-000001").text
            let kinds = page.matches(of: /data-event="([a-z-]+)" data-sequence="(\d+)"/).map {
                "\($0.output.2):\($0.output.1)"
            }
            // The case has an e-mail address: the decision queues its confirmation.
            #expect(kinds == ["1:issued", "2:decided", "3:emailed"])
            #expect(page.contains(#"<dd data-signature="none">None: the answer was recorded by staff"#))
            let dutch = try await browser.request(.get, "/console/quotes/NL-2026-000001?lang=nl").text
            #expect(dutch.contains("Geschiedenis") && dutch.contains("Uitgegeven"))
        }
    }
}
