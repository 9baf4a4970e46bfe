/// A length of time as the policies state it: "24 months", "15 days".
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable { case days, months }
    public let count: Int
    public let unit: Unit

    public init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    public static func months(_ n: Int) -> Period { Period(n, .months) }
    public static func days(_ n: Int) -> Period { Period(n, .days) }

    /// The last day covered by a period that starts with the event on `start` (G-4, EU Reg. 1182/71):
    /// the day of the event is not counted, and the period ends at the end of the day with the same
    /// date N days/months later, clamped to the month's end.
    ///
    /// 12 months from 2024-01-31 → 2025-01-31; 1 month from 2024-01-31 → 2024-02-29;
    /// 15 days from 2024-03-12 → 2024-03-27.
    public func lastDay(from start: CivilDate) -> CivilDate {
        switch unit {
        case .days: start.adding(days: count)
        case .months: start.adding(months: count)
        }
    }

    public var description: String {
        "\(count) \(count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue)"
    }
}
