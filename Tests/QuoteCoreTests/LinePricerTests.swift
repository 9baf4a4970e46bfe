import Testing

@testable import QuoteCore

/// G-2: the four combinations of rounding level and mode on the same lines.
@Suite("VAT rounding per line and per document, half-up and half-even")
struct LinePricerTests {
    let eur = Currency(code: "EUR", minorUnits: 2)

    func vat(_ nets: [Int64], _ rounding: VATRounding, _ mode: RoundingMode, rate: String = "21") throws
        -> [Int64]
    {
        let pricer = LinePricer(
            currency: eur, rate: try Percent.parse(rate), pricesIncludeVAT: false, vatRounding: rounding,
            mode: mode)
        let drafts = nets.map {
            DraftLine(
                kind: .part, description: "x", quantity: 1, unitPrice: Money(minorUnits: $0, currency: eur),
                payer: .consumer)
        }
        return try pricer.price(drafts).map(\.vat.minorUnits)
    }

    @Test(
        "two € 0.50 lines at 21 %: 0.105 each; per line 0.11 + 0.11, per document 0.21 spread as 0.11 + 0.10")
    func lineVersusDocument() throws {
        #expect(try vat([50, 50], .line, .halfUp) == [11, 11])
        #expect(try vat([50, 50], .document, .halfUp) == [11, 10])
    }

    @Test("€ 0.50 at 21 % is 0.105: half-up 0.11, half-even 0.10")
    func halfUpVersusHalfEven() throws {
        #expect(try vat([50], .line, .halfUp) == [11])
        #expect(try vat([50], .line, .halfEven) == [10])
        // 0.105, 0.21, 0.315 → 0.10, 0.21, 0.32
        #expect(try vat([50, 50, 50], .document, .halfEven) == [10, 11, 11])
    }

    @Test("prices including VAT: the VAT inside € 121.00 at 21 % is € 21.00, net € 100.00")
    func inclusive() throws {
        let pricer = LinePricer(
            currency: eur, rate: try Percent.parse("21"), pricesIncludeVAT: true, vatRounding: .line,
            mode: .halfUp)
        let lines = try pricer.price([
            DraftLine(
                kind: .labor, description: "x", quantity: 1,
                unitPrice: Money(minorUnits: 12100, currency: eur), payer: .consumer),
            DraftLine(
                kind: .labor, description: "x", quantity: 1,
                unitPrice: Money(minorUnits: 12100, currency: eur), payer: .manufacturer),
        ])
        #expect(lines[0].net.minorUnits == 10000)
        #expect(lines[0].vat.minorUnits == 2100)
        #expect(lines[0].gross.minorUnits == 12100)
        #expect(lines[1].net.minorUnits == 10000)
        #expect(lines[1].vat.minorUnits == 0)
    }

    @Test("a waiver cancels its line to the cent in every mode")
    func waiverCancels() throws {
        for rounding in VATRounding.allCases {
            for mode in RoundingMode.allCases {
                let v = try vat([1995, -1995], rounding, mode)
                #expect(v[0] + v[1] == 0, "\(rounding) \(mode)")
            }
        }
    }
}
