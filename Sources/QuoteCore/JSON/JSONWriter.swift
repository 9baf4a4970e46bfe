/// Writes a `JSONValue` as text: pretty (two-space indent, one key per line) or compact (one line,
/// for JSON lines). Output depends only on the value, so equal quotes print byte for byte alike.
public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(2048)
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, indent: Int?) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let text): out += text
        case .string(let s): writeString(s, into: &out)
        case .array(let values):
            writeContainer(values, open: "[", close: "]", into: &out, indent: indent) { value, out, inner in
                write(value, into: &out, indent: inner)
            }
        case .object(let object):
            writeContainer(object.entries, open: "{", close: "}", into: &out, indent: indent) {
                entry, out, inner in
                writeString(entry.key, into: &out)
                out += inner == nil ? ":" : ": "
                write(entry.value, into: &out, indent: inner)
            }
        }
    }

    private static func writeContainer<T>(
        _ elements: [T], open: String, close: String, into out: inout String, indent: Int?,
        element: (T, inout String, Int?) -> Void
    ) {
        out += open
        guard !elements.isEmpty else {
            out += close
            return
        }
        let inner = indent.map { $0 + 2 }
        for (offset, item) in elements.enumerated() {
            if offset > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
            element(item, &out, inner)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += close
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
