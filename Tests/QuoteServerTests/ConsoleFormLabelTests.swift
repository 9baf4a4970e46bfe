import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteCore
import Testing

@testable import QuoteServer

/// The quote form speaks the user's language: labels for every code, names from the price list's
/// `names.<lang>.yaml`, the error summary by label, and the market the user works in.
@Suite("the console's form: labels, names, the error summary and the default market")
struct ConsoleFormLabelTests {
    /// The visible text of the `<option>` of `value` in the `<select name="name">`.
    static func option(_ html: String, select name: String, value: String) -> String? {
        guard let select = html.range(of: #"name="\#(name)""#),
            let option = html[select.upperBound...].range(of: #"<option value="\#(value)""#),
            let close = html[option.upperBound...].firstIndex(of: ">")
        else { return nil }
        return String(html[html.index(after: close)...].prefix { $0 != "<" })
    }

    @Test("every code has a label in en, nl and zh-Hant; parts and labour named in the user's language")
    func labels() async throws {
        try await ConsoleFixture.server().test { client in
            let (desk, _) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let english = try await desk.request(.get, "/console/quotes/new?market=NL&lang=en").text
            let dutch = try await desk.request(.get, "/console/quotes/new?market=NL&lang=nl").text
            let chinese = try await desk.request(.get, "/console/quotes/new?market=NL&lang=zh-Hant").text
            #expect(chinese.contains(#"<html lang="zh-Hant">"#))
            let pages = try #require(ConsoleFixture.server().services.console?.pages)
            for (language, page) in [("en", english), ("nl", dutch), ("zh-Hant", chinese)] {
                for kind in CaseKind.allCases {
                    #expect(
                        Self.option(page, select: "kind", value: kind.rawValue)
                            == pages.label("kind." + kind.rawValue, language))
                }
                for mode in ServiceMode.allCases {
                    let label = Self.option(page, select: "serviceMode", value: mode.rawValue)
                    #expect(
                        label == pages.label("serviceMode." + mode.rawValue, language)
                            && label != mode.rawValue)
                }
                for channel in Channel.allCases {
                    #expect(
                        Self.option(page, select: "purchase.channel", value: channel.rawValue)
                            == pages.label("purchase.channel." + channel.rawValue, language))
                }
                #expect(Self.option(page, select: "item", value: "main-device") != "main-device")
                #expect(!page.contains(#"<label for="f-findings-0">liquid-damage</label>"#))
            }
            #expect(Self.option(chinese, select: "kind", value: "repair") == "維修")
            #expect(chinese.contains(#"<label for="f-findings-0">入水損壞</label>"#))
            #expect(dutch.contains(#"<label for="f-findings-0">Vochtschade</label>"#))
            // Labour from names.nl.yaml in Dutch, the price list's English in English.
            #expect(
                Self.option(dutch, select: "repair.labor", value: "L2")?.contains("Reparatieniveau 2") == true
            )
            #expect(
                Self.option(english, select: "repair.labor", value: "L2")?.contains("Reparatieniveau")
                    == false)
            // The IMEI and the serial say that one of them is required.
            #expect(english.contains("(the IMEI or the serial number is required)"))
            #expect(chinese.contains("（必須填寫 IMEI 或序號）"))
        }
    }

    @Test("the error summary names the field by its label, in the user's language")
    func summaryByLabel() async throws {
        try await ConsoleFixture.server().test { client in
            let (desk, csrf) = try await ConsoleBrowser.signedIn(client, as: "desk")
            var form = ConsoleBrowser.dutchRepairForm(action: "preview", csrf: csrf)
            form.removeAll { $0.0 == "device.imei" }
            for (language, label) in [("en", "IMEI"), ("nl", "IMEI"), ("zh-Hant", "IMEI")] {
                let page = try await desk.request(.post, "/console/quotes/new?lang=\(language)", form: form)
                #expect(page.status == .unprocessableContent)
                #expect(page.text.contains(##"<a href="#f-device-imei">\##(label): "##))
                #expect(!page.text.contains("device.imei:"))
            }
            var nameless = ConsoleBrowser.dutchRepairForm(action: "preview", csrf: csrf)
            nameless.removeAll { $0.0 == "customer.name" }
            let unnamed = try await desk.request(
                .post, "/console/quotes/new?lang=nl", form: nameless + [("customer.name", "")])
            #expect(unnamed.text.contains(##"<a href="#f-customer-name">Naam: "##))
        }
    }

    @Test("the form starts on the user's market, else the last one the user issued in")
    func defaultMarket() async throws {
        var users = ConsoleFixture.users
        try users.add(
            name: "hk-desk", role: "service-center", retailer: nil, password: ConsoleFixture.password,
            replace: false, market: "HK")
        var server = try ConsoleFixture.server()
        let templates = Shipped.root.appendingPathComponent("Templates")
        let console = try #require(server.services.console)
        server.services.console = try ConsoleConfiguration(
            users: users, catalog: console.catalog, documents: console.documents,
            templatesDirectory: templates,
            secureCookies: false)
        try await server.test { client in
            let (hk, _) = try await ConsoleBrowser.signedIn(client, as: "hk-desk")
            #expect(
                try await hk.request(.get, "/console/quotes/new").text.contains(
                    #"<option value="HK" selected>"#))
            let (desk, csrf) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let first = try await desk.request(.get, "/console/quotes/new").text
            #expect(!first.contains(#"<option value="NL" selected>"#))
            let issued = try await desk.request(
                .post, "/console/quotes/new",
                form: ConsoleBrowser.dutchRepairForm(action: "issue", csrf: csrf))
            #expect(issued.status == .seeOther)
            #expect(
                try await desk.request(.get, "/console/quotes/new").text.contains(
                    #"<option value="NL" selected>"#))
            // Another user's choice is not this one's.
            let other = try await hk.request(.get, "/console/quotes/new").text
            #expect(other.contains(#"<option value="HK" selected>"#))
        }
        #expect(throws: UsersFileError.self) {
            try users.add(
                name: "x", role: "finance", retailer: nil, password: ConsoleFixture.password, replace: false,
                market: "nl")
        }
    }

    @Test("the accessibility statement is served without the console, with its stylesheet")
    func statementWithoutConsole() async throws {
        var server = try TestServer()
        let templates = Shipped.root.appendingPathComponent("Templates")
        server.services.statement = try AccessibilityStatement(
            templatesDirectory: templates, documentStylesheet: "")
        try await server.test { client in
            let page = try await client.call(.get, "/accessibility", key: nil)
            #expect(page.status == .ok && page.text.contains("<h1>Accessibility statement</h1>"))
            #expect(try await client.call(.get, "/console/static/console.css", key: nil).status == .ok)
            #expect(try await client.call(.get, "/console/sign-in", key: nil).status == .notFound)
        }
    }
}

/// The quote page's e-mails once the outbox has sent one and given up on another.
@Suite("the console's quote page: each e-mail's state")
struct ConsoleEmailStateTests {
    @Test("queued, then sent with its time, or failed with its reason, in the user's language")
    func sentAndFailed() async throws {
        let server = try ConsoleFixture.server()
        try await server.test { client in
            let (desk, csrf) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let issued = try await desk.request(
                .post, "/console/quotes/new",
                form: ConsoleBrowser.dutchRepairForm(action: "issue", csrf: csrf))
            let page = try #require(issued.headers[.location]?.split(separator: "?").first.map(String.init))
            for _ in 0..<2 {
                _ = try await desk.request(.post, page + "/email", form: [("csrf", csrf ?? "")])
            }
            let claimed = try await server.repo.claimOutbox(limit: 2, now: Date(), lease: 60)
            #expect(claimed.count == 2)
            try await server.repo.markSent(outboxID: claimed[0].id, at: Date())
            try await server.repo.markFailed(
                outboxID: claimed[1].id, error: "550 mailbox unavailable", retryAt: nil)
            let english = try await desk.request(.get, page).text
            #expect(
                english.contains(
                    #"<li data-email-state="sent">Quote · a***@example.nl · <strong>Sent</strong>"#))
            #expect(
                english.contains(
                    #"<li data-email-state="failed">Quote · a***@example.nl · <strong>Failed</strong>"#))
            #expect(english.contains(#"<span class="field-error">550 mailbox unavailable</span>"#))
            let chinese = try await desk.request(.get, page + "?lang=zh-Hant").text
            #expect(chinese.contains("<strong>已寄出</strong>") && chinese.contains("<strong>失敗</strong>"))
        }
    }
}
