/// RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted when it holds a
/// comma, a double quote, CR, LF or leading/trailing spaces, with inner quotes doubled.
///
/// `CSV.record(["a", "b,c", "say \"hi\""])` is `a,"b,c","say ""hi"""\r\n`.
public enum CSV {
    public static let lineBreak = "\r\n"

    public static func field(_ text: String) -> String {
        let needsQuotes =
            text.utf8.contains { $0 == 44 || $0 == 34 || $0 == 13 || $0 == 10 }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + lineBreak
    }
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
