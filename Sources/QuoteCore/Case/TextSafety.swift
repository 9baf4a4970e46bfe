/// Which characters a free text of a case may not hold: C0 and C1 controls (CR, LF, NUL, ESC, …),
/// DEL, the Unicode line and paragraph separators (U+2028, U+2029: line breaks to JavaScript,
/// many editors and log viewers, so a one-line field could still hold two lines), and the
/// text-direction overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make a name or
/// a model read backwards on a quote.
public enum TextSafety {
    /// Whether `text` holds none of those characters. Scans UTF-8 bytes: the forbidden scalars are
    /// the bytes below 0x20 and 0x7F, `C2 80`–`C2 9F`, `E2 80 A8`–`E2 80 AE` and `E2 81 A6`–`E2 81 A9`.
    public static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Nearly every text is printable ASCII: one tight pass settles it.
            var printable = true
            for byte in bytes where byte < 0x20 || byte >= 0x7F {
                printable = false
                break
            }
            if printable { return true }
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return false }
                if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return false }
                if byte == 0xE2, index + 2 < count {
                    let second = bytes[index + 1]
                    let third = bytes[index + 2]
                    if second == 0x80, (0xA8...0xAE).contains(third) { return false }
                    if second == 0x81, (0xA6...0xA9).contains(third) { return false }
                }
                index += 1
            }
            return true
        }
    }

    /// Whether one scalar is forbidden (the same set, for callers that walk scalars).
    public static func isControlOrBidi(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x2028...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    /// `text` with each forbidden scalar written as an escape: CR → `\r`, LF → `\n`, tab → `\t`,
    /// others as `\u{202E}`.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where isControlOrBidi(scalar):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
