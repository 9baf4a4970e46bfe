import Foundation

extension PriceListCatalog {
    /// Today's date in the market's time zone (`timeZone` of its `market.yaml`): the request date of
    /// a case that gives none. UTC for a market without price lists.
    public func today(in market: MarketCode) -> CivilDate {
        let zone = allVersions(of: market).first.flatMap { TimeZone(identifier: $0.settings.timeZone) }
        return CivilDate.today(in: zone ?? TimeZone(identifier: "UTC")!)
    }
}

extension PriceListCatalog {
    /// The language of the price list a quote was computed with ("en" if that version is unknown).
    public func language(of quote: Quote) -> String {
        (try? priceList(for: quote.market, version: quote.priceListVersion).settings.language) ?? "en"
    }
}

extension CivilDate {
    /// The calendar date now in `zone`.
    public static func today(in zone: TimeZone) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
