/// How a fraction of a minor unit is rounded (G-2). Always named, never implied.
public enum RoundingMode: String, Sendable, CaseIterable {
    /// Halves round away from zero: 0.125 → 0.13, -0.125 → -0.13 (commercial rounding, symmetric so
    /// that a waiver exactly cancels the line it waives).
    case halfUp = "half-up"
    /// Halves round to the even neighbour: 0.125 → 0.12, 0.135 → 0.14 (banker's rounding).
    case halfEven = "half-even"

    /// Divides `numerator` by a positive `denominator`, rounding the quotient with this mode.
    ///
    /// `RoundingMode.halfUp.divide(1025, by: 10) == 103`; `.halfEven.divide(1025, by: 10) == 102`.
    public func divide(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator > 0, "rounding needs a positive denominator")
        return rounded(
            quotient: numerator / denominator, remainder: numerator % denominator, negative: numerator < 0,
            denominator: denominator)
    }

    /// `value × factor / denominator`, rounded with this mode, with the product taken at double
    /// width so that it cannot overflow. `factor` must be smaller than `denominator` (a rate below
    /// 100 %), so the quotient always fits.
    ///
    /// `RoundingMode.halfUp.divide(50, times: 210_000, by: 1_000_000) == 11` (21 % of 0.50).
    public func divide(_ value: Int64, times factor: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator > 0 && (0..<denominator).contains(factor), "a factor below the denominator")
        // Nearly always the product fits in 64 bits: the same division, without the wide one.
        let (narrow, overflow) = value.multipliedReportingOverflow(by: factor)
        if !overflow { return divide(narrow, by: denominator) }
        let product = value.multipliedFullWidth(by: factor)
        let (quotient, remainder) = denominator.dividingFullWidth(product)
        return rounded(
            quotient: quotient, remainder: remainder, negative: product.high < 0, denominator: denominator)
    }

    /// Rounds a truncated quotient by its remainder (which has the sign of the dividend).
    private func rounded(quotient: Int64, remainder: Int64, negative: Bool, denominator: Int64) -> Int64 {
        let remainder = remainder.magnitude
        let twice = remainder * 2
        let denominatorMagnitude = denominator.magnitude
        let awayFromZero: Bool
        if twice > denominatorMagnitude {
            awayFromZero = true
        } else if twice < denominatorMagnitude {
            awayFromZero = false
        } else {
            switch self {
            case .halfUp: awayFromZero = true
            case .halfEven: awayFromZero = quotient % 2 != 0
            }
        }
        guard awayFromZero else { return quotient }
        return negative ? quotient - 1 : quotient + 1
    }
}
