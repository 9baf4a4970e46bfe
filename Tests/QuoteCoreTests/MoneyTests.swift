import QuoteCore
import Testing

@Suite("Money, decimals and rounding (G-1, G-2)")
struct MoneyTests {
    let eur = Currency(code: "EUR", minorUnits: 2)

    @Test("amounts parse exactly from their text", arguments: [("12.5", 1250), ("0.01", 1), ("9.50", 950), ("-5.00", -500), ("1000", 100_000)])
    func parses(text: String, minor: Int64) throws {
        #expect(try Money.parse(text, currency: eur).minorUnits == minor)
    }

    @Test("malformed amounts are refused", arguments: ["12abc", "1,5", "1.2.3", ".5", "5.", "+1", " 1", "1 ", "", "-", "1e3", "0x10", "1.234"])
    func refuses(text: String) {
        #expect(throws: Decimals.ParseError.self) { try Money.parse(text, currency: eur) }
    }

    @Test("formatting keeps every minor digit")
    func formats() {
        #expect(Money(minorUnits: 4719, currency: eur).text == "47.19")
        #expect(Money(minorUnits: -5, currency: eur).text == "-0.05")
        #expect(Money(minorUnits: 7, currency: Currency(code: "JPY", minorUnits: 0)).text == "7")
    }

    @Test("adding two currencies is a typed error")
    func currencyMismatch() {
        let usd = Currency(code: "USD", minorUnits: 2)
        #expect(throws: MoneyError.currencyMismatch(eur, usd)) { try Money(minorUnits: 1, currency: eur).adding(Money(minorUnits: 1, currency: usd)) }
    }

    @Test("half-up and half-even differ only on exact halves")
    func roundingModes() {
        #expect(RoundingMode.halfUp.divide(1025, by: 10) == 103)
        #expect(RoundingMode.halfEven.divide(1025, by: 10) == 102)
        #expect(RoundingMode.halfEven.divide(1035, by: 10) == 104)
        #expect(RoundingMode.halfUp.divide(-1025, by: 10) == -103)
        #expect(RoundingMode.halfEven.divide(-1025, by: 10) == -102)
        #expect(RoundingMode.halfUp.divide(1024, by: 10) == 102)
        #expect(RoundingMode.halfEven.divide(1026, by: 10) == 103)
    }

    @Test("VAT on net and inside gross")
    func percent() throws {
        let rate = try Percent.parse("21")
        #expect(rate.tax(onNet: 3900, rounding: .halfUp) == 819)
        #expect(rate.tax(onNet: 50, rounding: .halfUp) == 11)
        #expect(rate.tax(onNet: 50, rounding: .halfEven) == 10)
        #expect(rate.tax(inGross: 12100, rounding: .halfUp) == 2100)
        #expect(try Percent.parse("8.875").text == "8.875")
        #expect(throws: Decimals.ParseError.self) { try Percent.parse("100") }
        #expect(throws: Decimals.ParseError.self) { try Percent.parse("-1") }
    }
}
