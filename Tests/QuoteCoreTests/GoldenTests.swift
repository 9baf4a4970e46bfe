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

    static let ruleIDs: [String] = {
        let rules = try! String(
            contentsOf: Fixtures.root.deletingLastPathComponent().appendingPathComponent(
                "shared/spec/rules.md"), encoding: .utf8)
        return rules.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| "), let id = line.dropFirst(2).split(separator: " ").first,
                id.contains("-"), id.first!.isUppercase, id.last!.isNumber
            else { return nil }
            return String(id)
        }
    }()

    @Test("every rule ID of rules.md has a golden case")
    func everyRuleHasAGoldenCase() {
        let covered = Set(
            Self.cases.compactMap { c -> String? in
                if case .string(let rule)? = c.json.at("rule") { return rule }
                return nil
            })
        #expect(Self.ruleIDs.count == 59)
        for id in Self.ruleIDs { #expect(covered.contains(id), "no golden case for \(id)") }
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
