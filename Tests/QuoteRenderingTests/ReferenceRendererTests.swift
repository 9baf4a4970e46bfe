import Foundation
import Mustache
import QuoteCore
import Testing

@testable import QuoteRendering

/// The compiled templates must render exactly what swift-mustache renders from the same templates
/// and view model.
@Suite("Compiled templates agree with swift-mustache, the reference")
struct ReferenceRendererTests {
    func both(_ fixture: QuoteFixture, _ format: DocumentFormat, _ language: String) throws -> (
        String, String
    ) {
        func render(reference: Bool) throws -> String {
            try Support.renderer.render(
                fixture.quote, case: fixture.serviceCase, format: format, language: language,
                marketLanguage: fixture.marketLanguage, reference: reference)
        }
        return (try render(reference: false), try render(reference: true))
    }

    @Test("every fixture, format and language renders identically", arguments: SnapshotCase.all)
    func fixtures(_ snapshot: SnapshotCase) throws {
        let (compiled, reference) = try both(snapshot.quoteFixture, snapshot.format, snapshot.language)
        #expect(compiled == reference)
    }

    @Test("hostile fields are escaped identically")
    func hostile() throws {
        let (compiled, reference) = try both(EscapingTests.hostile, .html, "en")
        #expect(compiled == reference)
    }

    @Test("standalone tags, partial indentation, comments and transforms follow Mustache")
    func mustacheRules() throws {
        let text =
            "a\n  {{! note }}\n{{#isDraft}}\nyes\n{{/isDraft}}\n{{#notes}}[{{.}}]{{/notes}}{{^empty(notes)}}!{{/empty(notes)}}\n"
        let template = try CompiledTemplate(text)
        #expect(template.partials.isEmpty)
        struct Root: ViewNode {
            func value(_ field: Field) -> ViewValue? {
                switch field {
                case .isDraft: .flag(true)
                case .notes: .strings(["x"])
                default: nil
                }
            }
        }
        var renderer = TemplateRenderer(partials: [:], templateName: "t", language: "en")
        var stack: [TemplateRenderer.Frame] = [.node(Root())]
        try renderer.render(template, stack: &stack, indentation: "")
        let output = String(decoding: renderer.output, as: UTF8.self)
        #expect(output == "a\nyes\n[x]!\n")
        let reference = try MustacheTemplate(string: text).render(MustacheNode(node: Root()))
        #expect(output == reference)
    }

    @Test("an unsupported transform, an unclosed section or an unknown field is refused at load")
    func refused() {
        #expect(throws: CompiledTemplate.CompileError.self) { try CompiledTemplate("{{numbr}}") }
        #expect(throws: CompiledTemplate.CompileError.self) { try CompiledTemplate("{{due.lable}}") }
        #expect(throws: CompiledTemplate.CompileError.self) { try CompiledTemplate("{{reversed(x)}}") }
        #expect(throws: CompiledTemplate.CompileError.self) { try CompiledTemplate("{{#x}}open") }
    }
}
