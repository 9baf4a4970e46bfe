#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the top-level members of a JSON object without building a tree: each key and the byte range
/// of its value. Used to split a `{"case": …, "quote": …}` line and to read a few fields of a stored
/// quote cheaply. It checks bracket and string structure only; the values it returns are validated
/// by `JSONParser` when they are used. Keys with escapes are not supported (returns nil), and so is
/// anything malformed: callers then fall back to `JSONParser` for a precise error.
public enum JSONScanner {
    public struct Member: Sendable {
        public var key: String
        public var value: Range<Int>
    }

    /// The members of the object spanning `range` of `bytes` (whitespace around it allowed).
    /// With `stopAfter`, scanning ends after that key and the rest of the object is not checked.
    public static func members(
        _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, stopAfter: String? = nil
    ) -> [Member]? {
        var i = skipSpace(bytes, range.lowerBound, range.upperBound)
        guard i < range.upperBound, bytes[i] == UInt8(ascii: "{") else { return nil }
        i = skipSpace(bytes, i + 1, range.upperBound)
        var members: [Member] = []
        if i < range.upperBound, bytes[i] == UInt8(ascii: "}") {
            return skipSpace(bytes, i + 1, range.upperBound) == range.upperBound ? members : nil
        }
        while true {
            guard i < range.upperBound, bytes[i] == UInt8(ascii: "\""),
                let keyEnd = stringEnd(bytes, i, range.upperBound)
            else { return nil }
            let keyBytes = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<(keyEnd - 1)])
            guard !keyBytes.contains(UInt8(ascii: "\\")) else { return nil }
            let key = String(decoding: keyBytes, as: UTF8.self)
            i = skipSpace(bytes, keyEnd, range.upperBound)
            guard i < range.upperBound, bytes[i] == UInt8(ascii: ":") else { return nil }
            let start = skipSpace(bytes, i + 1, range.upperBound)
            guard let end = valueEnd(bytes, start, range.upperBound) else { return nil }
            members.append(Member(key: key, value: start..<end))
            if key == stopAfter { return members }
            i = skipSpace(bytes, end, range.upperBound)
            guard i < range.upperBound else { return nil }
            if bytes[i] == UInt8(ascii: "}") { break }
            guard bytes[i] == UInt8(ascii: ",") else { return nil }
            i = skipSpace(bytes, i + 1, range.upperBound)
        }
        return skipSpace(bytes, i + 1, range.upperBound) == range.upperBound ? members : nil
    }

    /// The text of a string value without escapes (`"2026.1"` → 2026.1), else nil.
    public static func simpleString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "\""),
            bytes[range.upperBound - 1] == UInt8(ascii: "\"")
        else { return nil }
        let inner = UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)])
        guard !inner.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 < 0x20 })
        else { return nil }
        return String(validating: inner, as: UTF8.self)
    }

    static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        var i = from
        while i < end {
            switch bytes[i] {
            case 32, 9, 10, 13: i += 1
            default: return i
            }
        }
        return i
    }

    /// The index just after the string starting at `start` (its opening quote). Finds each `"` with
    /// `memchr`; a quote preceded by an odd run of backslashes is escaped.
    static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var from = start + 1
        while from < end {
            guard let hit = memchr(base + from, Int32(UInt8(ascii: "\"")), end - from) else { return nil }
            let quote = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while quote - backslashes - 1 > start, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") {
                backslashes += 1
            }
            if backslashes % 2 == 0 { return quote + 1 }
            from = quote + 1
        }
        return nil
    }

    /// The index just after the value starting at `start`: a string, a container or a bare literal.
    static func valueEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard start < end else { return nil }
        let first = bytes[start]
        if first == UInt8(ascii: "\"") { return stringEnd(bytes, start, end) }
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
            var i = start
            while i < end, !isDelimiter(bytes[i]) { i += 1 }
            return i > start ? i : nil
        }
        var depth = 0
        var i = start
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                guard let after = stringEnd(bytes, i, end) else { return nil }
                i = after
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return nil
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 32, 9, 10, 13: true
        default: false
        }
    }
}
