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
    /// `decimal` and `group` as UTF-8, for `appendNumber`.
    let decimalBytes: [UInt8]
    let groupBytes: [UInt8]
    /// Digits the integer part needs before it is grouped: 1 groups 1,234; 2 (Spanish) leaves 1234
    /// but groups 12.345.
    let minimumGroupingDigits: Int
    let percent: Affixes
    let date: Pattern
    let months: [String]
    /// Per ISO currency code, the text around the amount: positive, then negative.
    let currencies: [String: (positive: Affixes, negative: Affixes)]

    /// The UTF-8 text before and after a number in a pattern, worked out once.
    struct Affixes: Sendable {
        let prefix: [UInt8]
        let suffix: [UInt8]

        /// Fills `pattern` with `values` and splits it where `placeholder` stands.
        init(_ pattern: Pattern, around placeholder: String, values: [String: String] = [:]) {
            let marker = "\u{0}"
            let text = pattern.fill { $0 == placeholder ? marker : values[$0] }
            let parts = text.split(separator: marker, maxSplits: 1, omittingEmptySubsequences: false)
            prefix = Array(parts[0].utf8)
            suffix = parts.count > 1 ? Array(parts[1].utf8) : []
        }
    }

    public init(labels: LabelSet) throws(RenderError) {
        self.labels = labels
        decimal = try labels.text("format.decimal")
        group = try labels.text("format.group")
        decimalBytes = Array(decimal.utf8)
        groupBytes = Array(group.utf8)
        let grouping = try labels.text("format.minimumGroupingDigits")
        guard let digits = Int(grouping), digits >= 1 else {
            throw .labelFileSyntax(
                file: labels.language, message: "format.minimumGroupingDigits must be a whole number ≥ 1")
        }
        minimumGroupingDigits = digits
        let positive = Pattern(try labels.text("format.moneyPositive"))
        let negative = Pattern(try labels.text("format.moneyNegative"))
        percent = Affixes(Pattern(try labels.text("format.percent")), around: "rate")
        date = Pattern(try labels.text("format.date"))
        var currencies: [String: (positive: Affixes, negative: Affixes)] = [:]
        for (key, symbol) in labels.entries where key.hasPrefix("currency.") {
            func affixes(_ pattern: Pattern) -> Affixes {
                // A symbol ending in a letter never touches the digits: "Rs 29,500.00", not "Rs29,500.00".
                let spaced = symbol.last?.isLetter == true && pattern.adjoins("symbol", "amount")
                return Affixes(
                    pattern, around: "amount", values: ["symbol": spaced ? symbol + "\u{00A0}" : symbol])
            }
            currencies[String(key.dropFirst(9))] = (affixes(positive), affixes(negative))
        }
        self.currencies = currencies
        var months: [String] = []
        for month in 1...12 { months.append(try labels.text("format.months.\(month)")) }
        self.months = months
    }

    /// `Money` in this language: "€ 251,67" (nl), "251,67 €" (fr), "HK$750.00" (en).
    public func money(_ amount: Money) throws(RenderError) -> String {
        try moneyStyle(amount.currency).format(amount)
    }

    /// How amounts of one currency are written, for formatting many of them.
    public func moneyStyle(_ currency: Currency) throws(RenderError) -> MoneyStyle {
        guard let affixes = currencies[currency.code] else {
            throw .missingLabel(key: "currency.\(currency.code)", language: labels.language)
        }
        return MoneyStyle(
            locale: self, currency: currency, positive: affixes.positive, negative: affixes.negative)
    }

    /// One currency in one language: `format(Money(minorUnits: 25167, EUR))` is "€ 251,67" in nl.
    public struct MoneyStyle: Sendable {
        let locale: LocaleFormat
        public let currency: Currency
        let positive: Affixes
        let negative: Affixes

        /// The amount, which must be in `currency`.
        public func format(_ amount: Money) -> String {
            precondition(amount.currency == currency, "\(amount.currency) formatted as \(currency)")
            let around = amount.isNegative ? negative : positive
            var text: [UInt8] = []
            text.reserveCapacity(around.prefix.count + around.suffix.count + 24)
            text += around.prefix
            locale.appendNumber(amount.minorUnits.magnitude, scale: currency.minorUnits, to: &text)
            text += around.suffix
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// A rate in this language: "21%" (en), "21 %" (fr), "8,875%" (nl).
    public func percent(_ rate: Percent) -> String {
        var text = percent.prefix
        let scale = Decimals.pow10(Percent.scale)
        if rate.tenThousandths % scale == 0 {
            appendNumber(UInt64(rate.tenThousandths / scale), scale: 0, to: &text)
        } else {
            text += rate.text.replacingOccurrences(of: ".", with: decimal).utf8
        }
        text += percent.suffix
        return String(decoding: text, as: UTF8.self)
    }

    /// A month's name in this language (1: "January", "januari").
    public func monthName(_ month: Int) -> String { months[(month - 1) % 12] }

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

    /// Appends a non-negative scaled integer with this language's separators: 2950000 at scale 2
    /// is "29,500.00" (en), "29.500,00" (nl). Digits are taken by division, most significant first,
    /// without an intermediate string.
    func appendNumber(_ magnitude: UInt64, scale: Int, to text: inout [UInt8]) {
        // 10^(digits - 1); never overflows: a UInt64 has at most 20 digits and 10^19 < 2^64.
        var divisor: UInt64 = 1
        var digitCount = 1
        while magnitude / divisor >= 10 {
            divisor *= 10
            digitCount += 1
        }
        let padding = max(0, scale + 1 - digitCount)
        let wholeCount = digitCount + padding - scale
        let grouping = wholeCount >= 3 + minimumGroupingDigits
        var rest = magnitude
        for offset in 0..<(digitCount + padding) {
            if offset == wholeCount { text += decimalBytes }
            if grouping, offset > 0, offset < wholeCount, (wholeCount - offset) % 3 == 0 {
                text += groupBytes
            }
            if offset < padding {
                text.append(UInt8(ascii: "0"))
            } else {
                text.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
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
