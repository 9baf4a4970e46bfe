/// Report lines of a store's quotes name the quote, not a line of an input the reader never saw:
/// `line 4: NL-2026-000004: consumer 189.90 → 199.90` becomes `NL-2026-000004: consumer 189.90 →
/// 199.90`. Lines without a quote number (`line 9: -: …`, `line 9: invalid: …`) keep their
/// position, which is then the quote's place in the store's order.
enum StoreWording {
    static func quoteLines(_ text: String) -> String {
        guard text.hasPrefix("line ") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += dropLinePrefix(line)
            out += "\n"
        }
        return String(out.dropLast())
    }

    /// `line 4: NL-…: rest` → `NL-…: rest`; anything else as it is.
    static func dropLinePrefix(_ line: Substring) -> Substring {
        guard line.hasPrefix("line "), let colon = line.firstIndex(of: ":") else { return line }
        let number = line[line.index(line.startIndex, offsetBy: 5)..<colon]
        let rest = line[line.index(after: colon)...].drop { $0 == " " }
        guard !number.isEmpty, number.allSatisfy(\.isNumber), !rest.hasPrefix("-:"),
            !rest.hasPrefix("invalid:")
        else { return line }
        return rest
    }
}
