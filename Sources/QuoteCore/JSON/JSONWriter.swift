/// Writes a `JSONValue` as text: pretty (two-space indent, one key per line) or compact (one line,
/// for JSON lines). Output depends only on the value, so equal quotes print byte for byte alike.
/// Works on UTF-8 bytes: strings are copied in runs, escaping only `"`, `\`, controls, U+2028/9.
public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        String(decoding: bytes(value, pretty: pretty), as: UTF8.self)
    }

    public static func bytes(_ value: JSONValue, pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    /// Appends the text of `value` to `out`; `indent` nil writes compact JSON.
    public static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int? = nil) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let values):
            container(
                values.count, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), into: &out, indent: indent
            ) { index, out, inner in
                write(values[index], into: &out, indent: inner)
            }
        case .object(let object):
            let entries = object.entries
            container(
                entries.count, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), into: &out, indent: indent
            ) { index, out, inner in
                writeString(entries[index].key, into: &out)
                out.append(UInt8(ascii: ":"))
                if inner != nil { out.append(UInt8(ascii: " ")) }
                write(entries[index].value, into: &out, indent: inner)
            }
        }
    }

    private static func container(
        _ count: Int, open: UInt8, close: UInt8, into out: inout [UInt8], indent: Int?,
        element: (Int, inout [UInt8], Int?) -> Void
    ) {
        out.append(open)
        guard count > 0 else {
            out.append(close)
            return
        }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if let inner { newline(&out, inner) }
            element(index, &out, inner)
        }
        if let indent { newline(&out, indent) }
        out.append(close)
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(10)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// Appends `s` as a JSON string literal.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { appendEscaped($0, into: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `bytes` as the inside of a JSON string literal: runs are copied, `JSONEscaping` says
    /// what is escaped and how.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        while true {
            let next = JSONEscaping.nextEscape(in: bytes, from: runStart)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<next]))
            guard next < bytes.count else { return }
            let consumed = withUnsafeTemporaryAllocation(
                of: UInt8.self, capacity: JSONEscaping.maxEscapeLength
            ) {
                escape in
                let (written, consumed) = JSONEscaping.escape(bytes, at: next, into: escape.baseAddress!)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: escape[..<written]))
                return consumed
            }
            runStart = next + consumed
        }
    }
}
