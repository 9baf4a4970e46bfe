import Foundation
import QuoteCore

/// `prices diff OLD NEW`: every added, removed and changed part, labour code, logistics and other
/// fee, market setting and policy value between two version folders of a price list.
public enum PriceListDiff {
    /// The changes from OLD to NEW, and where each side's general rules came from.
    public struct Comparison: Sendable {
        public let changes: [PriceChange]
        /// OLD's, then NEW's.
        public let generalRules: [GeneralRulesSource]
        /// OLD's and NEW's market settings (their market and currency).
        public var markets: (old: MarketSettings, new: MarketSettings)? = nil

        /// A warning when OLD and NEW are two markets: their amounts are in different currencies
        /// (or the same currency of two markets) and the differences are not a price change.
        /// `OLD is NL (EUR), NEW is US (USD): two markets; the differences are not a price change`.
        public var marketWarning: String? {
            guard let markets, markets.old.market != markets.new.market else { return nil }
            let (a, b) = markets
            let currencies =
                a.currency.code == b.currency.code
                ? "both in \(a.currency.code)"
                : "amounts in \(a.currency.code) and \(b.currency.code) are compared as numbers"
            return
                "OLD is \(a.market) (\(a.currency.code)), NEW is \(b.market) (\(b.currency.code)): two markets, "
                + "\(currencies); the differences are not a price change"
        }
    }

    /// Loads both folders (each validated as loading does) and compares their own files. A folder
    /// outside a price-list tree takes the general rules from `priceLists`, the other side's tree or
    /// `defaultPriceLists` (`GeneralRulesSource.resolve`).
    public static func compare(
        old: String, new: String, priceLists: String? = nil, defaultPriceLists: String? = nil
    ) throws(PriceListError) -> Comparison {
        let sources = [
            try GeneralRulesSource.resolve(
                side: old, other: new, priceLists: priceLists, defaultPriceLists: defaultPriceLists),
            try GeneralRulesSource.resolve(
                side: new, other: old, priceLists: priceLists, defaultPriceLists: defaultPriceLists),
        ]
        let (a, b) = (
            try PriceListLoader.loadVersion(folder: old, generalFolder: sources[0].folder),
            try PriceListLoader.loadVersion(folder: new, generalFolder: sources[1].folder)
        )
        let oldPolicy = try PolicyValues.flatten(PriceListLoader.path(old, PriceListLoader.policyFile))
        let newPolicy = try PolicyValues.flatten(PriceListLoader.path(new, PriceListLoader.policyFile))
        let changes =
            parts(a, b) + labor(a, b) + fees(a.settings, b.settings) + settings(a.settings, b.settings)
            + values(section: "policy", oldPolicy, newPolicy)
        return Comparison(changes: changes, generalRules: sources, markets: (a.settings, b.settings))
    }

    static func parts(_ a: PriceList, _ b: PriceList) -> [PriceChange] {
        Set(a.parts.keys).union(b.parts.keys).sorted().flatMap { sku -> [PriceChange] in
            let (o, n) = (a.parts[sku], b.parts[sku])
            guard let o, let n else {
                return [PriceChange.amount(section: "part", key: sku, old: o?.price, new: n?.price)]
                    .compactMap { $0 }
            }
            let models = { (p: Part) in p.models.map { $0.sorted().joined(separator: ";") } ?? "*" }
            return [PriceChange.amount(section: "part", key: sku, field: "price", old: o.price, new: n.price)]
                .compactMap { $0 }
                + text(section: "part", key: sku, field: "description", o.description, n.description)
                + text(section: "part", key: sku, field: "category", o.category.rawValue, n.category.rawValue)
                + text(section: "part", key: sku, field: "models", models(o), models(n))
        }
    }

    static func labor(_ a: PriceList, _ b: PriceList) -> [PriceChange] {
        let keys = Set(a.labor.keys).union(b.labor.keys).sorted {
            ($0.category.rawValue, $0.code) < ($1.category.rawValue, $1.code)
        }
        return keys.flatMap { key -> [PriceChange] in
            let (o, n) = (a.labor[key], b.labor[key])
            let name = "\(key.category.rawValue) \(key.code)"
            guard let o, let n else {
                return [PriceChange.amount(section: "labor", key: name, old: o?.price, new: n?.price)]
                    .compactMap { $0 }
            }
            return [
                PriceChange.amount(section: "labor", key: name, field: "price", old: o.price, new: n.price)
            ]
            .compactMap { $0 }
                + text(section: "labor", key: name, field: "description", o.description, n.description)
        }
    }

    /// Logistics per device category (and its default), then handling and the other flat fees.
    static func fees(_ a: MarketSettings, _ b: MarketSettings) -> [PriceChange] {
        let categories = Set(a.fees.logisticsByCategory.keys).union(b.fees.logisticsByCategory.keys)
            .sorted { $0.rawValue < $1.rawValue }
        var changes = [
            PriceChange.amount(
                section: "logistics", key: "default", old: a.fees.logisticsDefault,
                new: b.fees.logisticsDefault)
        ]
        changes += categories.map {
            PriceChange.amount(
                section: "logistics", key: $0.rawValue, old: a.fees.logisticsByCategory[$0],
                new: b.fees.logisticsByCategory[$0])
        }
        let flat: [(String, KeyPath<MarketSettings.Fees, Money>)] = [
            ("handling", \.handling), ("inspection", \.inspection), ("screening", \.screening),
            ("travel", \.travel), ("call", \.call), ("emptyBox", \.emptyBox),
        ]
        changes += flat.map {
            PriceChange.amount(
                section: "fee", key: $0.0, old: a.fees[keyPath: $0.1], new: b.fees[keyPath: $0.1])
        }
        return changes.compactMap { $0 }
    }

    /// The settings of `market.yaml` other than fees.
    static func settings(_ a: MarketSettings, _ b: MarketSettings) -> [PriceChange] {
        func flat(_ s: MarketSettings) -> [String: String] {
            [
                "market": s.market.rawValue, "currency": s.currency.code, "language": s.language,
                "timeZone": s.timeZone, "version": s.version, "effectiveFrom": "\(s.effectiveFrom)",
                "sample": "\(s.sample)", "vatRate": s.vatRate.text,
                "pricesIncludeVAT": "\(s.pricesIncludeVAT)",
                "vatRounding": s.vatRounding.rawValue, "roundingMode": s.roundingMode.rawValue,
                "quoteValidityDays": "\(s.quoteValidityDays)", "turnaroundDays": "\(s.turnaroundDays)",
                "reminderDaysBeforeExpiry": "\(s.reminderDaysBeforeExpiry)",
            ]
        }
        return values(section: "setting", flat(a), flat(b))
    }

    /// Added, removed and changed values of two flat tables, by key.
    static func values(section: String, _ a: [String: String], _ b: [String: String]) -> [PriceChange] {
        Set(a.keys).union(b.keys).sorted().compactMap { key in
            switch (a[key], b[key]) {
            case (let o?, nil): PriceChange(section: section, key: key, kind: .removed, old: o, new: nil)
            case (nil, let n?): PriceChange(section: section, key: key, kind: .added, old: nil, new: n)
            case (let o?, let n?) where o != n:
                PriceChange(section: section, key: key, kind: .changed, old: o, new: n)
            default: nil
            }
        }
    }

    static func text(section: String, key: String, field: String, _ o: String, _ n: String) -> [PriceChange] {
        o == n ? [] : [PriceChange(section: section, key: key, field: field, kind: .changed, old: o, new: n)]
    }
}
