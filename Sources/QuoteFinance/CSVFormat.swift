import QuoteCore

/// How CSV is written for a spreadsheet: the field delimiter and the decimal separator of
/// amounts. The default is RFC 4180 with `.` decimals; `nl-NL` (and other comma-decimal locales)
/// is `;` and `,`, so that a Dutch spreadsheet reads `12,50` as a number.
public struct CSVFormat: Hashable, Sendable {
    public var delimiter: UInt8
    public var decimalComma: Bool

    public init(delimiter: UInt8 = UInt8(ascii: ","), decimalComma: Bool = false) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
    }

    public static let standard = CSVFormat()

    /// The locales `--locale` knows: `nl-NL` → `;` and decimal comma, `en-US` → the standard.
    public static let locales: [String: CSVFormat] = [
        "en-US": .standard, "en-GB": .standard,
        "nl-NL": CSVFormat(delimiter: UInt8(ascii: ";"), decimalComma: true),
        "nl-BE": CSVFormat(delimiter: UInt8(ascii: ";"), decimalComma: true),
        "fr-BE": CSVFormat(delimiter: UInt8(ascii: ";"), decimalComma: true),
        "fr-LU": CSVFormat(delimiter: UInt8(ascii: ";"), decimalComma: true),
        "es-ES": CSVFormat(delimiter: UInt8(ascii: ";"), decimalComma: true),
    ]

    /// An amount in minor units with all its minor digits: `-1250` at scale 2 → `-12.50` or `-12,50`.
    public func amount(_ minorUnits: Int64, scale: Int) -> String {
        let text = Decimals.format(minorUnits, scale: scale)
        return decimalComma ? String(text.map { $0 == "." ? "," : $0 }) : text
    }

    /// One record: fields quoted when they hold the delimiter, a double quote, CR, LF or
    /// leading/trailing spaces, inner quotes doubled, ended by CRLF.
    public func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: String(UnicodeScalar(delimiter))) + CSV.lineBreak
    }

    public func field(_ text: String) -> String {
        let needsQuotes =
            text.utf8.contains { $0 == delimiter || $0 == 34 || $0 == 13 || $0 == 10 }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
