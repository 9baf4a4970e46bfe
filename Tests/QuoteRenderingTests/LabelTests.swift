import Foundation
import QuoteCore
import QuoteRendering
import Testing

@Suite("Label files: every language has every label")
struct LabelTests {
    /// Every rule ID of shared/spec/rules.md.
    static let ruleIDs: [String] = {
        let families: [(String, Int)] = [("G", 10), ("BX", 13), ("PK", 7), ("HK", 14), ("US", 10), ("ES", 5)]
        return families.flatMap { family, count in (1...count).map { "\(family)-\($0)" } }
    }()

    static func labelSets() throws -> [LabelSet] {
        let directory = Support.templates.appendingPathComponent("labels")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .filter { $0.hasSuffix(".json") }
            .map { name in
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                return try LabelSet(language: String(name.dropLast(5)), json: text, file: name)
            }
    }

    @Test("the shipped languages are en, es, fr, nl and zh-Hant")
    func languages() {
        #expect(Support.renderer.languages == ["en", "es", "fr", "nl", "zh-Hant"])
    }

    @Test(
        "every label file has every key: vocabularies, rule sentences, template labels, and each other's keys"
    )
    func completeness() throws {
        let sets = try Self.labelSets()
        var required = Set(LabelSet.structuralKeys + Self.ruleIDs.map { "rules.\($0)" })
        for set in sets { required.formUnion(set.entries.keys) }
        for set in sets {
            for key in required.sorted() where set.entries[key] == nil {
                Issue.record("language \(set.language) lacks label \(key)")
            }
            for key in required where key.hasPrefix("rules.") {
                #expect(set.entries[key]?.isEmpty == false, "\(set.language): \(key) is empty")
            }
        }
    }

    @Test("rule sentences cover exactly the rule IDs of rules.md")
    func ruleSentences() throws {
        for set in try Self.labelSets() {
            let ids = set.entries.keys.filter { $0.hasPrefix("rules.") }.map { String($0.dropFirst(6)) }
            #expect(Set(ids) == Set(Self.ruleIDs), "\(set.language)")
        }
    }

    @Test("a label file missing a key fails loading, naming the key and the language")
    func missingKeyIsNamed() throws {
        let copy = try Support.templatesCopy()
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("labels/fr.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"HK-7\":", with: "\"HK-7-typo\":").write(
            to: file, atomically: true, encoding: .utf8)
        #expect(throws: RenderError.missingLabel(key: "rules.HK-7", language: "fr")) {
            try QuoteRenderer(templatesDirectory: copy)
        }
    }

    @Test("a label the templates use but no file has fails loading")
    func templateLabelMustExist() throws {
        let copy = try Support.templatesCopy()
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("partials/footer.html.mustache")
        try "<footer>{{ui.companyAddress}}</footer>\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: RenderError.missingLabel(key: "ui.companyAddress", language: "en")) {
            try QuoteRenderer(templatesDirectory: copy)
        }
    }

    @Test("a cited rule without a sentence is an error naming it")
    func unknownRule() throws {
        var fixture = QuoteFixture.nlInWarranty
        fixture.quote.coverage.rules.append(Coverage.CitedRule(id: "XX-1", text: "made up"))
        #expect(throws: RenderError.missingLabel(key: "rules.XX-1", language: "nl")) {
            try Support.render(fixture, .text, language: nil)
        }
    }

    @Test("rule sentences are shown translated, not the quote's English text")
    func translatedSentences() throws {
        let text = try Support.render(QuoteFixture.nlOutOfWarranty, .html, language: "fr")
        #expect(text.contains("Hors garantie, vous payez le transport aller-retour"))
        #expect(!text.contains("(BX-8 in English)"))
    }
}
