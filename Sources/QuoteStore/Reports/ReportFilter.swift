import QuoteCore

/// Which quotes a finance report counts: issued in the months `from` through `to` (by issue
/// date), and, when given, of one market, currency, issuer (a retailer's own) and model family.
/// `today` decides which undecided quotes have expired.
public struct ReportFilter: Sendable, Equatable {
    public var from: ReportMonth
    public var to: ReportMonth
    public var market: String?
    public var currency: String?
    public var issuer: String?
    public var modelFamily: String?
    public var today: CivilDate

    /// The default period is the last 12 months, the month of `today` included.
    public init(
        today: CivilDate, from: ReportMonth? = nil, to: ReportMonth? = nil, market: String? = nil,
        currency: String? = nil, issuer: String? = nil, modelFamily: String? = nil
    ) {
        let last = to ?? ReportMonth(today)
        self.to = last
        self.from = from ?? last.adding(months: -11)
        self.market = market
        self.currency = currency
        self.issuer = issuer
        self.modelFamily = modelFamily
        self.today = today
    }
}
