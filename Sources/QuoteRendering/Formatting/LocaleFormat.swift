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
    let moneyPositive: Pattern
    let moneyNegative: Pattern
    let percent: Pattern
    let date: Pattern
    let months: [String]
    /// Currency symbols by ISO code, read once.
    let symbols: [String: String]

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
        moneyPositive = Pattern(try labels.text("format.moneyPositive"))
        moneyNegative = Pattern(try labels.text("format.moneyNegative"))
        percent = Pattern(try labels.text("format.percent"))
        date = Pattern(try labels.text("format.date"))
        var symbols: [String: String] = [:]
        for (key, symbol) in labels.entries where key.hasPrefix("currency.") {
            symbols[String(key.dropFirst(9))] = symbol
        }
        self.symbols = symbols
        var months: [String] = []
        for month in 1...12 { months.append(try labels.text("format.months.\(month)")) }
        self.months = months
    }

    /// `Money` in this language: "€ 251,67" (nl), "251,67 €" (fr), "HK$750.00" (en).
    public func money(_ amount: Money) throws(RenderError) -> String {
        guard let symbol = symbols[amount.currency.code] else {
            throw .missingLabel(key: "currency.\(amount.currency.code)", language: labels.language)
        }
        let number = self.number(amount.minorUnits.magnitude, scale: amount.currency.minorUnits)
        let pattern = amount.isNegative ? moneyNegative : moneyPositive
        // A symbol ending in a letter never touches the digits: "Rs 29,500.00", not "Rs29,500.00".
        let spaced =
            symbol.last?.isLetter == true && pattern.adjoins("symbol", "amount")
            ? symbol + "\u{00A0}" : symbol
        return pattern.fill { $0 == "symbol" ? spaced : $0 == "amount" ? number : nil }
    }

    /// A rate in this language: "21%" (en), "21 %" (fr).
    public func percent(_ rate: Percent) -> String {
        let text = rate.text
        let localized = decimal == "." ? text : text.replacingOccurrences(of: ".", with: decimal)
        return percent.fill { $0 == "rate" ? localized : nil }
    }

    /// A date in this language: "March 2, 2026", "2 maart 2026", "2026年3月2日".
    public func date(_ date: CivilDate) -> String {
        self.date.fill { name in
            switch name {
            case "day": String(date.day)
            case "month": months[date.month - 1]
            case "monthNumber": String(date.month)
            case "year": String(date.year)
            default: nil
            }
        }
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

/// A label pattern with `{name}` placeholders, split once: "{symbol} {amount}".
struct Pattern: Sendable {
    enum Piece: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    let pieces: [Piece]

    init(_ text: String) {
        var pieces: [Piece] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.literal(String(rest[..<open]))) }
            pieces.append(.placeholder(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        self.pieces = pieces
    }

    /// True when placeholder `first` is immediately followed by placeholder `second`.
    func adjoins(_ first: String, _ second: String) -> Bool {
        zip(pieces, pieces.dropFirst()).contains { $0 == .placeholder(first) && $1 == .placeholder(second) }
    }

    /// The text with each placeholder replaced by `value(name)`; unknown ones stay as written.
    func fill(_ value: (String) -> String?) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): result += text
            case .placeholder(let name): result += value(name) ?? "{\(name)}"
            }
        }
        return result
    }
}
