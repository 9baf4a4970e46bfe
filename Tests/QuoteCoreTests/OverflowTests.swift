import PropertyBased
import QuoteJSON
import Testing

@testable import QuoteCore

/// Issue 13.1: every decimal is parsed with checked arithmetic and a stated range, and pricing
/// never traps on overflow.
@Suite("large numbers: refused with their field, never a trap")
struct OverflowTests {
    let eur = Currency(code: "EUR", minorUnits: 2)

    @Test("15 whole digits at scale 4 do not fit in Int64: tooLarge, not a trap")
    func decimalsParseChecked() throws {
        #expect(throws: Decimals.ParseError.tooLarge("922337203685478")) {
            try Decimals.parse("922337203685478", scale: 4)
        }
        #expect(try Decimals.parse("922337203685477", scale: 4) == 9_223_372_036_854_770_000)
        #expect(try Decimals.parse("922337203685477.5807", scale: 4) == Int64.max)
        #expect(throws: Decimals.ParseError.tooLarge("922337203685477.5808")) {
            try Decimals.parse("922337203685477.5808", scale: 4)
        }
    }

    @Test("rates are 0 to below 100; a rate too large for any integer is out of range too")
    func percentRange() throws {
        #expect(try Percent.parse("99.9999").tenThousandths == 999_999)
        for text in ["100", "922337203685478", "999999999999999"] {
            #expect(throws: Decimals.ParseError.outOfRange(text, range: "0 to below 100")) {
                try Percent.parse(text)
            }
        }
    }

    @Test("amounts a case states: 0 to 999,999,999,999.99 at every scale")
    func amountRange() throws {
        #expect(try Decimals.parseAmount("999999999999.99", scale: 2) == 99_999_999_999_999)
        #expect(try Decimals.parseAmount("999999999999.99", scale: 4) == 9_999_999_999_999_900)
        #expect(try Decimals.parseAmount("999999999999", scale: 0) == 999_999_999_999)
        for (text, scale) in [("1000000000000", 2), ("999999999999.991", 4), ("922337203685477", 4)] {
            #expect(throws: Decimals.ParseError.outOfRange(text, range: "0 to 999999999999.99")) {
                try Decimals.parseAmount(text, scale: scale)
            }
        }
    }

    @Test("tax at double width equals the single-width result wherever that one does not overflow")
    func wideTaxMatches() async {
        await propertyCheck(
            input: Gen.int64(in: -4_000_000_000_000...4_000_000_000_000), Gen.int64(in: 0...999_999)
        ) { amount, rate in
            for mode in RoundingMode.allCases {
                #expect(
                    mode.divide(amount, times: rate, by: 1_000_000)
                        == mode.divide(amount * rate, by: 1_000_000))
                #expect(
                    mode.divide(amount, times: rate, by: 1_000_000 + rate)
                        == mode.divide(amount * rate, by: 1_000_000 + rate))
            }
        }
    }

    @Test("the largest line amount is priced exactly; one step past Int64 is an error naming the field")
    func pricingAtTheBound() throws {
        let rate = try Percent.parse("99.9999")
        let pricer = LinePricer(
            currency: eur, rate: rate, pricesIncludeVAT: true, vatRounding: .document, mode: .halfUp)
        // Prices include VAT: net + VAT = the amount, so Int64.max itself is a valid gross.
        let line = try pricer.price([
            DraftLine(
                kind: .part, description: "x", quantity: 1,
                unitPrice: Money(minorUnits: Int64.max, currency: eur), payer: .consumer)
        ])[0]
        #expect(line.gross.minorUnits == Int64.max)
        #expect(line.net.minorUnits + line.vat.minorUnits == Int64.max)
        // The VAT of the largest amount at the largest rate: 9223372036854775807 × 999999 / 1999999.
        #expect(line.vat.minorUnits == 4_611_683_712_583_225_768)
        let exclusive = LinePricer(
            currency: eur, rate: rate, pricesIncludeVAT: false, vatRounding: .line, mode: .halfUp)
        // Net plus 99.9999 % VAT fits while net ≤ Int64.max / 1.999999.
        let largest: Int64 = 4_611_688_324_271_550_039
        #expect(
            try exclusive.price([
                DraftLine(
                    kind: .part, description: "x", quantity: 1,
                    unitPrice: Money(minorUnits: largest, currency: eur), payer: .consumer)
            ])[0].gross.minorUnits > largest)
        for (unit, quantity) in [(largest + 1, 1), (Int64.max / 2 + 1, 2)] {
            #expect(throws: ValidationError(field: "repair.parts", "the amount of \"x\" is too large")) {
                try exclusive.price([
                    DraftLine(
                        kind: .part, description: "x", quantity: quantity,
                        unitPrice: Money(minorUnits: unit, currency: eur), payer: .consumer)
                ])
            }
        }
        #expect(throws: ValidationError(field: "purchase.amounts.price", "the amount of \"r\" is too large"))
        {
            try exclusive.price([
                DraftLine(
                    kind: .refund, description: "r", quantity: 2,
                    unitPrice: Money(minorUnits: Int64.min / 2 - 1, currency: eur),
                    payer: .consumer,
                    reference: "price", fromPriceList: false)
            ])
        }
    }

    @Test("totals that overflow are a typed error, not a trap")
    func totalsChecked() throws {
        let big = ChargeLine(
            kind: .part, description: "x", quantity: 1,
            unitPrice: Money(minorUnits: Int64.max, currency: eur),
            net: Money(minorUnits: Int64.max, currency: eur), vatRate: .zero, vat: .zero(eur),
            gross: Money(minorUnits: Int64.max, currency: eur), payer: .consumer)
        #expect(throws: MoneyError.overflow) { try Totals(lines: [big, big], currency: eur) }
        #expect(try Totals(lines: [big], currency: eur).consumer.gross.minorUnits == Int64.max)
    }
}

/// Issue 13.4: no free text of a case holds CR, LF, NUL or a text-direction control.
@Suite("free-text fields refuse control characters")
struct FreeTextTests {
    @Test(
        "model, fault, serial, names, SKUs and history texts: CR/LF, NUL and bidi controls are refused",
        arguments: [
            ("\"model\": \"Xiaomi 12 Pro\"", "device.model"),
            ("\"fault\": \"no power\"", "fault"),
            ("\"name\": \"Ayesha Khan\"", "customer.name"),
            ("\"sku\": \"X12P-BATTERY\"", "repair.parts[0].sku"),
        ])
    func refused(original: String, field: String) throws {
        let text = try String(
            contentsOf: Fixtures.examples.appendingPathComponent("pk-free-labor.json"), encoding: .utf8)
        // Escaped, and raw in the UTF-8 (DEL, a C1 control, a bidi override): the parser's plain-
        // ASCII fast path must not let a raw one through.
        for bad in [
            "\\r\\nRCPT TO:<x@y.example>", "\\u0000", "\\u202e", "\\u2066", "\\u0085", "\u{7F}", "\u{85}",
            "\u{202E}", "\u{2069}",
        ] {
            let mutated = text.replacingOccurrences(
                of: original, with: String(original.dropLast()) + bad + "\"")
            #expect(mutated != text)
            #expect(throws: ValidationError(field: field, "contains a control or text-direction character")) {
                try CaseDecoder.decode(mutated, today: { _ in Fixtures.today })
            }
        }
    }

    @Test("a serial with a line break is refused; one longer than 1000 bytes too")
    func serial() throws {
        let text = try String(
            contentsOf: Fixtures.examples.appendingPathComponent("pk-free-labor.json"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: "\"serial\": null", with: "\"serial\": \"SNX\\n124707\"")
        #expect(
            throws: ValidationError(field: "device.serial", "contains a control or text-direction character")
        ) {
            try CaseDecoder.decode(broken, today: { _ in Fixtures.today })
        }
        let long = text.replacingOccurrences(
            of: "\"serial\": null", with: "\"serial\": \"" + String(repeating: "S", count: 1001) + "\"")
        #expect(throws: ValidationError(field: "device.serial", "is longer than 1000 bytes")) {
            try CaseDecoder.decode(long, today: { _ in Fixtures.today })
        }
    }

    @Test("an error message quoting the input is one line: controls are written as escapes")
    func escapedMessages() {
        let error = ValidationError(field: "device.screenInches", "\"nl\r\nX\u{202E}\" is not a size")
        #expect(error.description == "device.screenInches: \"nl\\r\\nX\\u{202E}\" is not a size")
    }
}
