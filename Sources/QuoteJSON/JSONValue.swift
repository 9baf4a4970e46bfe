/// A parsed JSON document. Numbers keep their source text so that amounts and quantities are read
/// exactly; objects keep their key order. (Not `indirect`: arrays and objects already live on the
/// heap, so strings, numbers and booleans need no box of their own.)
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON object with its keys in document order.
///
/// Keys compare as `String`s do (canonical equivalence). When every key and the looked-up key are
/// ASCII that is byte equality, so look-ups then skip keys of another length without comparing.
public struct JSONObject: Hashable, Sendable {
    public private(set) var entries: [(key: String, value: JSONValue)]
    /// Whether some key has a byte above 0x7F.
    private(set) var hasNonASCIIKey: Bool

    public init(_ entries: [(key: String, value: JSONValue)] = []) {
        self.entries = entries
        hasNonASCIIKey = !entries.allSatisfy { Self.isASCII($0.key) }
    }

    init(entries: [(key: String, value: JSONValue)], hasNonASCIIKey: Bool) {
        self.entries = entries
        self.hasNonASCIIKey = hasNonASCIIKey
    }

    public subscript(key: String) -> JSONValue? {
        if !hasNonASCIIKey {
            // An ASCII key equals only the same bytes; a non-ASCII key never equals an ASCII key of
            // its own length (an equivalent spelling has more bytes), so a hit here is the first.
            if let index = indexOfSameLength(key) { return entries[index].value }
            if Self.isASCII(key) { return nil }
        }
        return entries.first { $0.key == key }?.value
    }

    /// The first entry whose key has the length of `key` and equals it (read in place, no copies).
    @inline(__always)
    private func indexOfSameLength(_ key: String) -> Int? {
        let length = key.utf8.count
        return entries.withUnsafeBufferPointer { buffer in
            for index in buffer.indices
            where buffer[index].key.utf8.count == length && buffer[index].key == key {
                return index
            }
            return nil
        }
    }

    public var keys: [String] { entries.map(\.key) }

    /// Appends a key; `nil` values are skipped.
    public mutating func append(_ key: String, _ value: JSONValue?) {
        if let value {
            if !hasNonASCIIKey && !Self.isASCII(key) { hasNonASCIIKey = true }
            entries.append((key, value))
        }
    }

    /// Whether `key` is one of `keys`, as `keys.contains(key)` says; `keys` must be all ASCII when
    /// `keysAreASCII`.
    func contains(_ key: String, among keys: [String], keysAreASCII: Bool) -> Bool {
        guard keysAreASCII && Self.isASCII(key) else { return keys.contains(key) }
        let length = key.utf8.count
        return keys.contains { $0.utf8.count == length && $0 == key }
    }

    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var high: UInt8 = 0
            for byte in bytes { high |= byte }
            return high < 0x80
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}
