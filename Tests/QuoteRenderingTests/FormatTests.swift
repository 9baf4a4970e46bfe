import QuoteCore
import QuoteRendering
import Testing

@Suite("Money, rates and dates in each language, from integer minor units")
struct FormatTests {
    static let nbsp = "\u{00A0}"
    static let nnbsp = "\u{202F}"

    func locale(_ language: String) throws -> LocaleFormat {
        try LocaleFormat(labels: Support.renderer.catalog.require(language))
    }

    func money(_ minor: Int64, _ currency: Currency, _ language: String) throws -> String {
        try locale(language).money(Money(minorUnits: minor, currency: currency))
    }

    @Test("Dutch: € 251,67 and € -5,00, thousands with a dot")
    func dutch() throws {
        #expect(try money(25167, QuoteFixture.eur, "nl") == "€\(Self.nbsp)251,67")
        #expect(try money(-500, QuoteFixture.eur, "nl") == "€\(Self.nbsp)-5,00")
        #expect(try money(123_456_789, QuoteFixture.eur, "nl") == "€\(Self.nbsp)1.234.567,89")
    }

    @Test("French: 1 234,56 € with a narrow no-break space")
    func french() throws {
        #expect(try money(25167, QuoteFixture.eur, "fr") == "251,67\(Self.nbsp)€")
        #expect(try money(123456, QuoteFixture.eur, "fr") == "1\(Self.nnbsp)234,56\(Self.nbsp)€")
        #expect(try money(-500, QuoteFixture.eur, "fr") == "-5,00\(Self.nbsp)€")
        #expect(try locale("fr").percent(Percent.parse("21")) == "21\(Self.nnbsp)%")
    }

    @Test("Spanish: 251,67 €, no separator below 10 000 (1234,56 €), then 12.345,67 €")
    func spanish() throws {
        #expect(try money(25167, QuoteFixture.eur, "es") == "251,67\(Self.nbsp)€")
        #expect(try money(123456, QuoteFixture.eur, "es") == "1234,56\(Self.nbsp)€")
        #expect(try money(1_234_567, QuoteFixture.eur, "es") == "12.345,67\(Self.nbsp)€")
    }

    @Test("English: €251.67, HK$750.00, Rs 29,500.00, $49.99, -$5.00")
    func english() throws {
        #expect(try money(25167, QuoteFixture.eur, "en") == "€251.67")
        #expect(try money(75000, QuoteFixture.hkd, "en") == "HK$750.00")
        #expect(try money(2_950_000, QuoteFixture.pkr, "en") == "Rs\(Self.nbsp)29,500.00")
        #expect(try money(4999, QuoteFixture.usd, "en") == "$49.99")
        #expect(try money(-500, QuoteFixture.usd, "en") == "-$5.00")
    }

    @Test("Traditional Chinese: HK$750.00, 2026年3月2日")
    func chinese() throws {
        #expect(try money(75000, QuoteFixture.hkd, "zh-Hant") == "HK$750.00")
        #expect(try locale("zh-Hant").date(CivilDate("2026-03-02")!) == "2026年3月2日")
    }

    @Test("dates: March 2, 2026 · 2 maart 2026 · 2 mars 2026 · 2 de marzo de 2026")
    func dates() throws {
        let date = CivilDate("2026-03-02")!
        #expect(try locale("en").date(date) == "March 2, 2026")
        #expect(try locale("nl").date(date) == "2 maart 2026")
        #expect(try locale("fr").date(date) == "2 mars 2026")
        #expect(try locale("es").date(date) == "2 de marzo de 2026")
    }

    @Test("rates keep their decimals in the language's notation: 8.875 % → 8,875 %")
    func rates() throws {
        #expect(try locale("en").percent(Percent.parse("8.875")) == "8.875%")
        #expect(try locale("nl").percent(Percent.parse("8.875")) == "8,875%")
    }

    @Test("a currency without a symbol label is an error naming the key")
    func unknownCurrency() throws {
        let chf = Currency(code: "CHF", minorUnits: 2)
        #expect(throws: RenderError.missingLabel(key: "currency.CHF", language: "nl")) {
            try locale("nl").money(Money(minorUnits: 100, currency: chf))
        }
    }

    @Test("a JPY amount has no decimals: ¥1,500")
    func noMinorUnits() throws {
        #expect(try money(1500, Currency(code: "JPY", minorUnits: 0), "en") == "¥1,500")
    }
}

@Suite("Plain-text layout: display width and wrapping")
struct TextLayoutTests {
    @Test("CJK characters are two columns wide, combining marks none")
    func width() {
        #expect(DisplayWidth.of("Xiaomi") == 6)
        #expect(DisplayWidth.of("小米手機") == 8)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("HK$4,200.00") == 11)
    }

    @Test("wrapping breaks at spaces, and between CJK characters, keeping closing punctuation attached")
    func wrapping() {
        #expect(
            TextWrap.lines("Liquid damage is not covered.", width: 14) == [
                "Liquid damage", "is not", "covered.",
            ])
        #expect(TextWrap.lines("香港不設增值稅。", width: 6) == ["香港不", "設增值", "稅。"])
        #expect(TextWrap.lines("Supercalifragilistic", width: 8) == ["Supercal", "ifragili", "stic"])
    }

    @Test("amounts are right-aligned in their column")
    func alignment() {
        #expect(DisplayWidth.padLeft("€9.50", to: 8) == "   €9.50")
        #expect(DisplayWidth.padRight("項目", to: 6) == "項目  ")
    }

    @Test("the IMEI is masked but for its last four digits")
    func maskedIMEI() throws {
        let text = try Support.render(QuoteFixture.nlOutOfWarranty, .text, language: "en")
        #expect(text.contains("•••••••••••7518"))
        #expect(!text.contains("490154203237518"))
    }

    @Test("a sample price list is flagged; a draft shows its draft label")
    func sampleAndDraft() throws {
        let text = try Support.render(QuoteFixture.nlOutOfWarranty, .text, language: "en")
        #expect(text.contains("SAMPLE PRICES"))
        #expect(text.contains("Quote number         draft"))
        var real = QuoteFixture.nlOutOfWarranty
        real.quote.sample = false
        #expect(try !Support.render(real, .text, language: "en").contains("SAMPLE PRICES"))
    }
}
