import Foundation
import QuoteCore
import QuoteRendering
import Testing

@Suite("HTML escapes every field that came from the case")
struct EscapingTests {
    static let hostile: QuoteFixture = {
        var fixture = QuoteFixture.nlOutOfWarranty
        fixture.serviceCase.customer.name = #"<script>alert("name")</script> & "Bobby" O'Neil"#
        fixture.serviceCase.customer.email = #"x"@example.nl"#
        fixture.serviceCase.device.model = #"Mi <b>11</b> & "Pro" <img src=x onerror=alert(1)>"#
        fixture.serviceCase.fault = #"</td></tr></table><script>alert('fault')</script>"#
        // A part's description comes from the price list as is (flat fees get translated labels).
        let part = fixture.quote.lines.firstIndex { $0.kind == .part || $0.kind == .labor }!
        fixture.quote.lines[part].description = #"Shipping & handling <iframe src="//evil">"#
        fixture.quote.coverage.notes = [
            .unlistedModel(
                model: "<style>body{display:none}</style>", market: MarketCode("NL"), category: .phone)
        ]
        return fixture
    }()

    @Test("<script>, quotes and & in name, model, fault and descriptions appear as inert text")
    func hostileFieldsAreInert() throws {
        let html = try Support.render(Self.hostile, .html, language: "en")
        for raw in [
            "<script>alert", "<b>11</b>", "<img src=x", "<iframe", "</td></tr></table><script>",
            "<style>body",
        ] {
            #expect(!html.contains(raw), "\(raw) must not appear unescaped")
        }
        #expect(
            html.contains(
                "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; &amp; &quot;Bobby&quot; O&#39;Neil"))
        #expect(html.contains("Mi &lt;b&gt;11&lt;/b&gt; &amp; &quot;Pro&quot;"))
        #expect(html.contains("Shipping &amp; handling &lt;iframe"))
        #expect(!html.lowercased().contains("<script"))
    }

    @Test("the hostile document still parses cleanly and has no scripts or external resources")
    func hostileDocumentParses() throws {
        let html = try Support.render(Self.hostile, .html, language: "en")
        let result = try HTMLCheck.check([("hostile.html", html)])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("plain text shows the same fields verbatim")
    func textIsVerbatim() throws {
        let text = try Support.render(Self.hostile, .text, language: "en")
        #expect(text.contains(#"<script>alert("name")</script> & "Bobby" O'Neil"#))
    }
}
