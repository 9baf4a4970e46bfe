/// Every loaded version of every market. The version in force on a date is the one with the latest
/// `effectiveFrom` not after it (G-7).
public struct PriceListCatalog: Sendable {
    private var versions: [MarketCode: [PriceList]]

    /// Groups price lists by market, newest first. Two versions of one market with the same
    /// `effectiveFrom` or the same `version` are refused.
    public init(_ lists: [PriceList]) throws(ValidationError) {
        var byMarket: [MarketCode: [PriceList]] = [:]
        for list in lists { byMarket[list.settings.market, default: []].append(list) }
        for (market, lists) in byMarket {
            let sorted = lists.sorted { $0.settings.effectiveFrom > $1.settings.effectiveFrom }
            for (a, b) in zip(sorted, sorted.dropFirst())
            where a.settings.effectiveFrom == b.settings.effectiveFrom {
                throw ValidationError(
                    field: "\(market).effectiveFrom",
                    "two versions take effect on \(a.settings.effectiveFrom)")
            }
            if Set(sorted.map(\.settings.version)).count != sorted.count {
                throw ValidationError(field: "\(market).version", "a version is defined twice")
            }
            byMarket[market] = sorted
        }
        versions = byMarket
    }

    public var markets: [MarketCode] { versions.keys.sorted() }

    public func allVersions(of market: MarketCode) -> [PriceList] { versions[market] ?? [] }

    /// The version of `market` in force on `date`, or an error naming the field.
    public func priceList(for market: MarketCode, on date: CivilDate) throws(ValidationError) -> PriceList {
        guard let lists = versions[market] else {
            let known = markets.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(
                field: "market", "unknown market \"\(market)\" (price lists exist for: \(known))")
        }
        guard let list = lists.first(where: { $0.settings.effectiveFrom <= date }) else {
            throw ValidationError(
                field: "requestDate",
                "\(date) is before the first price list of \(market) (effective \(lists.last!.settings.effectiveFrom))"
            )
        }
        return list
    }

    /// A version by its name, for recomputing a stored quote (G-7).
    public func priceList(for market: MarketCode, version: String) throws(ValidationError) -> PriceList {
        guard let lists = versions[market] else {
            throw ValidationError(field: "market", "unknown market \"\(market)\"")
        }
        guard let list = lists.first(where: { $0.settings.version == version }) else {
            throw ValidationError(
                field: "priceListVersion", "unknown price-list version \"\(version)\" of \(market)")
        }
        return list
    }
}
