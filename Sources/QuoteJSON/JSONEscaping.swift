/// The escaping rules of JSON strings written by `JSONWriter` and `JSONStreamWriter`: `"`, `\`,
/// C0 controls and U+2028/U+2029 are escaped; every other byte is copied as it is.
enum JSONEscaping {
    /// The longest escape sequence (`\u001f`, `\u2028`).
    static let maxEscapeLength = 6

    /// The index of the first byte at or after `start` that starts an escape, or `bytes.count`.
    @inline(__always)
    static func nextEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let count = bytes.count
        // Eight bytes at a time while none of them can start an escape.
        if let base = bytes.baseAddress {
            while count - i >= 8 {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                guard !mayNeedEscape(word) else { break }
                i += 8
            }
        }
        while i < count {
            let byte = bytes[i]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                i += 1
                continue
            }
            if byte != 0xE2 { return i }
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            if i + 2 < count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                return i
            }
            i += 1
        }
        return count
    }

    /// Whether one of the eight bytes may be below 0x20, `"`, `\` or 0xE2 (exact for "none").
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return hasControl || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
            || hasZeroByte(word ^ (ones &* 0xE2))
    }

    /// Writes the escape of the sequence at `index` (found by `nextEscape`) to `out`, which has room
    /// for `maxEscapeLength` bytes. Returns the bytes written and the input bytes consumed.
    @inline(__always)
    static func escape(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, into out: UnsafeMutablePointer<UInt8>
    )
        -> (written: Int, consumed: Int)
    {
        let byte = bytes[index]
        out[0] = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            out[1] = byte
            return (2, 1)
        case 10:
            out[1] = UInt8(ascii: "n")
            return (2, 1)
        case 13:
            out[1] = UInt8(ascii: "r")
            return (2, 1)
        case 9:
            out[1] = UInt8(ascii: "t")
            return (2, 1)
        case 0xE2:
            writeU(0x2000 | (bytes[index + 2] == 0xA8 ? 0x28 : 0x29), into: out)
            return (6, 3)
        default:
            writeU(UInt16(byte), into: out)
            return (6, 1)
        }
    }

    /// `\uXXXX` in lowercase hex.
    @inline(__always)
    private static func writeU(_ code: UInt16, into out: UnsafeMutablePointer<UInt8>) {
        @inline(__always) func hex(_ nibble: UInt16) -> UInt8 {
            let n = UInt8(truncatingIfNeeded: nibble & 15)
            return n < 10 ? UInt8(ascii: "0") + n : UInt8(ascii: "a") + n - 10
        }
        out[1] = UInt8(ascii: "u")
        out[2] = hex(code >> 12)
        out[3] = hex(code >> 8)
        out[4] = hex(code >> 4)
        out[5] = hex(code)
    }
}
