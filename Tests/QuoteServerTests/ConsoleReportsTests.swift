import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QuoteStore
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// `/console/reports`: the tables, the charts and the CSV of what the store's aggregates give; the
/// filter's errors beside their fields; a retailer's own quotes only.
@Suite("the console's finance reports page")
struct ConsoleReportsTests {
    /// Three NL quotes of the desk (one accepted, one rejected, one open), one in warranty
    /// accepted (the manufacturer pays) and one of the shop (R-100, accepted), all issued on
    /// 2026-03-02.
    static func story(_ client: any TestClientProtocol) async throws {
        let json = try Shipped.example("nl-out-of-warranty.json")
        var numbers: [String] = []
        for (key, example) in [
            (Key.desk, json), (Key.desk, json), (Key.desk, json), (Key.shop, json),
            (Key.desk, try Shipped.example("nl-in-warranty.json")),
        ] {
            let issued = try await client.issue(example, key: key)
            numbers.append(try #require((issued.json["quote"] as? [String: Any])?["number"] as? String))
        }
        for (number, decision) in [
            (numbers[0], "accepted"), (numbers[1], "rejected"), (numbers[3], "accepted"),
            (numbers[4], "accepted"),
        ] {
            let answer = try await client.call(
                .post, "/v1/quotes/\(number)/decision", key: Key.desk,
                body: #"{"decision":"\#(decision)","channel":"phone"}"#)
            #expect(answer.status == .ok, "\(answer.text)")
        }
    }

    /// The cells of the table `id` of a page, row by row.
    static func table(_ html: String, _ id: String) throws -> [[String]] {
        let start = try #require(html.range(of: #"<table class="report-table" id="table-\#(id)">"#))
        let body = html[start.upperBound...]
        let end = try #require(body.range(of: "</table>"))
        let tbody = try #require(body[..<end.lowerBound].range(of: "<tbody>"))
        return body[tbody.upperBound..<end.lowerBound].matches(of: /<tr>(.*?)<\/tr>/).map { row in
            row.1.matches(of: /<td>(.*?)<\/td>/).map { String($0.1) }
        }.filter { !$0.isEmpty }  // the "no quotes" row spans the columns
    }

    /// A number's digits and sign, whatever the language writes around them, without trailing
    /// zeros (€ 139,00 and 139.00 → 139; 75% and 75.0 → 75).
    static func digits(_ text: String) -> String {
        var digits = String(text.filter { $0.isNumber || $0 == "-" })
        while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
        return digits
    }

    @Test("the tables are the CSV rows, to the cent; each block has a chart with a title and a description")
    func tablesAndCSV() async throws {
        try await ConsoleFixture.server().test { client in
            try await Self.story(client)
            var finance = ConsoleBrowser(client: client)
            _ = try await finance.signIn("finance")
            let page = try await finance.request(.get, "/console/reports?from=2026-01&to=2026-03")
            #expect(page.status == .ok)
            for kind in ReportTable.Kind.allCases {
                let csv = try await finance.request(
                    .get, "/console/reports/csv?report=\(kind.rawValue)&from=2026-01&to=2026-03")
                #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
                let rows = try StrictCSV.parse(csv.text).dropFirst()
                let shown = try Self.table(page.text, kind.rawValue)
                #expect(!rows.isEmpty, "\(kind)")
                #expect(shown.count == rows.count, "\(kind)")
                for (cells, row) in zip(shown, rows) {
                    for (cell, field) in zip(cells, row)
                    where field.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil {
                        #expect(Self.digits(cell) == Self.digits(field), "\(kind): \(cells) vs \(row)")
                    }
                }
            }
            let conversion = try Self.table(page.text, "conversion")
            #expect(conversion.first?.prefix(4) == ["March 2026", "5", "3", "1"])
            #expect(
                page.text.contains(
                    "<svg role=\"img\" aria-labelledby=\"chart-conversion-title chart-conversion-desc\""))
            #expect(page.text.contains("<desc id=\"chart-payers-EUR-desc\">"))
            #expect(
                page.text.contains(
                    "<caption id=\"report-payers-caption\">Charges by payer, January 2026 – March 2026"))
            #expect(page.text.contains("decided plus expired"))
            #expect(page.text.contains(">Models by manufacturer cost (EUR)</p>"))
        }
    }

    @Test(
        "a bad filter shows the form with the error beside the field (400), in the user's language; the CSV is 400 JSON"
    )
    func badFilters() async throws {
        try await ConsoleFixture.server().test { client in
            var desk = ConsoleBrowser(client: client)
            _ = try await desk.signIn("desk")
            let month = try await desk.request(.get, "/console/reports?from=2026-13&market=XX")
            #expect(month.status == .badRequest)
            #expect(month.text.contains(#"<p class="field-error" id="report-from-error">Not a month"#))
            #expect(month.text.contains(#"<p class="field-error" id="report-market-error">Unknown market"#))
            #expect(month.text.contains(#"aria-describedby="report-from-error""#))
            let dutch = try await desk.request(.get, "/console/reports?from=2026-05&to=2026-04&lang=nl")
            #expect(dutch.status == .badRequest)
            #expect(dutch.text.contains("De eerste maand ligt na de laatste maand."))
            let csv = try await desk.request(.get, "/console/reports/csv?report=payers&currency=EURO")
            #expect(csv.status == .badRequest)
            #expect(csv.json["field"] as? String == "currency")
            let unknown = try await desk.request(.get, "/console/reports/csv?report=profits")
            #expect(unknown.status == .badRequest && unknown.json["field"] as? String == "report")
        }
    }

    @Test("a retailer sees its own quotes only, whatever issuer the address names")
    func retailerOwnQuotes() async throws {
        try await ConsoleFixture.server().test { client in
            try await Self.story(client)
            var shop = ConsoleBrowser(client: client)
            _ = try await shop.signIn("shop")
            let own = try await shop.request(.get, "/console/reports?from=2026-01&to=2026-03&issuer=desk-1")
            #expect(own.status == .ok)
            #expect(try Self.table(own.text, "conversion").first?.prefix(3) == ["March 2026", "1", "1"])
            #expect(own.text.contains(#"value="R-100" readonly"#))
            var other = ConsoleBrowser(client: client)
            _ = try await other.signIn("other-shop")
            let none = try await other.request(
                .get, "/console/reports/csv?report=conversion&from=2026-01&to=2026-03&issuer=R-100")
            #expect(none.status == .ok)
            #expect(try StrictCSV.parse(none.text).count == 1)
        }
    }
}
