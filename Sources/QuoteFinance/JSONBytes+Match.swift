import QuoteCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension JSONBytes {
    /// True when `bytes` are exactly what `write(value)` would append, without writing anything:
    /// the byte-for-byte test of `check`'s fast path.
    public static func matches(_ value: JSONValue, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        return match(value, bytes, &index) && index == bytes.count
    }

    /// True when `bytes` are `,"key":value,…}`: the members of an object after its first one, as
    /// `write` would append them (`"number"` is first in a quote and compared apart).
    public static func matchesMembers(
        _ entries: ArraySlice<(key: String, value: JSONValue)>, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        var i = 0
        for entry in entries {
            guard matchByte(UInt8(ascii: ","), bytes, &i), matchString(entry.key, bytes, &i),
                matchByte(UInt8(ascii: ":"), bytes, &i), match(entry.value, bytes, &i)
            else { return false }
        }
        return matchByte(UInt8(ascii: "}"), bytes, &i) && i == bytes.count
    }

    static func match(_ value: JSONValue, _ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        switch value {
        case .null: return matchUTF8("null".utf8, bytes, &i)
        case .bool(let b): return matchUTF8((b ? "true" : "false").utf8, bytes, &i)
        case .number(let text): return matchUTF8(text.utf8, bytes, &i)
        case .string(let s): return matchString(s, bytes, &i)
        case .array(let values):
            guard matchByte(UInt8(ascii: "["), bytes, &i) else { return false }
            for (offset, element) in values.enumerated() {
                if offset > 0, !matchByte(UInt8(ascii: ","), bytes, &i) { return false }
                guard match(element, bytes, &i) else { return false }
            }
            return matchByte(UInt8(ascii: "]"), bytes, &i)
        case .object(let object):
            guard matchByte(UInt8(ascii: "{"), bytes, &i) else { return false }
            for (offset, entry) in object.entries.enumerated() {
                if offset > 0, !matchByte(UInt8(ascii: ","), bytes, &i) { return false }
                guard matchString(entry.key, bytes, &i), matchByte(UInt8(ascii: ":"), bytes, &i),
                    match(entry.value, bytes, &i)
                else { return false }
            }
            return matchByte(UInt8(ascii: "}"), bytes, &i)
        }
    }

    static func matchByte(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    static func matchUTF8(_ utf8: String.UTF8View, _ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int)
        -> Bool
    {
        for byte in utf8 {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
        }
        return true
    }

    /// A string without characters to escape is compared in place (one `memcmp`); one with them, or
    /// without contiguous UTF-8, is written first.
    static func matchString(_ s: String, _ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let start = i
        let plain: Bool?? = s.utf8.withContiguousStorageIfAvailable { utf8 -> Bool? in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == 34 || $0 == 92 || $0 == 0xE2 }) else {
                return nil
            }
            let end = start + utf8.count + 2
            guard end <= bytes.count, bytes[start] == 34, bytes[end - 1] == 34,
                utf8.isEmpty || memcmp(bytes.baseAddress! + start + 1, utf8.baseAddress!, utf8.count) == 0
            else { return false }
            return true
        }
        if let plain = plain ?? nil {
            if plain { i = start + s.utf8.count + 2 }
            return plain
        }
        var written: [UInt8] = []
        JSONWriter.writeString(s, into: &written)
        guard bytes.count - start >= written.count,
            UnsafeBufferPointer(rebasing: bytes[start..<(start + written.count)]).elementsEqual(written)
        else { return false }
        i = start + written.count
        return true
    }
}
