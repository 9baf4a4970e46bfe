/// RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted when it holds a
/// comma, a double quote, CR, LF or leading/trailing spaces, with inner quotes doubled.
///
/// `CSV.record(["a", "b,c", "say \"hi\""])` is `a,"b,c","say ""hi"""\r\n`.
public enum CSV {
    public static let lineBreak = "\r\n"

    public static func field(_ text: String) -> String { CSVFormat.standard.field(text) }

    public static func record(_ fields: [String]) -> String { CSVFormat.standard.record(fields) }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count + 2)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
