/// Quotes issued in a month, by the state they are in on the report's day.
public struct ConversionRow: Sendable, Equatable {
    public var month: String
    public var issued = 0, accepted = 0, rejected = 0, expired = 0, void = 0, superseded = 0
    /// Undecided and still valid.
    public var open = 0

    /// What the acceptance rate is computed over: decided plus expired quotes.
    public var decidedOrExpired: Int { accepted + rejected + expired }

    /// Accepted quotes in per mille of ``decidedOrExpired``, rounded half up (3 accepted of
    /// 8 decided or expired → 375, shown 37.5 %); nil when none.
    public var acceptancePerMille: Int? {
        guard decidedOrExpired > 0 else { return nil }
        return (accepted * 2000 + decidedOrExpired) / (2 * decidedOrExpired)
    }
}

/// Whole days from issue to decision of the quotes issued in a month and decided through one
/// channel: how many, the median and the 90th percentile (nearest rank: the value at rank
/// ⌈p·n⌉ of the sorted days; of 1, 2, 2, 5, 9 the median is 2 and the 90th percentile 9).
public struct DecisionTimeRow: Sendable, Equatable {
    public var month: String
    /// `customer-link`, `retailer` or `staff`.
    public var channel: String
    public var decided: Int
    public var medianDays: Int
    public var p90Days: Int

    /// The rows of a histogram (month, channel, days, count), in its order (month, channel, days).
    static func rows(histogram: [[ReportStatement.Cell]]) -> [DecisionTimeRow] {
        var groups: [(key: [String], counts: [(days: Int, count: Int)])] = []
        for row in histogram {
            let key = [row[0].text, row[1].text]
            let entry = (days: Int(row[2].integer), count: Int(row[3].integer))
            if groups.last?.key == key {
                groups[groups.count - 1].counts.append(entry)
            } else {
                groups.append((key, [entry]))
            }
        }
        return groups.map { group in
            let total = group.counts.reduce(0) { $0 + $1.count }
            func percentile(_ percent: Int) -> Int {
                let rank = (percent * total + 99) / 100
                var seen = 0
                for entry in group.counts {
                    seen += entry.count
                    if seen >= rank { return entry.days }
                }
                return group.counts.last?.days ?? 0
            }
            return DecisionTimeRow(
                month: group.key[0], channel: group.key[1], decided: total, medianDays: percentile(50),
                p90Days: percentile(90))
        }
    }
}

/// The decided charges of one payer in one currency for the quotes issued in a month (exact minor
/// units; currencies are never added together).
public struct PayerChargeRow: Sendable, Equatable {
    public var month: String
    public var currency: String
    public var payer: String
    public var quotes: Int
    public var lines: Int
    public var net: Int64
    public var vat: Int64
    public var gross: Int64
}

/// What the manufacturer was charged for one model (or case kind) in one currency.
public struct TopCostRow: Sendable, Equatable {
    public var name: String
    public var currency: String
    public var quotes: Int
    public var net: Int64
    public var gross: Int64
}

/// What the top-10 report ranks.
public enum TopCostDimension: String, Sendable, CaseIterable {
    /// The device model.
    case model
    /// The case's kind (repair, DOA, …).
    case kind

    var column: String { self == .model ? "q.model" : "q.kind" }
}
