import Foundation
import QuoteCore

/// How a language writes money, percentages and dates, read from its label file's `format` and
/// `currency` sections. Exact: amounts are formatted from integer minor units, never via floating
/// point (G-1).
///
/// With `decimal ","`, `group "."`, `moneyPositive "{symbol} {amount}"` and `currency.EUR "€"`,
/// `Money(minorUnits: 123456, EUR)` is "€ 1.234,56" (the space is a no-break space in the file).
public struct LocaleFormat: Sendable {
    public let labels: LabelSet
    let decimal: String
    let group: String
    /// Digits the integer part needs before it is grouped: 1 groups 1,234; 2 (Spanish) leaves 1234
    /// but groups 12.345.
    let minimumGroupingDigits: Int
    let moneyPositive: String
    let moneyNegative: String
    let percent: String
    let date: String
    let months: [String]

    public init(labels: LabelSet) throws(RenderError) {
        self.labels = labels
        decimal = try labels.text("format.decimal")
        group = try labels.text("format.group")
        let grouping = try labels.text("format.minimumGroupingDigits")
        guard let digits = Int(grouping), digits >= 1 else {
            throw .labelFileSyntax(
                file: labels.language, message: "format.minimumGroupingDigits must be a whole number ≥ 1")
        }
        minimumGroupingDigits = digits
        moneyPositive = try labels.text("format.moneyPositive")
        moneyNegative = try labels.text("format.moneyNegative")
        percent = try labels.text("format.percent")
        date = try labels.text("format.date")
        var months: [String] = []
        for month in 1...12 { months.append(try labels.text("format.months.\(month)")) }
        self.months = months
    }

    /// `Money` in this language: "€ 251,67" (nl), "251,67 €" (fr), "HK$750.00" (en).
    public func money(_ amount: Money) throws(RenderError) -> String {
        let symbol = try labels.text("currency.\(amount.currency.code)")
        let number = self.number(amount.minorUnits.magnitude, scale: amount.currency.minorUnits)
        var pattern = amount.isNegative ? moneyNegative : moneyPositive
        if symbol.last?.isLetter == true {
            // A symbol ending in a letter never touches the digits: "Rs 29,500.00", not "Rs29,500.00".
            pattern = pattern.replacingOccurrences(of: "{symbol}{amount}", with: "{symbol}\u{00A0}{amount}")
        }
        return pattern.replacingPlaceholders(["symbol": symbol, "amount": number])
    }

    /// A rate in this language: "21%" (en), "21 %" (fr).
    public func percent(_ rate: Percent) -> String {
        let text = rate.text
        let localized = decimal == "." ? text : text.replacingOccurrences(of: ".", with: decimal)
        return percent.replacingPlaceholders(["rate": localized])
    }

    /// A date in this language: "March 2, 2026", "2 maart 2026", "2026年3月2日".
    public func date(_ date: CivilDate) -> String {
        self.date.replacingPlaceholders([
            "day": String(date.day), "month": months[date.month - 1], "monthNumber": String(date.month),
            "year": String(date.year),
        ])
    }

    /// A non-negative scaled integer with this language's separators: 2950000 at scale 2 →
    /// "29,500.00" (en), "29.500,00" (nl).
    func number(_ magnitude: UInt64, scale: Int) -> String {
        let divisor = UInt64(Decimals.pow10(scale))
        let whole = String(magnitude / divisor)
        var grouped = ""
        if whole.count >= 3 + minimumGroupingDigits {
            for (offset, digit) in whole.enumerated() {
                if offset > 0, (whole.count - offset) % 3 == 0 { grouped += group }
                grouped.append(digit)
            }
        } else {
            grouped = whole
        }
        guard scale > 0 else { return grouped }
        let fraction = String(magnitude % divisor)
        return grouped + decimal + String(repeating: "0", count: scale - fraction.count) + fraction
    }
}

extension String {
    /// Replaces `{name}` placeholders in one pass; unknown placeholders stay as written.
    func replacingPlaceholders(_ values: [String: String]) -> String {
        var result = ""
        var rest = self[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
