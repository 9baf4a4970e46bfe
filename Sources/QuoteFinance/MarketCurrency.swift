import QuoteCore

/// A market and its currency: the key the finance summaries group by, sorted by market code.
public struct MarketCurrency: Hashable, Sendable, Comparable {
    public var market: String
    public var currency: Currency

    public init(market: String, currency: Currency) {
        self.market = market
        self.currency = currency
    }

    public static func < (a: MarketCurrency, b: MarketCurrency) -> Bool {
        (a.market, a.currency.code) < (b.market, b.currency.code)
    }
}
