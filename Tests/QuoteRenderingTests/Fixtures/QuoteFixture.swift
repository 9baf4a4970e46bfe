import Foundation
import QuoteCore

/// Hand-built quotes for rendering tests, in the shape the engine produces (contract §2). Each
/// line is priced here with exact minor units: net = unit × quantity, VAT = net × rate rounded
/// half-up, gross = net + VAT; totals come from `Totals(lines:currency:)` (small sums: never overflow).
struct QuoteFixture {
    var name: String
    var quote: Quote
    var serviceCase: ServiceCase
    var marketLanguage: String
    /// The languages its snapshots are recorded in.
    var languages: [String]

    static let eur = Currency(code: "EUR", minorUnits: 2)
    static let usd = Currency(code: "USD", minorUnits: 2)
    static let hkd = Currency(code: "HKD", minorUnits: 2)
    static let pkr = Currency(code: "PKR", minorUnits: 2)

    static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    /// A priced line: `line(.labor, "Repair level 2", "39.00", payer: .consumer, vat: "21")` has
    /// net € 39.00, VAT € 8.19, gross € 47.19.
    static func line(
        _ kind: LineKind, _ description: String, _ unit: String, quantity: Int = 1, payer: Payer,
        vat: String = "0",
        currency: Currency, rule: RuleID? = nil, reference: String? = nil
    ) -> ChargeLine {
        let unitPrice = try! Money.parse(unit, currency: currency)
        let rate = payer == .consumer && kind != .refund ? try! Percent.parse(vat) : .zero
        let net = unitPrice.minorUnits * Int64(quantity)
        let tax = rate.tax(onNet: net, rounding: .halfUp)
        return ChargeLine(
            kind: kind, description: description, quantity: quantity, unitPrice: unitPrice,
            net: Money(minorUnits: net, currency: currency), vatRate: rate,
            vat: Money(minorUnits: tax, currency: currency),
            gross: Money(minorUnits: net + tax, currency: currency), payer: payer, rule: rule,
            reference: reference)
    }

    static func settings(vat: String) -> Quote.AppliedSettings {
        Quote.AppliedSettings(
            vatRate: try! Percent.parse(vat), pricesIncludeVAT: false, vatRounding: .line,
            roundingMode: .halfUp)
    }

    /// A quote issued on `issued`, valid 14 days, done in 5.
    static func quote(
        market: String, currency: Currency, vat: String, issued: String, coverage: Coverage,
        lines: [ChargeLine],
        ifRejected: [ChargeLine]? = nil, number: String? = nil, sample: Bool = true
    ) -> Quote {
        let issue = date(issued)
        return Quote(
            number: number, market: MarketCode(market), currency: currency, priceListVersion: "2026.1",
            settings: settings(vat: vat), issueDate: issue, validUntil: issue.adding(days: 14),
            expectedCompletion: issue.adding(days: 5), coverage: coverage, lines: lines,
            totals: try! Totals(lines: lines, currency: currency),
            ifRejected: ifRejected.map {
                Quote.Alternative(lines: $0, totals: try! Totals(lines: $0, currency: currency))
            },
            sample: sample)
    }

    /// The rules as the engine cites them: with the sentences of the market's shipped policy, in
    /// English and in each of the market's other languages.
    static func cited(_ market: String, _ ids: RuleID...) -> [Coverage.CitedRule] {
        let policy = try! Support.priceLists.priceList(for: MarketCode(market), version: "2026.1").policy
        return ids.map(policy.cite)
    }

    static func serviceCase(
        market: String, requested: String, kind: CaseKind = .repair, customer: ServiceCase.Customer,
        device: ServiceCase.Device, bought: String, channel: Channel = .miCom, fault: String? = nil
    ) -> ServiceCase {
        ServiceCase(
            market: MarketCode(market), requestDate: date(requested), kind: kind, serviceMode: .mailIn,
            customer: customer, device: device, item: .mainDevice,
            purchase: ServiceCase.Purchase(date: date(bought), channel: channel), fault: fault)
    }
}
