import Foundation
import QuoteCore
import QuoteJSON
import Testing

/// G-5: every bad field is refused before anything is computed, with its path named.
@Suite("Bad input is refused, naming the field")
struct CaseValidationTests {
    static let base = try! JSONParser.parse(
        String(
            contentsOf: Fixtures.examples.appendingPathComponent("nl-out-of-warranty.json"), encoding: .utf8))

    /// The base case with `path` set to `value` (or removed when nil).
    static func mutated(_ path: [String], _ value: JSONValue?) -> JSONValue {
        func set(_ node: JSONValue, _ keys: ArraySlice<String>) -> JSONValue {
            guard case .object(let o) = node, let key = keys.first else { return value ?? .null }
            var copy = JSONObject()
            var found = false
            for (k, v) in o.entries {
                if k == key {
                    found = true
                    if keys.count == 1 && value == nil { continue }
                    copy.append(k, set(v, keys.dropFirst()))
                } else {
                    copy.append(k, v)
                }
            }
            if !found, let value, keys.count == 1 { copy.append(key, value) }
            return .object(copy)
        }
        return set(base, path[...])
    }

    static func error(_ json: JSONValue) -> ValidationError? {
        do {
            _ = try Fixtures.calculator.quote(try Fixtures.decode(json))
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "each bad-input class names its field",
        arguments: [
            (["kind"], JSONValue.string("fix"), "kind", "unknown value \"fix\""),
            (["device", "model"], nil, "device.model", "is required"),
            (["device", "category"], .string("laptop"), "device.category", "unknown value \"laptop\""),
            (["device", "imei"], .string("12345"), "device.imei", "not an IMEI"),
            (["device", "imei"], .number("490154203237518"), "device.imei", "expected a string"),
            (["purchase", "date"], .string("2025-02-29"), "purchase.date", "not a date"),
            (["purchase", "official"], .string("yes"), "purchase.official", "expected true or false"),
            (["purchse"], .object(JSONObject()), "purchse", "unknown field"),
            (["market"], .string("XX"), "market", "unknown market \"XX\""),
            (["findings"], .array([.string("dropped")]), "findings[0]", "unknown value \"dropped\""),
            (
                ["repair", "parts"],
                .array([.object(JSONObject([("sku", .string("X12P-DISPLAY")), ("quantity", .number("-1"))]))]
                ), "repair.parts[0].quantity", "positive"
            ),
            (
                ["repair", "parts"],
                .array([
                    .object(JSONObject([("sku", .string("X12P-DISPLAY")), ("quantity", .number("1.5"))]))
                ]), "repair.parts[0].quantity", "whole number"
            ),
            (
                ["repair", "parts"],
                .array([.object(JSONObject([("sku", .string("X12P-DISPLAY")), ("quantity", .string("1"))]))]),
                "repair.parts[0].quantity", "whole number"
            ),
            (["customer", "email"], .string("anna at example"), "customer.email", "not an e-mail address"),
            (["salesTaxRate"], .string("12abc"), "salesTaxRate", "not a decimal number"),
            (["requestDate"], .string("2024-12-31"), "requestDate", "before the delivery date"),
            (["serviceMode"], .string("on-site"), "serviceMode", "on-site service is only for tv"),
            (
                ["history", "previousRepair"], .object(JSONObject([("completed", .string("2027-01-01"))])),
                "history.previousRepair.completed", "after the request date"
            ),
            (
                ["requestDate"], JSONValue.string("9999-12-31"), "requestDate",
                "outside the supported years 1990 to 2099"
            ),
            (["customer", "name"], .string("Anna \u{202E}seirV ed"), "customer.name", "text-direction"),
            (["customer", "email"], .string("anna@bücher.example"), "customer.email", "plain ASCII"),
            (
                ["repair", "parts"],
                .array([
                    .object(
                        JSONObject([
                            ("sku", .string("X12P-DISPLAY")), ("quantity", .number("99999999999999999999")),
                        ]))
                ]),
                "repair.parts[0].quantity", "too large"
            ),
        ])
    func refused(path: [String], value: JSONValue?, field: String, message: String) throws {
        let error = try #require(Self.error(Self.mutated(path, value)))
        #expect(error.field == field)
        #expect(error.message.contains(message), "\(error)")
    }

    @Test("malformed JSON is refused with its position")
    func malformedJSON() {
        #expect(
            throws: ValidationError(
                field: "", "malformed JSON: line 1, column 17: expected ',' or '}' in an object")
        ) {
            try CaseDecoder.decode(#"{"market": "NL" "kind": 1}"#, today: { _ in Fixtures.today })
        }
    }

    @Test("refund amounts are parsed exactly in the market's currency")
    func refundAmounts() throws {
        var json = try JSONParser.parse(
            String(
                contentsOf: Fixtures.examples.appendingPathComponent("us-remorse-refund.json"),
                encoding: .utf8))
        guard case .object(var o) = json, case .object(var p)? = o["purchase"] else {
            Issue.record("shape"); return
        }
        p = JSONObject(
            p.entries.map {
                $0.key == "amounts" ? ($0.key, .object(JSONObject([("price", .string("49.999"))]))) : $0
            })
        o = JSONObject(o.entries.map { $0.key == "purchase" ? ($0.key, .object(p)) : $0 })
        json = .object(o)
        let error = try #require(Self.error(json))
        #expect(
            error.description
                == "purchase.amounts.price: \"49.999\" has more than 2 decimals (USD has 2 decimals)")
    }

    @Test("random corruption of any field never crashes and always names a field")
    func fuzz() throws {
        let junk: [JSONValue] = [
            .null, .bool(true), .number("-1"), .number("1e400"), .string("12abc"), .string(""), .array([]),
            .object(JSONObject()), .string("\u{0}"),
        ]
        var rng = SplitMix(seed: 42)
        var refused = 0
        for name in Fixtures.exampleNames {
            let original = try JSONParser.parse(
                String(contentsOf: Fixtures.examples.appendingPathComponent(name + ".json"), encoding: .utf8))
            for path in Self.leafPaths(original) {
                let value = junk[Int(rng.next() % UInt64(junk.count))]
                guard let error = Self.errorReplacing(path, in: original, with: value) else { continue }
                refused += 1
                #expect(!error.field.isEmpty, "\(name) \(path): \(error)")
            }
        }
        #expect(refused > 200)
    }

    static func leafPaths(_ value: JSONValue, prefix: [String] = []) -> [[String]] {
        guard case .object(let o) = value else { return [prefix] }
        return o.entries.flatMap { leafPaths($0.value, prefix: prefix + [$0.key]) }
    }

    static func errorReplacing(_ path: [String], in document: JSONValue, with value: JSONValue)
        -> ValidationError?
    {
        func set(_ node: JSONValue, _ keys: ArraySlice<String>) -> JSONValue {
            guard case .object(let o) = node, let key = keys.first else { return value }
            return .object(
                JSONObject(o.entries.map { $0.key == key ? ($0.key, set($0.value, keys.dropFirst())) : $0 }))
        }
        return error(set(document, path[...]))
    }
}
