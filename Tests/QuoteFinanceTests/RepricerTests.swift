import Foundation
import PriceListLoading
import QuoteCore
import QuoteFinance
import QuoteJSON
import Testing

/// `reprice`: stored quotes recomputed as if requested on another day, with that day's price list.
@Suite("reprice: stored quotes under another price list")
struct RepricerTests {
    /// The NL out-of-warranty example requested on `requested`, quoted with the list in force then,
    /// as a `{"case", "quote"}` line.
    static func storedLine(requested: String, catalog: PriceListCatalog = Fixtures.catalog) throws -> String {
        let text = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Examples/nl-out-of-warranty.json"),
            encoding: .utf8
        ).replacingOccurrences(
            of: "\"requestDate\": \"2026-03-02\"", with: "\"requestDate\": \"\(requested)\"")
        let serviceCase = try CaseDecoder.decode(text, today: { _ in CivilDate(requested)! })
        var quote = try QuoteCalculator(catalog: catalog).quote(serviceCase)
        quote.number = "NL-2025-000042"
        return
            #"{"case":\#(CaseEncoder.encode(serviceCase, pretty: false)),"quote":\#(QuoteEncoder.encode(quote, pretty: false))}"#
    }

    static func reprice(_ line: String, on date: String, catalog: PriceListCatalog = Fixtures.catalog) throws
        -> RepriceResult
    {
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer {
            try Repricer(catalog: catalog, date: CivilDate(date)!).reprice($0, line: 1)
        }
    }

    @Test("NL 2025.1 → 2026.1: labour L2 35.00 → 39.00 raises the consumer total by 4.84 (21% VAT)")
    func nlPriceRise() throws {
        let r = try Self.reprice(try Self.storedLine(requested: "2025-06-02"), on: "2026-03-02")
        let new = try r.new.get()
        #expect(r.oldVersion == "2025.1")
        #expect(new.version == "2026.1")
        #expect(r.difference == 484)
        #expect(new.consumer - r.oldConsumer == 484)
        #expect(r.oldStatus == "out-of-warranty" && new.status == "out-of-warranty")
        #expect(!r.statusChanged && !r.payersChanged)
        #expect(
            RepriceReport.text(r, date: CivilDate("2026-03-02")!)
                == "line 1: NL-2025-000042: consumer \(Decimals.format(r.oldConsumer, scale: 2)) → \(Decimals.format(new.consumer, scale: 2)) (+4.84) [2025.1 → 2026.1]\n"
        )
    }

    @Test("repricing a quote on its own request date changes nothing, for every market and status")
    func sameDayIsUnchanged() throws {
        for line in Fixtures.generated(60, seed: 5) {
            let requested = Fixtures.string(Fixtures.json(line), ["case", "requestDate"])
            let r = try Self.reprice(line, on: requested)
            #expect(r.difference == 0, "\(line.prefix(120))")
            #expect(!r.statusChanged && !r.payersChanged)
        }
    }

    @Test("a case whose part was removed from the new list is reported with the reason, not dropped")
    func removedPartIsReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reprice-\(UUID().uuidString)")
        try FileManager.default.copyItem(
            at: Fixtures.packageRoot.appendingPathComponent("PriceLists"), to: folder)
        let parts = folder.appendingPathComponent("NL/parts.csv")
        let text = try String(contentsOf: parts, encoding: .utf8)
        try text.replacingOccurrences(
            of: "X12P-DISPLAY,Display assembly Xiaomi 12 Pro,screen,Xiaomi 12 Pro,189.90\n", with: ""
        )
        .write(to: parts, atomically: true, encoding: .utf8)
        let catalog = try PriceListLoader.loadCatalog(directory: folder.path)
        let line = try Self.storedLine(requested: "2025-06-02", catalog: catalog)
        let r = try Self.reprice(line, on: "2026-03-02", catalog: catalog)
        #expect(r.difference == nil)
        #expect(
            RepriceReport.text(r, date: CivilDate("2026-03-02")!)
                == "line 1: NL-2025-000042: cannot be priced on 2026-03-02: repair.parts[0].sku: unknown SKU \"X12P-DISPLAY\" in the NL parts list\n"
        )
        var summary = RepriceSummary()
        summary.add(r)
        #expect(summary.records() == [["NL", "EUR", "1", "1", "0", "0", "0.00", "0.00", "0.00", ""]])
    }

    @Test("the summary sums exactly per market and currency, with the percent of the old total")
    func summary() throws {
        let r = try Self.reprice(try Self.storedLine(requested: "2025-06-02"), on: "2026-03-02")
        var a = RepriceSummary()
        a.add(r)
        var b = RepriceSummary()
        b.add(r)
        a.merge(b)
        let old = Decimals.format(2 * r.oldConsumer, scale: 2)
        let new = Decimals.format(2 * (r.oldConsumer + 484), scale: 2)
        let percent = PercentChange.text(968, of: Int128(2 * r.oldConsumer))!
        #expect(a.records() == [["NL", "EUR", "2", "0", "0", "0", old, new, "9.68", percent]])
        #expect(
            a.records(CSVFormat(delimiter: UInt8(ascii: ";"), decimalComma: true))[0][6...8]
                == [
                    old.replacingOccurrences(of: ".", with: ","),
                    new.replacingOccurrences(of: ".", with: ","), "9,68",
                ])
    }

    @Test("a line that is not a stored quote is invalid, naming the field")
    func invalidLine() throws {
        #expect(throws: ValidationError.self) {
            try Self.reprice(#"{"case":{},"quote":{"market":"NL"}}"#, on: "2026-03-02")
        }
        do {
            _ = try Self.reprice(#"{"case":{},"quote":{"market":"NL"}}"#, on: "2026-03-02")
        } catch {
            #expect((error as? ValidationError)?.field == "quote.currency")
        }
    }

    @Test("percent changes are exact, 2 decimals, half away from zero")
    func percentChange() {
        #expect(PercentChange.text(500, of: 15990) == "+3.13%")
        #expect(PercentChange.text(-125, of: 1000) == "-12.50%")
        #expect(PercentChange.text(1, of: 3) == "+33.33%")
        #expect(PercentChange.text(1, of: 8) == "+12.50%")
        #expect(PercentChange.text(-1, of: 8) == "-12.50%")
        #expect(PercentChange.text(1, of: 80000) == "0.00%")
        #expect(PercentChange.text(1, of: 0) == nil)
        #expect(PercentChange.text(1, of: 20000) == "+0.01%")  // 0.005 rounds up
    }
}
