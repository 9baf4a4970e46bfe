/// Exact decimal text ⇄ scaled integers. No floating point anywhere (G-1).
public enum Decimals {
    /// 10^n for small n.
    public static func pow10(_ n: Int) -> Int64 {
        var r: Int64 = 1
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// The largest amount a case may state: 999,999,999,999.99 (twelve whole digits). Amounts are
    /// parsed at any scale up to 6, so the largest scaled value, 999,999,999,999.999999 × 10^6, is
    /// far inside Int64 and every sum of a quote's few lines stays exact.
    public static let maxAmountWholeDigits = 12

    /// Why a decimal text was refused.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case tooManyDecimals(String, allowed: Int)
        case tooLarge(String)
        /// Outside the range the field allows, stated in the message ("0 to 999999999999.99").
        case outOfRange(String, range: String)

        public var description: String {
            switch self {
            case .malformed(let text):
                "\"\(text)\" is not a decimal number (expected digits with an optional '.' and decimals, e.g. \"12.50\")"
            case .tooManyDecimals(let text, let allowed):
                "\"\(text)\" has more than \(allowed) decimal\(allowed == 1 ? "" : "s")"
            case .tooLarge(let text): "\"\(text)\" is too large"
            case .outOfRange(let text, let range): "\"\(text)\" is out of range (\(range))"
            }
        }
    }

    /// Parses `-?[0-9]+(\.[0-9]{1,scale})?` into an integer scaled by 10^scale.
    ///
    /// `parse("12.5", scale: 2) == 1250`; "12abc", "1,5", "1.2.3", ".5", "5.", "+1", " 1" are refused.
    /// Every step is checked: a value that does not fit in Int64 at `scale` is `tooLarge`, never a trap.
    public static func parse(_ text: String, scale: Int, allowNegative: Bool = true) throws(ParseError)
        -> Int64
    {
        guard (0...18).contains(scale) else { throw .tooLarge(text) }
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if utf8.first == UInt8(ascii: "-") {
            guard allowNegative else { throw .malformed(text) }
            negative = true
            utf8 = utf8.dropFirst()
        }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenDot = false
        var wholeDigits = 0
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                guard !seenDot, wholeDigits > 0 else { throw .malformed(text) }
                seenDot = true
                continue
            }
            guard byte >= 48, byte <= 57 else { throw .malformed(text) }
            let digit = Int64(byte - 48)
            if seenDot {
                fractionDigits += 1
                guard fractionDigits <= scale else { throw .tooManyDecimals(text, allowed: scale) }
                fraction = fraction * 10 + digit
            } else {
                wholeDigits += 1
                guard wholeDigits <= 15 else { throw .tooLarge(text) }
                whole = whole * 10 + digit
            }
        }
        guard wholeDigits > 0, !(seenDot && fractionDigits == 0) else { throw .malformed(text) }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: pow10(scale))
        let (value, carry) = scaled.addingReportingOverflow(fraction * pow10(scale - fractionDigits))
        guard !overflow, !carry else { throw .tooLarge(text) }
        return negative ? -value : value
    }

    /// Parses an amount a case states (a price paid, shipping): not negative, at most
    /// 999,999,999,999.99 whatever the scale, with at most `scale` decimals.
    ///
    /// `parseAmount("49.99", scale: 2) == 4999`; "1000000000000" is `outOfRange`.
    public static func parseAmount(_ text: String, scale: Int) throws(ParseError) -> Int64 {
        let value = try parse(text, scale: scale, allowNegative: false)
        let limit =
            (pow10(maxAmountWholeDigits) * 100 - 1) * pow10(max(scale - 2, 0)) / pow10(max(2 - scale, 0))
        guard value <= limit else { throw .outOfRange(text, range: "0 to 999999999999.99") }
        return value
    }

    /// Formats an integer scaled by 10^scale: `format(-1250, scale: 2) == "-12.50"`,
    /// `format(5, scale: 2) == "0.05"`. (QuoteJSON writes the same text straight into its output.)
    public static func format(_ value: Int64, scale: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        guard scale > 0 else { return sign + digits }
        // At least one digit before the dot: 5 at scale 2 is "005" before it is split.
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.utf8.count)) + digits
        let whole = padded.utf8.count - scale
        return sign + padded.prefix(whole) + "." + padded.suffix(scale)
    }

    /// Formats a scaled integer with trailing zeros (and a bare dot) removed: 21000 at scale 3 → "21".
    public static func formatTrimmed(_ value: Int64, scale: Int) -> String {
        let text = format(value, scale: scale)
        guard scale > 0 else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed.removeLast() }
        if trimmed.last == "." { trimmed.removeLast() }
        return String(trimmed)
    }
}
