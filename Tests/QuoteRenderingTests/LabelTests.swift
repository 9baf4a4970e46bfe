import Foundation
import QuoteCore
import QuoteRendering
import Testing

@Suite("Label files: every language has every label")
struct LabelTests {
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

    @Test("every label file has every key: vocabularies, template labels, and each other's keys")
    func completeness() throws {
        let sets = try Self.labelSets()
        var required = Set(LabelSet.structuralKeys)
        for set in sets { required.formUnion(set.entries.keys) }
        for set in sets {
            for key in required.sorted() where set.entries[key] == nil {
                Issue.record("language \(set.language) lacks label \(key)")
            }
        }
    }

    @Test(
        "no label file holds rule sentences: they live beside the policies (PriceLists/<M>/rules.<lang>.yaml)"
    )
    func noRuleSentences() throws {
        for set in try Self.labelSets() {
            #expect(!set.entries.keys.contains { $0.hasPrefix("rules.") }, "\(set.language)")
        }
    }

    @Test("a label file missing a key fails loading, naming the key and the language")
    func missingKeyIsNamed() throws {
        let copy = try Support.templatesCopy()
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("labels/fr.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"sampleNotice\":", with: "\"sampleNotice-typo\":").write(
            to: file, atomically: true, encoding: .utf8)
        #expect(throws: RenderError.missingLabel(key: "ui.sampleNotice", language: "fr")) {
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

}
