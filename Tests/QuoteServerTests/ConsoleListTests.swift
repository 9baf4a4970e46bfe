import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteCore
import QuoteFinance
import QuoteRendering
import Testing

@testable import QuoteServer

/// The console's list as people use it all day: one language for its dates and amounts, filters
/// by market and issue date, orders by date and total, a model in the search, what each payer
/// owes and who issued (finance and the service center), and the CSV of exactly what is filtered.
@Suite("the console's quote list: filters, orders, payers and CSV")
struct ConsoleListTests {
    /// NL (the customer pays) and HK in warranty (the manufacturer pays) issued on 2 March 2026, an
    /// HK Redmi on 23 February (through the same store on that day); their numbers in that order.
    static func issueThree(_ server: TestServer) async throws -> [String] {
        try await issued(server).map { $0["number"] as? String ?? "" }
    }

    /// The three quotes' JSON, as the API answered their issue.
    static func issued(_ server: TestServer) async throws -> [[String: Any]] {
        var quotes: [[String: Any]] = []
        for (name, day) in [
            ("nl-out-of-warranty.json", "2026-03-02"), ("hk-in-warranty-model-table.json", "2026-03-02"),
            ("hk-doa-no-swap-unit.json", "2026-02-23"),
        ] {
            let json = try Shipped.example(name).replacingOccurrences(
                of: #""requestDate": "2026-03-02""#, with: #""requestDate": "\#(day)""#)
            let quote = try await server.on(day).test { client in try await client.issue(json).json["quote"] }
            quotes.append(try #require(quote as? [String: Any]))
        }
        return quotes
    }

    /// The customer's total of an issued quote's JSON, in minor units.
    static func consumerTotal(_ quote: [String: Any]) -> Int64? {
        guard
            let gross = ((quote["totals"] as? [String: Any])?["consumer"] as? [String: Any])?["gross"]
                as? String
        else { return nil }
        return Int64(gross.replacingOccurrences(of: ".", with: ""))
    }

    /// The quote numbers of a list page, top to bottom.
    static func rows(_ html: String) -> [String] {
        html.components(separatedBy: #"<tr data-quote-number=""#).dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
    }

    /// The text of a row's cell marked `data-payer="payer"`.
    static func cell(_ html: String, row number: String, payer: String) -> String? {
        guard let row = html.range(of: #"<tr data-quote-number="\#(number)""#),
            let cell = html[row.upperBound...].range(of: #"data-payer="\#(payer)">"#)
        else { return nil }
        return String(html[cell.upperBound...].prefix { $0 != "<" })
    }

    static func format(_ language: String) throws -> LocaleFormat {
        let renderer = try QuoteRenderer(templatesDirectory: Shipped.root.appendingPathComponent("Templates"))
        return try LocaleFormat(labels: try #require(renderer.catalog.labels(for: language)))
    }

    @Test("dates and amounts in the user's language in every row; finance sees each payer and the issuer")
    func languageAndPayers() async throws {
        let server = try ConsoleFixture.server()
        let quotes = try await Self.issued(server)
        let numbers = quotes.map { $0["number"] as? String ?? "" }
        let manufacturer = try #require(
            ((quotes[1]["totals"] as? [String: Any])?["manufacturer"] as? [String: Any])?["gross"] as? String)
        try await server.test { client in
            let (finance, _) = try await ConsoleBrowser.signedIn(client, as: "finance")
            let page = try await finance.request(.get, "/console/quotes?lang=nl").text
            let nl = try Self.format("nl")
            #expect(page.contains(#"data-date>\#(nl.date(CivilDate("2026-03-02")!))<"#))
            #expect(page.contains(#"data-date>\#(nl.date(CivilDate("2026-02-23")!))<"#))
            #expect(!page.contains("年"))
            // HK in warranty: the manufacturer's total is in the row, in Dutch figures.
            let expected = try nl.money(try Money.parse(manufacturer, currency: Currency.known["HKD"]!))
            #expect(Self.cell(page, row: numbers[1], payer: "manufacturer") == expected)
            #expect(try Money.parse(manufacturer, currency: Currency.known["HKD"]!).minorUnits > 0)
            #expect(page.contains(#"<td data-label="Uitgever">"#))
            let chinese = try await finance.request(.get, "/console/quotes?lang=zh-Hant").text
            #expect(chinese.contains(try Self.format("zh-Hant").date(CivilDate("2026-03-02")!)))
            // A retailer sees no other payer's column and no issuer.
            let (shop, _) = try await ConsoleBrowser.signedIn(client, as: "shop")
            let own = try await shop.request(.get, "/console/quotes").text
            #expect(!own.contains(#"data-payer="manufacturer""#) && !own.contains("Issuer"))
        }
    }

    @Test("filters by market, issue dates and a model; orders by date and total; a bad filter is named")
    func filtersAndOrders() async throws {
        let server = try ConsoleFixture.server()
        let quotes = try await Self.issued(server)
        let numbers = quotes.map { $0["number"] as? String ?? "" }
        let total = Dictionary(
            uniqueKeysWithValues: quotes.map { ($0["number"] as? String ?? "", Self.consumerTotal($0) ?? 0) })
        try await server.test { client in
            let (desk, _) = try await ConsoleBrowser.signedIn(client, as: "desk")
            func list(_ query: String) async throws -> [String] {
                Self.rows(try await desk.request(.get, "/console/quotes?" + query).text)
            }
            #expect(try await list("market=HK") == [numbers[2], numbers[1]])
            #expect(try await list("from=2026-03-01") == [numbers[1], numbers[0]])
            #expect(try await list("to=2026-02-28") == [numbers[2]])
            #expect(try await list("q=Redmi") == [numbers[2]])
            #expect(try await list("sort=oldest") == numbers)
            #expect(try await list("market=HK&sort=oldest") == [numbers[1], numbers[2]])
            // By the customer's total (equal totals: the newer first, either way).
            let highest = try await list("sort=total-desc").compactMap { total[$0] }
            let lowest = try await list("sort=total-asc").compactMap { total[$0] }
            #expect(highest.count == 3 && lowest.count == 3)
            // Currency by currency (EUR before HKD), each in its order.
            #expect(try await list("sort=total-desc").first == numbers[0])
            #expect(Array(highest.dropFirst()) == highest.dropFirst().sorted(by: >))
            #expect(Array(lowest.dropFirst()) == lowest.dropFirst().sorted())
            let bad = try await desk.request(.get, "/console/quotes?from=02-03-2026")
            #expect(bad.status == .unprocessableContent && bad.text.contains("from: expected a date"))
            let market = try await desk.request(.get, "/console/quotes?market=XX")
            #expect(market.status == .unprocessableContent && market.text.contains("market:"))
            // The filters stay chosen, and the CSV link carries them.
            let page = try await desk.request(.get, "/console/quotes?market=HK&sort=total-asc").text
            #expect(page.contains(#"<option value="HK" selected>"#))
            #expect(page.contains(#"href="/console/quotes.csv?market=HK&amp;sort=total-asc""#))
        }
    }

    @Test("a list sorted by total pages by offset: 20, then the rest")
    func totalPaging() async throws {
        try await ConsoleFixture.server().test { client in
            for _ in 0..<21 { _ = try await client.issue(try Shipped.example("nl-out-of-warranty.json")) }
            let (desk, _) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let first = try await desk.request(.get, "/console/quotes?sort=total-desc").text
            #expect(Self.rows(first).count == 20)
            #expect(first.contains(#"href="/console/quotes?sort=total-desc&amp;offset=20" rel="next""#))
            let second = try await desk.request(.get, "/console/quotes?sort=total-desc&offset=20").text
            #expect(Self.rows(second).count == 1)
            #expect(Set(Self.rows(first) + Self.rows(second)).count == 21)
        }
    }

    @Test("Download CSV: exactly the filtered quotes, as export writes them; not for a retailer")
    func csv() async throws {
        let server = try ConsoleFixture.server()
        let numbers = try await Self.issueThree(server)
        try await server.test { client in
            let (finance, _) = try await ConsoleBrowser.signedIn(client, as: "finance")
            let answer = try await finance.request(.get, "/console/quotes.csv?market=HK")
            #expect(answer.status == .ok)
            #expect(answer.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = answer.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(
                lines.first
                    == CSVFormat.standard.record(ChargeRow.header).replacingOccurrences(of: "\r\n", with: ""))
            let column = try #require(ChargeRow.header.firstIndex(of: "quote"))
            let quoted = Set(lines.dropFirst().map { $0.components(separatedBy: ",")[column] })
            #expect(quoted == [numbers[1], numbers[2]])
            let all = try await finance.request(.get, "/console/quotes.csv").text
            #expect(all.contains(numbers[0]))
            let (shop, _) = try await ConsoleBrowser.signedIn(client, as: "shop")
            #expect(try await shop.request(.get, "/console/quotes.csv").status == .forbidden)
        }
    }
}
