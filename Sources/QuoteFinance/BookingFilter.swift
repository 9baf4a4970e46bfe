import QuoteCore

/// The date that books a quote in a month (`--by`): the case's request date, the quote's issue
/// date, or the day the customer decided, in the market's time zone.
public enum BookingBasis: String, CaseIterable, Sendable {
    case request, issue, decision
}

/// `--by` with `--from` and `--to`: which date books a quote, and the inclusive range of that date
/// kept. A quote without that date (an undecided quote, by decision) is kept only when no range is
/// given; its summary row then has an empty month.
///
/// By decision from 2026-11-01 to 2026-11-30, a quote requested on 28 November and accepted on
/// 3 December (`decidedAt` `2026-12-03T10:15:00+01:00`) is left out; accepted on 30 November at
/// 23:30 in Amsterdam (22:30 UTC) it is kept.
public struct BookingFilter: Hashable, Sendable {
    public var basis: BookingBasis
    public var from: CivilDate?
    public var to: CivilDate?

    public init(basis: BookingBasis = .request, from: CivilDate? = nil, to: CivilDate? = nil) {
        self.basis = basis
        self.from = from
        self.to = to
    }

    /// The quote's date on the basis; nil when it has none.
    public func date(of quote: QuoteRows) -> CivilDate? {
        switch basis {
        case .request: quote.requestDate
        case .issue: quote.issueDate
        case .decision: quote.decisionDate
        }
    }

    /// Whether the quote's date lies in the range (always, without one).
    public func keeps(_ date: CivilDate?) -> Bool {
        guard from != nil || to != nil else { return true }
        guard let date else { return false }
        return (from.map { date >= $0 } ?? true) && (to.map { date <= $0 } ?? true)
    }
}
