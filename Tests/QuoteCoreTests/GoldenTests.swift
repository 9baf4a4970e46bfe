import Foundation
import QuoteCore
import QuoteJSON
import Testing

/// One or more golden cases per rule ID of rules.md, as data files in `Golden/` (written by
/// scripts/dev/make_golden.py): a case in, the expected quote fields (or error) out.
@Suite("Golden cases, one or more per rule")
struct GoldenTests {
    struct Golden: CustomTestStringConvertible, Sendable {
        let file: String
        let json: JSONValue
        var testDescription: String {
            guard case .string(let rule)? = json.at("rule"), case .string(let title)? = json.at("title")
            else { return file }
            return "\(rule): \(title)"
        }
    }

    static let directory = Fixtures.root.appendingPathComponent("Tests/QuoteCoreTests/Golden")

    static let cases: [Golden] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
            $0.hasSuffix(".json")
        }.sorted()
        return names.map { name in
            let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)!
            return Golden(file: name, json: try! JSONParser.parse(Array(data)))
        }
    }()

    /// The repository's own rules document: its `## G-1`, `## BX-3` … headings are the rule IDs.
    static let rulesDocument = Fixtures.root.appendingPathComponent("docs/rules.md")

    /// A rules document that cannot be read: the test fails with this message instead of crashing.
    struct MissingRules: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "\(path) cannot be read: the rule IDs come from the repository's own docs/rules.md"
        }
    }

    /// The rule IDs of the document at `url`, in order: every `## ID` heading whose ID is letters,
    /// a hyphen and a number.
    static func ruleIDs(in url: URL) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw MissingRules(path: url.path)
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard line.hasPrefix("## ") else { return nil }
            let id = line.dropFirst(3)
            let parts = id.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isUppercase),
                !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber)
            else { return nil }
            return String(id)
        }
    }

    @Test("a missing rules document is a clear error naming docs/rules.md, not a crash")
    func missingRulesDocument() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(
            "no-such-\(UUID().uuidString)/rules.md")
        let error = #expect(throws: MissingRules.self) { try Self.ruleIDs(in: missing) }
        #expect(
            error?.description
                == "\(missing.path) cannot be read: the rule IDs come from the repository's own docs/rules.md"
        )
    }

    @Test("every rule ID of rules.md has a golden case")
    func everyRuleHasAGoldenCase() throws {
        let ruleIDs = try Self.ruleIDs(in: Self.rulesDocument)
        let covered = Set(
            Self.cases.compactMap { c -> String? in
                if case .string(let rule)? = c.json.at("rule") { return rule }
                return nil
            })
        #expect(ruleIDs.count == 59)
        #expect(ruleIDs.prefix(2) == ["G-1", "G-2"] && ruleIDs.last == "ES-5")
        for id in ruleIDs { #expect(covered.contains(id), "no golden case for \(id)") }
    }

    @Test("golden case", arguments: cases)
    func golden(_ golden: Golden) throws {
        let json = golden.json
        let result: Result<Quote, ValidationError> = Result { () throws(ValidationError) in
            try Fixtures.calculator.quote(try Fixtures.decode(json.at("case")!))
        }
        if case .string(let expectedError)? = json.at("error") {
            guard case .failure(let error) = result else {
                Issue.record("\(golden.file): expected the error \(expectedError), got a quote")
                return
            }
            #expect(error.description == expectedError, "\(golden.file)")
            return
        }
        let quote = try result.get()
        let output = QuoteEncoder.json(quote)
        if case .object(let expect)? = json.at("expect") {
            for (path, expected) in expect.entries {
                let actual = output.at(path) ?? .null
                #expect(
                    actual == expected,
                    "\(golden.file): \(path) is \(JSONWriter.write(actual, pretty: false)), expected \(JSONWriter.write(expected, pretty: false))"
                )
            }
        }
        let cited = quote.coverage.rules.map(\.id.rawValue)
        if case .array(let include)? = json.at("rulesInclude") {
            for case .string(let id) in include {
                #expect(cited.contains(id), "\(golden.file): \(id) not cited in \(cited)")
            }
        }
        if case .array(let exclude)? = json.at("rulesExclude") {
            for case .string(let id) in exclude {
                #expect(!cited.contains(id), "\(golden.file): \(id) cited in \(cited)")
            }
        }
    }
}
