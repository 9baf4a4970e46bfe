/// Well-formed UTF-8 (Unicode Table 3-7): no overlong forms, no surrogates, nothing above
/// U+10FFFF, no stray or missing continuation bytes. The same answer as
/// `String(validating:as: UTF8.self) != nil`, without its generic code path.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var i = 0
        while i < count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            @inline(__always) func continuation(_ j: Int) -> Bool { j < count && bytes[j] & 0xC0 == 0x80 }
            @inline(__always) func second(_ low: UInt8, _ high: UInt8) -> Bool {
                i + 1 < count && bytes[i + 1] >= low && bytes[i + 1] <= high
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(i + 1) else { return false }
                i += 2
            case 0xE0:
                guard second(0xA0, 0xBF), continuation(i + 2) else { return false }
                i += 3
            case 0xED:
                guard second(0x80, 0x9F), continuation(i + 2) else { return false }
                i += 3
            case 0xE1...0xEF:
                guard second(0x80, 0xBF), continuation(i + 2) else { return false }
                i += 3
            case 0xF0:
                guard second(0x90, 0xBF), continuation(i + 2), continuation(i + 3) else { return false }
                i += 4
            case 0xF4:
                guard second(0x80, 0x8F), continuation(i + 2), continuation(i + 3) else { return false }
                i += 4
            case 0xF1...0xF3:
                guard second(0x80, 0xBF), continuation(i + 2), continuation(i + 3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
