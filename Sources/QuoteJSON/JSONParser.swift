/// A strict RFC 8259 parser: no trailing commas, no comments, no duplicate keys, nesting ≤ 64.
public struct JSONParser {
    /// Where and why a document is not JSON.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Stays true while every string read is printable ASCII written without escapes: then no
    /// text of the document holds a control or text-direction character, and readers may skip
    /// that check (``FieldReader/plainText``).
    private var plainText = true

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    public static func parse(_ text: String) throws(SyntaxError) -> JSONValue { try parse(Array(text.utf8)) }

    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(SyntaxError) in try parse(buffer) }
    }

    /// The value, and whether all of its texts are plain printable ASCII (no escapes, no DEL, no
    /// byte above 0x7F).
    public static func parseReportingPlainText(_ bytes: [UInt8]) throws(SyntaxError) -> (
        value: JSONValue, plainText: Bool
    ) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(SyntaxError) in
            var parser = JSONParser(buffer)
            let value = try parser.parseDocument()
            return (value, parser.plainText)
        }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes)
        return try parser.parseDocument()
    }

    private mutating func parseDocument() throws(SyntaxError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else {
            throw error("unexpected text after the JSON value")
        }
        return value
    }

    private func error(_ message: String) -> SyntaxError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(index, bytes.count)] {
            if byte == 10 {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SyntaxError(line: line, column: column, message: message)
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 32, 9, 10, 13: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString().text)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let length = word.utf8CodeUnitCount
        guard bytes.count - index >= length else { throw error("unexpected character") }
        for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] {
            throw error("unexpected character")
        }
        index += length
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        guard depth <= 64 else { throw error("nesting deeper than 64 levels") }
        index += 1
        skipWhitespace()
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enter()
        var entries: [(key: String, value: JSONValue)] = []
        var hasNonASCIIKey = false
        var seen = Set<String>()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(JSONObject(entries: entries, hasNonASCIIKey: false))
        }
        entries.reserveCapacity(8)
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a key in double quotes")
            }
            let (key, keyIsASCII) = try parseString()
            if !keyIsASCII { hasNonASCIIKey = true }
            let duplicate: Bool
            if entries.count < 16 {
                if hasNonASCIIKey {
                    duplicate = entries.contains { $0.key == key }
                } else {
                    // All ASCII: equal keys are equal bytes, so only keys of the same length can match.
                    let length = key.utf8.count
                    duplicate = entries.contains { $0.key.utf8.count == length && $0.key == key }
                }
            } else {
                duplicate = !seen.insert(key).inserted
            }
            if entries.count == 15 { seen = Set(entries.map(\.key) + [key]) }
            guard !duplicate else { throw error("duplicate key \"\(key)\"") }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after a key")
            }
            index += 1
            skipWhitespace()
            entries.append((key, try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(JSONObject(entries: entries, hasNonASCIIKey: hasNonASCIIKey))
            } else {
                throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enter()
        var values: [JSONValue] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(values)
        }
        while true {
            values.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(values)
            } else {
                throw error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> String {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let intStart = index
        guard digits() > 0 else { throw error("malformed number") }
        if bytes[intStart] == UInt8(ascii: "0"), index - intStart > 1 {
            throw error("leading zero in a number")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("malformed number") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw error("malformed number") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// A string literal, and whether it is all ASCII. Runs without escapes are checked and decoded
    /// straight from the bytes; with escapes the UTF-8 is assembled in a buffer and checked once.
    /// Invalid UTF-8 is refused only when the literal is otherwise well formed (at its end).
    private mutating func parseString() throws(SyntaxError) -> (text: String, isASCII: Bool) {
        index += 1
        let start = index
        var high: UInt8 = 0
        // Bit 7 set by a byte above 0x7E (DEL included): the text is not plain ASCII.
        var notPlain: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                guard high < 0x80 || UTF8Validation.isValid(run) else {
                    throw error("invalid UTF-8 in a string")
                }
                index += 1
                if notPlain >= 0x80 || high >= 0x80 { plainText = false }
                return (String(decoding: run, as: UTF8.self), high < 0x80)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            high |= byte
            notPlain |= byte &+ 1
            index += 1
        }
        plainText = false
        var buffer = Array(bytes[start..<index])
        buffer.reserveCapacity(buffer.count + 16)
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                break
            } else if byte == UInt8(ascii: "\\") {
                let scalar = try parseEscape()
                UTF8.encode(scalar) { buffer.append($0) }
                high |= scalar.value < 0x80 ? 0 : 0x80
            } else if byte < 0x20 {
                throw error("control character in a string (escape it)")
            } else {
                buffer.append(byte)
                high |= byte
                index += 1
            }
        }
        index += 1
        let valid = high < 0x80 || buffer.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
        guard valid else { throw error("invalid UTF-8 in a string") }
        return (String(decoding: buffer, as: UTF8.self), high < 0x80)
    }

    /// The scalar of the escape at `index` (a backslash), which it passes.
    private mutating func parseEscape() throws(SyntaxError) -> Unicode.Scalar {
        index += 1
        guard index < bytes.count else { throw error("unterminated string") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code) {
                guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw error("unpaired surrogate in a string")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in a string") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
            return scalar
        default: throw error("invalid escape in a string")
        }
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: throw error("invalid \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
