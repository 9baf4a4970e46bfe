import QuoteCore

/// A fast parser for plain JSON (see `JSONBytes`): nil for anything it does not handle, in which
/// case the caller uses `JSONParser`. It never accepts a document `JSONParser` refuses.
struct FastJSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private let end: Int
    private var depth = 0

    /// The value spanning `range`, or nil.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> JSONValue? {
        var parser = FastJSONParser(bytes: bytes, index: range.lowerBound, end: range.upperBound)
        parser.skipSpace()
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == parser.end ? value : nil
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, index: Int, end: Int) {
        self.bytes = bytes
        self.index = index
        self.end = end
    }

    private mutating func skipSpace() { index = JSONScanner.skipSpace(bytes, index, end) }

    private mutating func value() -> JSONValue? {
        guard index < end else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
        let count = word.utf8CodeUnitCount
        guard end - index >= count else { return nil }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return nil }
        index += count
        return value
    }

    private mutating func number() -> JSONValue? {
        let start = index
        guard let stop = JSONScanner.valueEnd(bytes, index, end) else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
        guard Self.isNumber(text.utf8) else { return nil }
        index = stop
        return .number(text)
    }

    /// The RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    static func isNumber(_ utf8: String.UTF8View) -> Bool {
        var i = utf8.startIndex
        func digits() -> Int {
            var n = 0
            while i != utf8.endIndex, (48...57).contains(utf8[i]) {
                i = utf8.index(after: i)
                n += 1
            }
            return n
        }
        if i != utf8.endIndex, utf8[i] == UInt8(ascii: "-") { i = utf8.index(after: i) }
        let intStart = i
        let intDigits = digits()
        guard intDigits > 0, intDigits == 1 || utf8[intStart] != UInt8(ascii: "0") else { return false }
        if i != utf8.endIndex, utf8[i] == UInt8(ascii: ".") {
            i = utf8.index(after: i)
            guard digits() > 0 else { return false }
        }
        if i != utf8.endIndex, utf8[i] == UInt8(ascii: "e") || utf8[i] == UInt8(ascii: "E") {
            i = utf8.index(after: i)
            if i != utf8.endIndex, utf8[i] == UInt8(ascii: "+") || utf8[i] == UInt8(ascii: "-") {
                i = utf8.index(after: i)
            }
            guard digits() > 0 else { return false }
        }
        return i == utf8.endIndex
    }

    private mutating func string() -> String? {
        let start = index + 1
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            i += 1
        }
        guard i < end else { return nil }
        index = i + 1
        return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    private mutating func enter(_ close: UInt8) -> Bool? {
        depth += 1
        guard depth <= 64 else { return nil }
        index += 1
        skipSpace()
        guard index < end, bytes[index] == close else { return false }
        index += 1
        depth -= 1
        return true
    }

    /// After an element: true at the closing bracket, false after a comma, nil otherwise.
    private mutating func separator(_ close: UInt8) -> Bool? {
        skipSpace()
        guard index < end else { return nil }
        let byte = bytes[index]
        index += 1
        if byte == close {
            depth -= 1
            return true
        }
        guard byte == UInt8(ascii: ",") else { return nil }
        skipSpace()
        return false
    }

    private mutating func array() -> JSONValue? {
        guard let empty = enter(UInt8(ascii: "]")) else { return nil }
        var values: [JSONValue] = []
        if empty { return .array(values) }
        while true {
            guard let element = value() else { return nil }
            values.append(element)
            guard let closed = separator(UInt8(ascii: "]")) else { return nil }
            if closed { return .array(values) }
        }
    }

    private mutating func object() -> JSONValue? {
        guard let empty = enter(UInt8(ascii: "}")) else { return nil }
        var object = JSONObject()
        if empty { return .object(object) }
        while true {
            guard index < end, bytes[index] == UInt8(ascii: "\""), let key = string(),
                object[key] == nil
            else { return nil }
            skipSpace()
            guard index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            guard let member = value() else { return nil }
            object.append(key, member)
            guard let closed = separator(UInt8(ascii: "}")) else { return nil }
            if closed { return .object(object) }
        }
    }
}
