/// A change as a percentage of the old amount, computed exactly in integers: 2 decimals, rounded
/// half away from zero, with its sign. 500 of 15990 minor units → `+3.13%` (3.1269…);
/// −125 of 1000 → `-12.50%`; 1 of 3 → `+33.33%`; 1 of 8 → `+12.50%`; 1 of 80000 → `0.00%`
/// (0.00125, below the half). Nil when the old amount is zero: no percentage of nothing.
public enum PercentChange {
    public static func text(_ difference: Int128, of old: Int128) -> String? {
        guard old != 0 else { return nil }
        let numerator = difference * 10_000
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: old)
        var hundredths = quotient
        if remainder.magnitude * 2 >= old.magnitude { hundredths += (numerator < 0) != (old < 0) ? -1 : 1 }
        let sign = hundredths > 0 ? "+" : hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
