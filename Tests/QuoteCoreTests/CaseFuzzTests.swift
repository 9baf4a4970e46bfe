import Foundation
import QuoteCore
import QuoteJSON
import Testing

/// Seeded fuzzing of the path every case takes (`repairquote quote`, `POST /v1/quotes/preview`):
/// decode, quote, encode. Every mutation ends in a quote or a ``ValidationError`` with a message;
/// a trap anywhere would end the test process, so reaching the end is itself the check that none
/// trapped.
@Suite("fuzzing the case decoder and the calculator")
struct CaseFuzzTests {
    /// Mutations per example file.
    static let mutationsPerFile = 10_000

    /// The same steps as `repairquote quote`: decode the bytes, quote, encode the quote.
    static func quotePath(_ bytes: [UInt8]) -> Result<[UInt8], ValidationError> {
        Result { () throws(ValidationError) -> [UInt8] in
            let serviceCase = try CaseDecoder.decode(bytes: bytes, today: { _ in Fixtures.today })
            return QuoteEncoder.bytes(try Fixtures.calculator.quote(serviceCase))
        }
    }

    @Test(
        "10,000 mutations of every example end in a quote or an error naming what is wrong",
        arguments: Fixtures.exampleNames)
    func mutations(of name: String) throws {
        let original = try Array(Data(contentsOf: Fixtures.examples.appendingPathComponent(name + ".json")))
        let json = try JSONParser.parse(original)
        var fuzzer = CaseFuzzer(seed: Self.seed(of: name))
        var quoted = 0
        var refused = 0
        for _ in 0..<Self.mutationsPerFile {
            let bytes = fuzzer.mutate(json, original: original)
            switch Self.quotePath(bytes) {
            case .success(let quote):
                #expect(!quote.isEmpty)
                quoted += 1
            case .failure(let error):
                #expect(
                    !error.message.isEmpty,
                    "an error without a message for \(String(decoding: bytes, as: UTF8.self))")
                #expect(!error.description.contains("\n"), "a message on more than one line: \(error)")
                refused += 1
            }
        }
        #expect(quoted + refused == Self.mutationsPerFile)
        // Both outcomes occur, so the mutations reach past the decoder into the calculator.
        #expect(quoted > 0 && refused > 0, "quoted \(quoted), refused \(refused)")
    }

    @Test("the largest numbers a mutation can write are refused with the field, not trapped on")
    func largeNumbers() throws {
        let base = try String(
            contentsOf: Fixtures.examples.appendingPathComponent("us-remorse-refund.json"), encoding: .utf8)
        let cases: [(String, String, String)] = [
            (#""price": "49.99""#, #""price": "922337203685477""#, "purchase.amounts.price"),
            (#""price": "49.99""#, #""price": "922337203685477.5807""#, "purchase.amounts.price"),
            (#""price": "49.99""#, #""price": "99999999999999999999""#, "purchase.amounts.price"),
            (#""shipping": "5.00""#, #""shipping": "1000000000000""#, "purchase.amounts.shipping"),
            (#""market": "US","#, #""market": "US", "salesTaxRate": "922337203685478","#, "salesTaxRate"),
            (#""market": "US","#, #""market": "US", "salesTaxRate": 922337203685478,"#, "salesTaxRate"),
            (#""market": "US","#, #""market": "US", "salesTaxRate": "100","#, "salesTaxRate"),
        ]
        for (from, to, field) in cases {
            let text = base.replacingOccurrences(of: from, with: to)
            #expect(text != base)
            guard case .failure(let error) = Self.quotePath(Array(text.utf8)) else {
                Issue.record("\(to) was accepted")
                continue
            }
            #expect(error.field == field, "\(to): \(error)")
            #expect(error.message.contains("range") || error.message.contains("large"), "\(error)")
        }
        let largest = base.replacingOccurrences(
            of: #""price": "49.99""#, with: #""price": "999999999999.99""#)
        guard case .success(let quote) = Self.quotePath(Array(largest.utf8)) else {
            Issue.record("the largest amount was refused")
            return
        }
        #expect(String(decoding: quote, as: UTF8.self).contains("-999999999999.99"))
    }

    static func seed(of name: String) -> UInt64 {
        // FNV-1a: stable across runs (String.hashValue is not).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

/// Mutates a case: numbers grown, digits and signs flipped, strings lengthened, types swapped,
/// keys dropped, random bytes written into the text.
struct CaseFuzzer {
    var rng: SplitMix

    init(seed: UInt64) { rng = SplitMix(seed: seed) }

    mutating func int(_ bound: Int) -> Int { Int(rng.next() % UInt64(bound)) }

    mutating func mutate(_ json: JSONValue, original: [UInt8]) -> [UInt8] {
        if int(8) == 0 { return bytes(original) }
        var value = json
        for _ in 0...int(3) { value = tree(value, depth: 0) }
        return JSONWriter.bytes(value, pretty: false)
    }

    /// Random bytes written over, inserted into or cut from the text.
    mutating func bytes(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        for _ in 0...int(4) {
            guard !bytes.isEmpty else { break }
            let at = int(bytes.count)
            switch int(3) {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
            default: bytes.remove(at: at)
            }
        }
        return bytes
    }

    /// One change somewhere below `value`.
    mutating func tree(_ value: JSONValue, depth: Int) -> JSONValue {
        switch value {
        case .object(let object) where !object.entries.isEmpty && (depth == 0 || int(4) != 0):
            var entries = object.entries
            let index = int(entries.count)
            if int(12) == 0 {
                entries.remove(at: index)
            } else {
                entries[index].value = tree(entries[index].value, depth: depth + 1)
            }
            return .object(JSONObject(entries))
        case .array(var items) where !items.isEmpty && int(4) != 0:
            let index = int(items.count)
            items[index] = tree(items[index], depth: depth + 1)
            if int(10) == 0 { items.append(items[index]) }
            return .array(items)
        default:
            return leaf(value)
        }
    }

    mutating func leaf(_ value: JSONValue) -> JSONValue {
        switch (value, int(6)) {
        case (.string(let s), 0), (.number(let s), 0):
            return retype(s, as: value)
        case (.string(let s), 1), (.number(let s), 1):
            return same(value, text(grow: s))
        case (.string(let s), 2), (.number(let s), 2):
            return same(value, text(flipDigit: s))
        case (.string(let s), 3), (.number(let s), 3):
            return same(value, s.hasPrefix("-") ? String(s.dropFirst()) : "-" + s)
        case (.string(let s), 4):
            return .string(String(repeating: s.isEmpty ? "x" : s, count: 2 + int(200)))
        default:
            return swapType(value)
        }
    }

    func same(_ value: JSONValue, _ text: String) -> JSONValue {
        if case .number = value { return .number(text) }
        return .string(text)
    }

    mutating func retype(_ text: String, as value: JSONValue) -> JSONValue {
        if case .number = value { return .string(text) }
        return text.first.map { $0.isNumber || $0 == "-" } == true ? .number(text) : .string(text)
    }

    /// Digits added to the whole part (or the end): "49.99" → "4999999999999999999999.99".
    mutating func text(grow text: String) -> String {
        let digits = String(repeating: "9", count: 1 + int(25))
        if let dot = text.firstIndex(of: ".") { return text[..<dot] + digits + text[dot...] }
        return text + digits
    }

    mutating func text(flipDigit text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return "0" }
        let at = int(scalars.count)
        scalars[at] = Unicode.Scalar(UInt8(ascii: "0") + UInt8(int(10)))
        if int(5) == 0 { scalars.insert(["\r", "\n", "\u{0}", "\u{202E}", ".", ","][int(6)], at: at) }
        return String(String.UnicodeScalarView(scalars))
    }

    mutating func swapType(_ value: JSONValue) -> JSONValue {
        switch int(7) {
        case 0: return .null
        case 1: return .bool(int(2) == 0)
        case 2: return .number(["0", "-1", "1e309", "9223372036854775808", "1.5", "-0"][int(6)])
        case 3: return .string(["", " ", "9223372036854775807", "\u{0}", "nl\r\nX", "2026-02-30"][int(6)])
        case 4: return .array([value])
        case 5: return .object(JSONObject([("value", value)]))
        default: return .array([])
        }
    }
}
