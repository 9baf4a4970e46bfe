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
        let quotient = numerator / denominator
        let remainder = (numerator % denominator).magnitude
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
        return numerator < 0 ? quotient - 1 : quotient + 1
    }
}
