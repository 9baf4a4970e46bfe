/// A tax rate in percent, exact to four decimals: "21", "17", "8.875".
public struct Percent: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The rate times 10^4: 21% is 210000.
    public let tenThousandths: Int64

    public static let scale = 4
    public static let zero = Percent(tenThousandths: 0)

    public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }

    /// The stated range of a rate, for error messages.
    public static let rangeText = "0 to below 100"

    /// Parses "21" or "8.875"; refuses negative rates and rates of 100 or more (`outOfRange`), even
    /// ones too large for any integer ("922337203685478").
    public static func parse(_ text: String) throws(Decimals.ParseError) -> Percent {
        let value: Int64
        do {
            value = try Decimals.parse(text, scale: scale, allowNegative: false)
        } catch .tooLarge {
            throw .outOfRange(text, range: rangeText)
        }
        guard value < 100 * Decimals.pow10(scale) else { throw .outOfRange(text, range: rangeText) }
        return Percent(tenThousandths: value)
    }

    /// "21", "8.875": the shortest exact text.
    public var text: String { Decimals.formatTrimmed(tenThousandths, scale: Percent.scale) }
    public var description: String { "\(text)%" }
    public var isZero: Bool { tenThousandths == 0 }

    public static func < (lhs: Percent, rhs: Percent) -> Bool { lhs.tenThousandths < rhs.tenThousandths }

    /// The tax on a net amount, rounded once with `mode`.
    ///
    /// 21% of € 39.00: 3900 × 210000 / 1000000 = 819 → € 8.19.
    /// 21% of € 0.50: 50 × 210000 / 1000000 = 10.5 → 11 (half-up) or 10 (half-even).
    ///
    /// The product is taken at double width, so no amount overflows: the tax is always smaller
    /// than the net, as the rate is below 100 %.
    public func tax(onNet net: Int64, rounding mode: RoundingMode) -> Int64 {
        mode.divide(net, times: tenThousandths, by: 100 * Decimals.pow10(Percent.scale))
    }

    /// The tax contained in a gross (tax-inclusive) amount: gross × r / (100 + r), rounded once.
    ///
    /// 21% inside € 121.00: 12100 × 21 / 121 = 2100 → € 21.00.
    public func tax(inGross gross: Int64, rounding mode: RoundingMode) -> Int64 {
        mode.divide(gross, times: tenThousandths, by: 100 * Decimals.pow10(Percent.scale) + tenThousandths)
    }
}
