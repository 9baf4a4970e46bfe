import Foundation
import QuoteCore
import QuoteJSON
import Testing

/// The JSON reader and writers take quick paths for ASCII text, constant keys and numbers; these
/// tests pin the other paths (escapes, U+2028/9, controls, non-ASCII, invalid UTF-8) to the
/// answers of the plain `String` based code.
@Suite("JSON quick paths give the same answers as the slow ones")
struct JSONFastPathTests {
    /// The string literal the writers must produce: `"`, `\`, C0 controls and U+2028/9 escaped.
    static func expectedLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
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
        return out + "\""
    }

    static let awkwardStrings: [String] = [
        "", "plain", "a\"b", "back\\slash", "tab\there", "line\nbreak\r\n",
        "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}",
        "sep\u{2028}ara\u{2029}tors", "\u{2028}", "x\u{2029}", "\u{2027}\u{2030}\u{20AC}", "Zoë Ðôé", "中文名字",
        "emoji 😀 and 🇳🇱", "é\u{301}", String(repeating: "long ascii text ", count: 20) + "\"",
        "\u{E2}\u{80}", "trailing \\",
    ]

    @Test("strings are escaped the same by JSONWriter and JSONStreamWriter, values and keys")
    func escaping() throws {
        for text in Self.awkwardStrings {
            let expected = Self.expectedLiteral(text)
            #expect(JSONWriter.write(.string(text), pretty: false) == expected)
            var w = JSONStreamWriter(pretty: false)
            w.beginObject()
            w.key(text)
            w.string(text)
            w.endObject()
            #expect(String(decoding: w.bytes, as: UTF8.self) == "{\(expected):\(expected)}")
            #expect(try JSONParser.parse(expected) == .string(text))
        }
    }

    @Test("a constant key with characters to escape is escaped")
    func constantKeys() {
        var w = JSONStreamWriter(pretty: true)
        w.beginObject()
        w.field("plain", "v")
        w.field("quo\"te\u{2028}", nil as String?)
        w.field("é", true)
        w.endObject()
        var tree = JSONObject()
        tree.append("plain", .string("v"))
        tree.append("quo\"te\u{2028}", .null)
        tree.append("é", .bool(true))
        #expect(w.bytes == JSONWriter.bytes(.object(tree), pretty: true))
    }

    @Test("amounts, rates, dates and whole numbers are written as their text")
    func numbers() {
        let currencies = [
            Currency(code: "EUR", minorUnits: 2), Currency(code: "JPY", minorUnits: 0),
            Currency(code: "KWD", minorUnits: 3),
        ]
        let values: [Int64] = [
            0, 1, -1, 9, 10, 99, 100, 101, 1250, -1250, 4719, 210_000, 88_750, 5, -5, 123_456_789,
            Int64.max, Int64.min, Int64.min + 1,
        ]
        for value in values {
            for scale in 0...6 {
                #expect(Decimals.format(value, scale: scale) == Self.referenceFormat(value, scale: scale))
                #expect(
                    Decimals.formatTrimmed(value, scale: scale) == Self.referenceTrimmed(value, scale: scale))
            }
        }
        let dates = [
            CivilDate(year: 1, month: 1, day: 1)!, CivilDate(year: 999, month: 12, day: 31)!,
            CivilDate(year: 2026, month: 3, day: 2)!, CivilDate(year: 9999, month: 12, day: 31)!,
        ]
        for value in values.filter({ $0.magnitude < 1 << 40 }) {
            let money = Money(minorUnits: value, currency: currencies[Int(value.magnitude % 3)])
            let date = dates[Int(value.magnitude % 4)]
            var w = JSONStreamWriter(pretty: false)
            w.beginArray()
            w.beginObject()
            w.field("m", money)
            w.field("p", Percent(tenThousandths: value))
            w.field("n", Int(value))
            w.field("d", date)
            w.field("none", nil as CivilDate?)
            w.endObject()
            w.endArray()
            let expected =
                #"[{"m":"\#(money.text)","p":"\#(Percent(tenThousandths: value).text)","n":\#(value),"d":"\#(date)","none":null}]"#
            #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
        }
    }

    /// `Decimals.format` as it was written first (a String per digit run).
    static func referenceFormat(_ value: Int64, scale: Int) -> String {
        var digits = String(value.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale + 1 - digits.count) + digits }
        if scale > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale)) }
        return (value < 0 ? "-" : "") + digits
    }

    static func referenceTrimmed(_ value: Int64, scale: Int) -> String {
        var unit: Int64 = 1
        for _ in 0..<scale { unit *= 10 }
        if value % unit == 0 { return String(value / unit) }
        var text = referenceFormat(value, scale: scale)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Parses `"` + bytes + `"` (with an escape first when `escaped`).
    static func parse(_ bytes: [UInt8], escaped: Bool) -> Result<JSONValue, JSONParser.SyntaxError> {
        let document =
            [UInt8(ascii: "\"")] + (escaped ? Array(#"\n"#.utf8) : []) + bytes + [UInt8(ascii: "\"")]
        return Result { () throws(JSONParser.SyntaxError) in try JSONParser.parse(document) }
    }

    /// Every 1- and 2-byte sequence, every 3-byte one with an E0–EF lead and a range of third bytes,
    /// and 4-byte ones around every boundary: accepted exactly when `String(validating:)` accepts.
    @Test("UTF-8 is checked as String(validating:) checks it", arguments: [false, true])
    func utf8(escaped: Bool) {
        var sequences: [[UInt8]] = []
        for a in 0x20...0xFF { sequences.append([UInt8(a)]) }
        for a in 0x80...0xFF { for b in 0x00...0xFF { sequences.append([UInt8(a), UInt8(b)]) } }
        for a in 0x41...0x42 { for b in 0x80...0xFF { sequences.append([UInt8(a), UInt8(b)]) } }
        let edges: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0]
        for a in 0xE0...0xEF {
            for b in 0x00...0xFF { for c in edges { sequences.append([UInt8(a), UInt8(b), c]) } }
        }
        for a in 0xF0...0xF7 {
            for b in 0x00...0xFF {
                for c in [0x7F, 0x80, 0xBF, 0xC0] as [UInt8] {
                    sequences.append([UInt8(a), UInt8(b), c, 0x80])
                }
            }
            for c in edges { for d in edges { sequences.append([UInt8(a), 0x90, c, d]) } }
        }
        var accepted = 0
        for bytes in sequences where !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            let expected = String(validating: bytes, as: UTF8.self)
            switch Self.parse(bytes, escaped: escaped) {
            case .success(let value):
                accepted += 1
                #expect(expected.map { .string((escaped ? "\n" : "") + $0) } == value, "\(bytes)")
            case .failure(let error):
                #expect(expected == nil, "\(bytes): \(error)")
                #expect(error.message == "invalid UTF-8 in a string", "\(bytes)")
            }
        }
        #expect(accepted > 5000)
    }

    @Test("invalid UTF-8 in a case is refused with its position, with and without escapes")
    func invalidUTF8Position() {
        func message(_ bytes: [UInt8]) -> String? {
            do {
                _ = try CaseDecoder.decode(bytes: bytes, today: { _ in Fixtures.today })
                return nil
            } catch {
                return error.description
            }
        }
        #expect(
            message(Array(#"{"market":"NL"#.utf8) + [0xFF] + Array(#""}"#.utf8))
                == "malformed JSON: line 1, column 15: invalid UTF-8 in a string")
        #expect(
            message(Array(#"{"market":"N\nL"#.utf8) + [0xFF] + Array(#""}"#.utf8))
                == "malformed JSON: line 1, column 18: invalid UTF-8 in a string")
        #expect(
            message(Array("{\"market\":\"NL\u{1}".utf8) + [0xFF] + Array(#""}"#.utf8))
                == "malformed JSON: line 1, column 14: control character in a string (escape it)")
        #expect(
            message(Array(#"{"ma"#.utf8) + [0xC3] + Array(#"":1}"#.utf8))
                == "malformed JSON: line 1, column 6: invalid UTF-8 in a string")
    }

    @Test("keys that are equal as Strings are duplicates, found and known, whatever their bytes")
    func nonASCIIKeys() throws {
        // U+212A KELVIN SIGN is canonically equivalent to "K"; "é" has two spellings.
        for (a, b) in [("K", "\u{212A}"), ("caf\u{E9}", "cafe\u{301}"), ("name", "nam\u{E9}")] {
            let document = "{\"\(a)\":1,\"\(b)\":2}"
            #expect((try? JSONParser.parse(document)) == nil ? a == b : a != b, "\(a) \(b)")
            let single = try JSONParser.parse("{\"\(b)\":3}")
            guard case .object(let object) = single else { Issue.record("not an object"); continue }
            #expect((object[a] != nil) == (a == b))
        }
        var built = JSONObject()
        built.append("x", .bool(true))
        built.append("\u{212A}", .null)
        let kelvin: JSONValue? = "K" == "\u{212A}" ? .null : nil
        #expect(built["K"] == kelvin)
        #expect(built["x"] == .bool(true))
        #expect(built["y"] == nil)
    }

    /// `JSONObject` skips keys of another length when its keys are ASCII. That is safe because a
    /// non-ASCII spelling of an ASCII key is longer: the only scalars whose canonical
    /// decomposition is all ASCII decompose to one scalar (U+037E, U+1FEF, U+212A).
    @Test("non-ASCII spellings of ASCII text are longer than it")
    func canonicalASCII() {
        var toASCII: [UInt32] = []
        for value in 0x80..<0x30000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            guard decomposed.allSatisfy(\.isASCII) else { continue }
            toASCII.append(scalar.value)
            #expect(decomposed.count == 1, "U+\(String(value, radix: 16))")
            #expect(String(scalar) == String(decomposed))
        }
        #expect(toASCII == [0x37E, 0x1FEF, 0x212A])
    }

    static func decodeError(_ edit: (inout String) -> Void) -> String? {
        var text = try! String(
            contentsOf: Fixtures.examples.appendingPathComponent("nl-out-of-warranty.json"), encoding: .utf8)
        edit(&text)
        do {
            _ = try CaseDecoder.decode(text, today: { _ in Fixtures.today })
            return nil
        } catch {
            return error.description
        }
    }

    @Test("unknown non-ASCII and escaped keys are named")
    func unknownKeys() {
        #expect(
            Self.decodeError { $0 = $0.replacingOccurrences(of: #""name""#, with: #""nam\u00e9""#) }
                == "customer.namé: unknown field (expected one of: email, language, name)")
        #expect(
            Self.decodeError { $0 = $0.replacingOccurrences(of: #""model""#, with: "\"mod\u{E9}l\"") }
                == "device.modél: unknown field (expected one of: category, imei, model, screenInches, serial)"
        )
        #expect(
            Self.decodeError { $0 = $0.replacingOccurrences(of: #""model""#, with: #""m\u006fdel""#) } == nil)
    }

    @Test("names and models: non-ASCII, escapes and white space of every kind")
    func names() throws {
        func decoded(name: String, model: String) throws -> ServiceCase {
            let text = try String(
                contentsOf: Fixtures.examples.appendingPathComponent("nl-out-of-warranty.json"),
                encoding: .utf8)
            guard case .object(var root) = try JSONParser.parse(text),
                case .object(let customer)? = root["customer"], case .object(let device)? = root["device"]
            else { throw ValidationError(field: "", "example is not an object") }
            func replacing(_ object: JSONObject, _ key: String, _ value: String) -> JSONValue {
                .object(
                    JSONObject(object.entries.map { ($0.key, $0.key == key ? .string(value) : $0.value) }))
            }
            root = JSONObject(
                root.entries.map { entry -> (key: String, value: JSONValue) in
                    switch entry.key {
                    case "customer": (entry.key, replacing(customer, "name", name))
                    case "device": (entry.key, replacing(device, "model", model))
                    default: entry
                    }
                })
            return try CaseDecoder.decode(
                bytes: JSONWriter.bytes(.object(root)), today: { _ in Fixtures.today })
        }
        let c = try decoded(name: "Zoë \u{2007} 中文 \"quoted\" \\ 😀", model: "\u{2003} TV-55X\u{A0} \u{3000}")
        #expect(c.customer.name == "Zoë \u{2007} 中文 \"quoted\" \\ 😀")
        #expect(c.device.model == "TV-55X")
        #expect(throws: ValidationError(field: "customer.name", "must not be empty")) {
            try decoded(name: "\u{A0}\u{3000} ", model: "M")
        }
        for model in [
            "\tTV-55X", "TV-55X\n", "TV\r\nX", "TV\u{0}", "TV\u{85}", "\u{2066}TV", "TV\u{2028}X",
            "TV\u{2029}",
        ] {
            #expect(
                throws: ValidationError(
                    field: "device.model", "contains a control or text-direction character")
            ) {
                try decoded(name: "Bob", model: model)
            }
        }
        #expect(
            throws: ValidationError(field: "customer.name", "contains a control or text-direction character")
        ) {
            try decoded(name: "Bob \u{202E}", model: "M")
        }
        #expect(throws: ValidationError(field: "device.model", "must not be empty")) {
            try decoded(name: "Bob", model: "\u{2003}\u{3000}")
        }
    }
}
