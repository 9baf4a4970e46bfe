/// Writes a `JSONValue` as text: pretty (two-space indent, one key per line) or compact (one line,
/// for JSON lines). It walks the tree into a `JSONStreamWriter`, so a tree and a streamed quote
/// share one layout and one escaping. Output depends only on the value, so equal values print byte
/// for byte alike.
public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        String(decoding: bytes(value, pretty: pretty), as: UTF8.self)
    }

    public static func bytes(_ value: JSONValue, pretty: Bool = false) -> [UInt8] {
        var w = JSONStreamWriter(pretty: pretty)
        w.value(value)
        return w.bytes
    }
}

extension JSONStreamWriter {
    /// Writes a whole tree (at most 64 levels deep, as `JSONParser` allows) where a value goes.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let text): number(text)
        case .string(let s): string(s)
        case .array(let values):
            beginArray()
            for element in values { self.value(element) }
            endArray()
        case .object(let object):
            beginObject()
            members(object)
            endObject()
        }
    }

    /// The members of `object` in the object open now (no braces of their own).
    public mutating func members(_ object: JSONObject) {
        for entry in object.entries {
            key(entry.key)
            value(entry.value)
        }
    }
}
