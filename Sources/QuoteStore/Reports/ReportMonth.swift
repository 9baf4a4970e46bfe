import QuoteCore

/// A calendar month, `YYYY-MM`: the unit of the finance reports' periods and rows.
public struct ReportMonth: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// `2026-03`; nil for anything else (a month outside 01–12, a year outside 1900–9999).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1900...9999).contains(year),
            (1...12).contains(month)
        else { return nil }
        self.year = year
        self.month = month
    }

    /// The month of a day.
    public init(_ date: CivilDate) {
        year = date.year
        month = date.month
    }

    /// Its first day.
    public var firstDay: CivilDate { CivilDate(year: year, month: month, day: 1)! }

    /// The month `count` months later (earlier when negative).
    public func adding(months count: Int) -> ReportMonth { ReportMonth(firstDay.adding(months: count)) }

    public var description: String { String(format: "%04d-%02d", year, month) }

    public static func < (a: ReportMonth, b: ReportMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
