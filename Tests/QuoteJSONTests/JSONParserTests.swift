import QuoteCore
import QuoteJSON
import Testing

@Suite("Strict JSON")
struct JSONParserTests {
    @Test("numbers keep their text, keys their order")
    func keepsText() throws {
        let value = try JSONParser.parse(#"{"b": 1.50, "a": [true, null, "x\u00e9\n"]}"#)
        guard case .object(let o) = value else { Issue.record("not an object"); return }
        #expect(o.keys == ["b", "a"])
        #expect(o["b"] == .number("1.50"))
        #expect(value.at("a[2]") == .string("xé\n"))
    }

    @Test(
        "malformed documents are refused with a position",
        arguments: [
            "{", "{\"a\":1,}", "[1 2]", "{\"a\":1, \"a\":2}", "01", "\"\u{01}\"", "{\"a\":tru}", "[1] x",
            "{'a':1}", "\"\\ud800\"",
        ])
    func refuses(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test("writing and parsing round-trip")
    func roundTrip() throws {
        let text = #"{"s":"a\"b\\c\u0001","n":-0.5,"l":[],"o":{}}"#
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(JSONWriter.write(value)) == value)
        #expect(
            JSONWriter.write(value, pretty: false)
                == text.replacingOccurrences(of: "\\u0001", with: "\\u0001"))
    }
}
