import Foundation
import QuoteCore
import QuoteJSON
import Testing

@testable import QuoteServer

/// The constraints of `docs/openapi.yaml` are the code's: its enums are the vocabularies, its date
/// and one-line text patterns accept exactly what the decoder accepts. (scripts/api/run.sh checks
/// the document against the running service with schemathesis; these keep it from drifting when a
/// vocabulary or a rule changes.)
@Suite("the OpenAPI document's constraints are the decoder's")
struct OpenAPISchemaTests {
    typealias Schema = [String: Any]

    /// A schema with `$ref`s to components/schemas followed.
    static func resolved(_ schema: Schema) -> Schema {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/components/schemas/") else {
            return schema
        }
        return resolved(OpenAPIContractTests.schema(String(ref.dropFirst("#/components/schemas/".count))))
    }

    /// The schema at a path of property names from `root` (`["customer", "email"]`).
    static func property(_ root: Schema, _ path: [String]) -> Schema {
        path.reduce(resolved(root)) { schema, name in
            resolved((schema["properties"] as? Schema)?[name] as? Schema ?? [:])
        }
    }

    /// The values of an enum, of a `oneOf` of an enum and null, or of an array's items; null left out.
    static func enumValues(_ schema: Schema) -> Set<String> {
        let schema = resolved(schema)
        if let values = schema["enum"] as? [Any] { return Set(values.compactMap { $0 as? String }) }
        if let items = schema["items"] as? Schema { return enumValues(items) }
        let choices = (schema["oneOf"] as? [Schema] ?? []) + (schema["anyOf"] as? [Schema] ?? [])
        return choices.reduce(into: Set<String>()) { $0.formUnion(enumValues($1)) }
    }

    /// The `pattern` of a component, compiled as the document states it.
    static func pattern(_ name: String) throws -> NSRegularExpression {
        let text = try #require(OpenAPIContractTests.schema(name)["pattern"] as? String, "\(name).pattern")
        return try NSRegularExpression(pattern: text)
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func raw<E: RawRepresentable & CaseIterable>(_: E.Type) -> Set<String> where E.RawValue == String {
        Set(E.allCases.map(\.rawValue))
    }

    /// A list parameter's schema of `GET /v1/quotes`.
    static func listParameter(_ name: String) -> Schema {
        let paths = OpenAPIContractTests.document["paths"] as? Schema ?? [:]
        let list = ((paths["/v1/quotes"] as? Schema)?["get"] as? Schema)?["parameters"] as? [Schema] ?? []
        return list.first { $0["name"] as? String == name }?["schema"] as? Schema ?? [:]
    }

    @Test("docs/openapi.yaml is the document the service serves, byte for byte")
    func oneDocument() throws {
        let docs = try String(
            contentsOf: Shipped.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        #expect(docs == OpenAPIDocument.text)
        #expect(docs.hasPrefix("openapi: 3.1.0\n"))
    }

    @Test("every enum of the case, the quote and the list is the code's vocabulary")
    func enums() throws {
        let kase = OpenAPIContractTests.schema("Case")
        let expected: [(String, Set<String>, Set<String>)] = [
            ("kind", Self.enumValues(Self.property(kase, ["kind"])), Self.raw(CaseKind.self)),
            (
                "serviceMode", Self.enumValues(Self.property(kase, ["serviceMode"])),
                Self.raw(ServiceMode.self)
            ),
            (
                "device.category", Self.enumValues(Self.property(kase, ["device", "category"])),
                Self.raw(DeviceCategory.self)
            ),
            ("item", Self.enumValues(Self.property(kase, ["item"])), Self.raw(Item.self)),
            (
                "purchase.channel", Self.enumValues(Self.property(kase, ["purchase", "channel"])),
                Self.raw(Channel.self)
            ),
            ("findings", Self.enumValues(Self.property(kase, ["findings"])), Self.raw(Finding.self)),
            ("decision", Self.enumValues(Self.property(kase, ["decision"])), Self.raw(Decision.self)),
            ("raisedVia", Self.enumValues(Self.property(kase, ["raisedVia"])), Self.raw(RaisedVia.self)),
            (
                "market", Self.enumValues(Self.property(kase, ["market"])),
                Set(try Shipped.engine().catalog.markets.map(\.rawValue))
            ),
            (
                "Summary.state",
                Self.enumValues(Self.property(OpenAPIContractTests.schema("Summary"), ["state"])),
                Self.raw(QuoteState.self)
            ),
            (
                "Summary.coverageStatus",
                Self.enumValues(Self.property(OpenAPIContractTests.schema("Summary"), ["coverageStatus"])),
                Self.raw(CoverageStatus.self)
            ),
            (
                "ChargeLine.kind",
                Self.enumValues(Self.property(OpenAPIContractTests.schema("ChargeLine"), ["kind"])),
                Self.raw(LineKind.self)
            ),
            (
                "ChargeLine.payer",
                Self.enumValues(Self.property(OpenAPIContractTests.schema("ChargeLine"), ["payer"])),
                Self.raw(Payer.self)
            ),
            (
                "Decision.channel",
                Self.enumValues(Self.property(OpenAPIContractTests.schema("Decision"), ["channel"])),
                Self.raw(DecisionChannel.self)
            ),
            ("?state=", Self.enumValues(Self.listParameter("state")), Self.raw(QuoteState.self).union([""])),
            (
                "?status=", Self.enumValues(Self.listParameter("status")),
                Set(ListParameters.statuses).union([""])
            ),
        ]
        for (name, documented, code) in expected {
            #expect(!code.isEmpty, "\(name)")
            #expect(
                documented == code,
                "\(name): the document has \(documented.sorted()), the code \(code.sorted())")
        }
    }

    @Test("the Date pattern accepts exactly the dates a case accepts: real ones, 1990 to 2099")
    func datePattern() throws {
        let regex = try Self.pattern("Date")
        var checked = 0
        var wrong: [String] = []
        for year in [0, 1899, 1900, 1984, 2100, 2104, 2400, 9999] + Array(1988...2101) {
            for month in 0...13 {
                for day in 0...32 {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    let object = JSONObject([("date", .string(text))])
                    let accepted = (try? FieldReader(.object(object)).date("date")) != nil
                    if Self.matches(regex, text) != accepted { wrong.append(text) }
                    checked += 1
                }
            }
        }
        #expect(checked > 50_000)
        #expect(wrong.isEmpty, "pattern and decoder differ on \(wrong.prefix(10))")
        #expect(Self.matches(regex, "2024-02-29") && !Self.matches(regex, "2025-02-29"))
        #expect(!Self.matches(regex, "0000-00-00") && !Self.matches(regex, "2026-03-02T00:00"))
    }

    @Test("the Line patterns refuse exactly the characters TextSafety refuses (C0, C1, U+2028/9, bidi)")
    func linePatterns() throws {
        let line = try Self.pattern("Line")
        let required = try Self.pattern("RequiredLine")
        var wrong: [String] = []
        var refused = 0
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let clean = TextSafety.isClean(text)
            if !clean { refused += 1 }
            if Self.matches(line, text) != clean || Self.matches(required, text) != clean {
                wrong.append(String(format: "U+%04X", value))
            }
        }
        #expect(refused == 32 + 1 + 32 + 2 + 5 + 4)
        #expect(wrong.isEmpty, "patterns and TextSafety differ on \(wrong.prefix(10))")
        // A required text needs more than white space, as the decoder's trimming does.
        for blank in ["", " ", "\u{A0}\u{3000}", "\u{2003} "] {
            #expect(!Self.matches(required, blank), "\(blank.unicodeScalars.map(\.value))")
            #expect(Self.matches(line, blank))
        }
        #expect(Self.matches(required, " Anna de Vries "))
    }
}
