import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

/// `reprice --compare OLD NEW`: what a price change costs each payer.
@Suite("reprice --compare: old and new charges per payer, only the prices differing")
struct RepriceCompareTests {
    static let oldNL = "PriceLists/NL"

    @Test("a manufacturer-paid part 10.00 dearer: the manufacturer's difference shows, the consumer's is 0")
    func manufacturerPart() throws {
        let next = try FinanceFixture.nextNL(prices: [
            ("X14-DISPLAY,Display assembly Xiaomi 14,screen,Xiaomi 14,199.90", "209.90")
        ])
        let (inWarranty, quote) = try FinanceFixture.line("nl-in-warranty", number: "NL-2026-000001")
        let (outOfWarranty, _) = try FinanceFixture.line("nl-out-of-warranty", number: "NL-2026-000002")
        let (belgian, _) = try FinanceFixture.line("be-out-of-warranty", number: "BE-2026-000001")
        let file = try FinanceFixture.file([inWarranty, outOfWarranty, belgian])
        let manufacturer = quote.totals.manufacturer.gross.minorUnits
        #expect(manufacturer > 0 && quote.coverage.status == .inWarranty)
        let old = Decimals.format(manufacturer, scale: 2)
        let new = Decimals.format(manufacturer + 1000, scale: 2)

        let text = try CommandLineTests.run(["reprice", file, "--compare", Self.oldNL, next])
        #expect(text.status == 0, "\(text.err)")
        let lines = text.out.split(separator: "\n").map(String.init)
        #expect(lines[0] == "line 1: NL-2026-000001: manufacturer \(old) → \(new) (+10.00) [2026.1 → 2027.1]")
        #expect(
            lines[1].hasPrefix("line 2: NL-2026-000002: consumer ")
                && lines[1].contains("(0.00) [2026.1 → 2027.1]"))
        #expect(!text.out.contains("BE-2026-000001"))
        #expect(
            lines.contains {
                $0.hasPrefix("summary: NL EUR: 2 quotes, 0 unpriced, 0 uncharged, 0 status changed")
            })
        #expect(lines.contains { $0.contains("manufacturer \(old) → \(new) (+10.00, ") })
        #expect(lines.last == "summary: 1 quotes of other markets not compared")

        let csv = try StrictCSV.parse(
            try CommandLineTests.run(["reprice", file, "--compare", Self.oldNL, next, "--csv"]).out)
        let header = csv[0]
        let column = { (name: String) in header.firstIndex(of: name)! }
        #expect(csv.count == 3)
        #expect(csv[1][column("manufacturerOld")] == old && csv[1][column("manufacturerNew")] == new)
        #expect(
            csv[1][column("manufacturerDifference")] == "10.00"
                && csv[1][column("consumerDifference")] == "0.00")
        #expect(csv[2][column("manufacturerDifference")] == "0.00")

        let summary = try StrictCSV.parse(
            try CommandLineTests.run(["reprice", file, "--compare", Self.oldNL, next, "--csv", "--summary"])
                .out)
        #expect(summary.count == 2)
        #expect(summary[1][summary[0].firstIndex(of: "manufacturerDifference")!] == "10.00")
        #expect(summary[1][summary[0].firstIndex(of: "quotes")!] == "2")
    }

    @Test("--xlsx: the Quotes and Summary sheets hold the CSV's values, amounts as numbers")
    func workbook() throws {
        let next = try FinanceFixture.nextNL(prices: [
            ("X14-DISPLAY,Display assembly Xiaomi 14,screen,Xiaomi 14,199.90", "209.90")
        ])
        let file = try FinanceFixture.file([
            try FinanceFixture.line("nl-in-warranty", number: "NL-2026-000001").line
        ])
        let path = WorkbookTests.workbookPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandLineTests.run([
            "reprice", file, "--compare", Self.oldNL, next, "--xlsx", path,
        ])
        #expect(result.status == 0, "\(result.err)")
        let csv = try StrictCSV.parse(
            try CommandLineTests.run(["reprice", file, "--compare", Self.oldNL, next, "--csv"]).out)
        let summaryCSV = try StrictCSV.parse(
            try CommandLineTests.run(["reprice", file, "--compare", Self.oldNL, next, "--csv", "--summary"])
                .out)
        let book = try OpenedWorkbook.open(path)
        let quotes = try #require(book.sheets["Quotes"])
        #expect(quotes.values == csv)
        #expect(quotes.rows[1][11...19].allSatisfy { $0.type == "number" })
        #expect(try #require(book.sheets["Summary"]).values == summaryCSV)
    }

    @Test(
        "from the store: an accepted repair counts, a rejected quote its ifRejected lines, a pending one nothing"
    )
    func storeCharges() async throws {
        let next = try FinanceFixture.nextNL(prices: [
            ("X12P-DISPLAY,Display assembly Xiaomi 12 Pro,screen,Xiaomi 12 Pro,189.90", "199.90")
        ])
        let (store, _) = try await FinanceFixture.store(
            "nl-out-of-warranty", decisions: [.accepted, .rejected, nil])
        let result = try CommandLineTests.run(["reprice", "--db", store, "--compare", Self.oldNL, next])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        // 10.00 more on the display, plus 21 % VAT: the accepted repair costs the consumer 12.10 more.
        #expect(lines[0].contains("(accepted): consumer ") && lines[0].contains("(+12.10) [2026.1 → 2027.1]"))
        #expect(lines[1].contains("(rejected): consumer ") && lines[1].contains("(0.00) [2026.1 → 2027.1]"))
        #expect(lines.count == 3)
        #expect(lines[2].hasPrefix("summary: NL EUR: 2 quotes, 0 unpriced, 1 uncharged,"))
        #expect(lines[2].contains("consumer ") && lines[2].contains("(+12.10, "))
        let all = try CommandLineTests.run([
            "reprice", "--db", store, "--compare", Self.oldNL, next, "--all-states",
        ])
        #expect(all.out.contains("summary: NL EUR: 3 quotes, 0 unpriced, 0 uncharged,"), "\(all.out)")
        #expect(all.out.contains("(+24.20, "))
    }

    @Test("usage: --on and --compare together, neither, one folder, two markets: exit 2")
    func usage() throws {
        let file = try FinanceFixture.file([
            try FinanceFixture.line("nl-in-warranty", number: "NL-2026-000001").line
        ])
        for (arguments, message) in [
            (["reprice", file], "give --on DATE or --compare OLD NEW"),
            (
                ["reprice", file, "--on", "2027-01-01", "--compare", "PriceLists/NL", "PriceLists/NL"],
                "not both"
            ),
            (["reprice", file, "--compare", "PriceLists/NL"], "expected two version folders"),
            (
                ["reprice", file, "--compare", "PriceLists/NL", "PriceLists/BE"],
                "give two versions of one market"
            ),
            (["reprice", file, "--on", "2027-01-01", "--all-states"], "--all-states"),
        ] {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err.contains(message), "\(result.err)")
            #expect(result.out.isEmpty)
        }
    }
}
