import Foundation
import QuoteCore

extension MarketSettings {
    static let keys: Set<String> = [
        "market", "currency", "currencyMinorUnits", "language", "version", "effectiveFrom", "sample",
        "vatRate",
        "pricesIncludeVAT", "vatRounding", "roundingMode", "quoteValidityDays", "turnaroundDays", "fees",
        "timeZone", "languages", "paper", "attachPDF", "serviceCenter", "reminderDaysBeforeExpiry",
    ]

    /// Reads `market.yaml` (contract §3).
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(Self.keys)
        let code = try r.requiredString("currency")
        guard Currency.isValidCode(code) else {
            throw r.fail(
                "\"\(code)\" is not a three-letter currency code", key: "currency", at: r.value("currency"))
        }
        let currency: Currency
        if let minor = try r.int("currencyMinorUnits", in: 0...4) {
            currency = Currency(code: code, minorUnits: minor)
        } else if let known = Currency.known[code] {
            currency = known
        } else {
            throw r.fail(
                "unknown currency \"\(code)\"; give its minor units in currencyMinorUnits", key: "currency",
                at: r.value("currency"))
        }
        let vatText = try r.requiredString("vatRate")
        let vatRate: Percent
        do {
            vatRate = try Percent.parse(vatText)
        } catch {
            throw r.fail(
                "\(error) (expected a percent such as \"21\")", key: "vatRate", at: r.value("vatRate"))
        }
        let version = try r.requiredString("version")
        guard version.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else {
            throw r.fail("\"\(version)\" may hold letters, digits, '.' and '-' only", key: "version")
        }
        self.init(
            market: MarketCode(try r.requiredString("market")), currency: currency,
            language: try r.requiredString("language"), version: version,
            effectiveFrom: try r.requiredDate("effectiveFrom"), sample: try r.bool("sample", default: false),
            vatRate: vatRate, pricesIncludeVAT: try r.bool("pricesIncludeVAT"),
            vatRounding: try r.requiredEnum("vatRounding", VATRounding.self),
            roundingMode: try r.requiredEnum("roundingMode", RoundingMode.self),
            quoteValidityDays: try r.requiredInt("quoteValidityDays", in: 1...365),
            turnaroundDays: try r.requiredInt("turnaroundDays", in: 0...365),
            fees: try Fees(yaml: try r.requiredChild("fees"), currency: currency),
            timeZone: try Self.timeZone(r), languages: try Self.languages(r),
            paper: try r.enumValue("paper", PaperSize.self) ?? .a4,
            attachPDF: try r.bool("attachPDF", default: true),
            serviceCenter: try r.section("serviceCenter", ServiceCenter.init(yaml:)))
        reminderDaysBeforeExpiry = try Self.reminderDays(r, validity: quoteValidityDays)
    }
}

extension MarketSettings {
    /// `languages: [nl, fr, en]`: must hold the market's `language`; English is added when absent.
    static func languages(_ r: YAMLReader) throws(PriceListError) -> [String]? {
        guard r.value("languages") != nil else { return nil }
        let languages = try r.strings("languages")
        let language = try r.requiredString("language")
        guard languages.contains(language) else {
            throw r.fail(
                "must include the market's language \"\(language)\"", key: "languages",
                at: r.value("languages"))
        }
        return languages
    }

    /// `reminderDaysBeforeExpiry`: 0 (none) up to one day less than `quoteValidityDays`, so a
    /// reminder never goes out on the day of issue.
    static func reminderDays(_ r: YAMLReader, validity: Int) throws(PriceListError) -> Int {
        guard let days = try r.int("reminderDaysBeforeExpiry", in: 0...365) else { return 0 }
        guard days < validity else {
            let market = (try? r.string("market")) ?? nil
            throw r.fail(
                "\(days) days must be fewer than the quoteValidityDays (\(validity)) of market \(market ?? "?")",
                key: "reminderDaysBeforeExpiry", at: r.value("reminderDaysBeforeExpiry"))
        }
        return days
    }

    /// `timeZone`: an IANA name the system knows ("Europe/Amsterdam"); UTC when absent.
    static func timeZone(_ r: YAMLReader) throws(PriceListError) -> String {
        guard let name = try r.string("timeZone") else { return "UTC" }
        guard TimeZone(identifier: name) != nil else {
            throw r.fail(
                "\"\(name)\" is not a time zone (an IANA name such as Europe/Amsterdam)", key: "timeZone",
                at: r.value("timeZone"))
        }
        return name
    }
}

extension MarketSettings.Fees {
    init(yaml r: YAMLReader, currency: Currency) throws(PriceListError) {
        try r.rejectUnknownKeys([
            "logistics", "handling", "inspection", "screening", "travel", "call", "emptyBox",
        ])
        let logistics = try r.requiredChild("logistics")
        var byCategory: [DeviceCategory: Money] = [:]
        for key in logistics.keys where key != "default" {
            let category = try logistics.parseEnum(
                key, DeviceCategory.self, key: key, at: logistics.value(key))
            byCategory[category] = try logistics.money(key, currency: currency)
        }
        self.init(
            logisticsDefault: try logistics.money("default", currency: currency),
            logisticsByCategory: byCategory,
            handling: try r.money("handling", currency: currency),
            inspection: try r.money("inspection", currency: currency),
            screening: try r.money("screening", currency: currency),
            travel: try r.money("travel", currency: currency),
            call: try r.money("call", currency: currency),
            emptyBox: try r.money("emptyBox", currency: currency))
    }
}
