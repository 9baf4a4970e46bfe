import QuoteCore

/// Consumer totals of a repricing run per market and currency, summed exactly in minor units:
/// the quotes read, those the new list cannot price, and, over the quotes priced both ways, the
/// old and new totals, the difference and the difference in percent of the old total.
public struct RepriceSummary: Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public var market: String
        public var currency: Currency
        public static func < (a: Key, b: Key) -> Bool {
            (a.market, a.currency.code) < (b.market, b.currency.code)
        }
    }

    public struct Sums: Hashable, Sendable {
        public var quotes = 0
        public var unpriced = 0
        public var changedStatus = 0
        public var changedPayers = 0
        public var old: Int64 = 0
        public var new: Int64 = 0
    }

    public private(set) var groups: [Key: Sums] = [:]

    public init() {}

    public static let header = [
        "market", "currency", "quotes", "unpriced", "statusChanged", "payersChanged", "old", "new",
        "difference", "percent",
    ]

    public mutating func add(_ r: RepriceResult) {
        let key = Key(market: r.market, currency: r.currency)
        var sums = groups[key] ?? Sums()
        sums.quotes += 1
        switch r.new {
        case .success(let n):
            sums.old = sums.old.addingChecked(r.oldConsumer)
            sums.new = sums.new.addingChecked(n.consumer)
            if r.statusChanged { sums.changedStatus += 1 }
            if r.payersChanged { sums.changedPayers += 1 }
        case .failure:
            sums.unpriced += 1
        }
        groups[key] = sums
    }

    public mutating func merge(_ other: RepriceSummary) {
        for (key, s) in other.groups {
            var sums = groups[key] ?? Sums()
            sums.quotes += s.quotes
            sums.unpriced += s.unpriced
            sums.changedStatus += s.changedStatus
            sums.changedPayers += s.changedPayers
            sums.old = sums.old.addingChecked(s.old)
            sums.new = sums.new.addingChecked(s.new)
            groups[key] = sums
        }
    }

    /// One record per market and currency, sorted; amounts with all minor digits.
    public func records(_ format: CSVFormat = .standard) -> [[String]] {
        cells.map { $0.map { $0.csvField(format) } }
    }

    /// One row per market and currency, in the order of the CSV (`RepriceSummary.header`).
    public var cells: [[SpreadsheetCell]] {
        groups.keys.sorted().map { key in
            let s = groups[key]!
            return [
                .text(key.market), .text(key.currency.code), .integer(s.quotes), .integer(s.unpriced),
                .integer(s.changedStatus), .integer(s.changedPayers), .money(s.old, key.currency),
                .money(s.new, key.currency), .money(s.new.subtractingChecked(s.old), key.currency),
                s.percent.map(SpreadsheetCell.percent) ?? .empty,
            ]
        }
    }

    /// `NL EUR: 1520 quotes, 0 unpriced, 3 status changed, 1 payers changed: 20119.30 → 20311.30 (+192.00, +0.95%)`
    public var lines: [String] {
        groups.keys.sorted().map { key in
            let s = groups[key]!
            let scale = key.currency.minorUnits
            let difference = s.new.subtractingChecked(s.old)
            let delta = [(difference >= 0 ? "+" : "") + Decimals.format(difference, scale: scale), s.percent]
                .compactMap { $0 }.joined(separator: ", ")
            return "\(key.market) \(key.currency.code): \(s.quotes) quotes, \(s.unpriced) unpriced, "
                + "\(s.changedStatus) status changed, \(s.changedPayers) payers changed: "
                + "\(Decimals.format(s.old, scale: scale)) → \(Decimals.format(s.new, scale: scale)) (\(delta))"
        }
    }
}

extension RepriceSummary.Sums {
    /// The difference in percent of the old total, or nil when the old total is zero.
    public var percent: String? { PercentChange.text(Int128(new) - Int128(old), of: Int128(old)) }
}

extension Int64 {
    /// `+`, stopping the program on overflow rather than wrapping (sums of minor units never come near).
    func addingChecked(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        precondition(!overflow, "a total overflowed Int64 minor units")
        return sum
    }

    func subtractingChecked(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        precondition(!overflow, "a difference overflowed Int64 minor units")
        return difference
    }
}
