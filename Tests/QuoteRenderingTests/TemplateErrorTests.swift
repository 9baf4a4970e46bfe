import Foundation
import QuoteRendering
import Testing

@Suite("A missing template, partial or field is an error naming it, never an empty string")
struct TemplateErrorTests {
    func loading(_ change: (URL) throws -> Void) throws -> RenderError? {
        let copy = try Support.templatesCopy()
        defer { try? FileManager.default.removeItem(at: copy) }
        try change(copy)
        do {
            _ = try QuoteRenderer(templatesDirectory: copy)
            return nil
        } catch {
            return error
        }
    }

    /// Loads a copy of the templates in which `file` holds `text`.
    func loading(_ text: String, in file: String) throws -> RenderError? {
        try loading { try text.write(to: $0.appendingPathComponent(file), atomically: true, encoding: .utf8) }
    }

    @Test("a missing root template is named with its path")
    func missingTemplate() throws {
        let error = try loading {
            try FileManager.default.removeItem(at: $0.appendingPathComponent("quote.html.mustache"))
        }
        guard case .missingTemplate(let name, let path) = error else {
            Issue.record("expected missingTemplate, got \(String(describing: error))")
            return
        }
        #expect(name == "quote.html.mustache")
        #expect(path.hasSuffix("/quote.html.mustache"))
    }

    @Test("a missing partial is named with the template that includes it")
    func missingPartial() throws {
        let error = try loading {
            try FileManager.default.removeItem(at: $0.appendingPathComponent("partials/totals.txt.mustache"))
        }
        #expect(error == .missingPartial(name: "totals", includedBy: "quote.txt.mustache"))
        #expect(error?.description == "missing partial \"totals\" (included by quote.txt.mustache)")
    }

    @Test("a plain-text partial without {{%CONTENT_TYPE: TEXT}} is refused")
    func textContentType() throws {
        let error = try loading("{{ui.footerNote}}\n", in: "partials/footer.txt.mustache")
        guard case .missingTextContentType(let file) = error else {
            Issue.record("expected missingTextContentType, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("partials/footer.txt.mustache"))
    }

    @Test("a Mustache syntax error names the file and line")
    func syntax() throws {
        let error = try loading("<p>\n{{#facts}}{{label}}\n", in: "partials/header.html.mustache")
        guard case .templateSyntax(let file, _) = error else {
            Issue.record("expected templateSyntax, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("partials/header.html.mustache"))
    }

    @Test("a field the view model does not have is an error when the templates load")
    func unknownField() throws {
        let error = try loading("<footer>{{numbr}}</footer>\n", in: "partials/footer.html.mustache")
        guard case .unknownField(let name, let template) = error else {
            Issue.record("expected unknownField, got \(String(describing: error))")
            return
        }
        #expect(name == "numbr")
        #expect(template.hasSuffix("partials/footer.html.mustache"))
    }

    @Test("a field that exists, used where no object has it, is an error at render time")
    func misplacedField() throws {
        let copy = try Support.templatesCopy()
        defer { try? FileManager.default.removeItem(at: copy) }
        try "<footer>{{gross}}</footer>\n".write(
            to: copy.appendingPathComponent("partials/footer.html.mustache"), atomically: true,
            encoding: .utf8)
        let renderer = try QuoteRenderer(templatesDirectory: copy)
        let fixture = QuoteFixture.nlInWarranty
        #expect(throws: RenderError.unknownField(name: "gross", template: "quote.html")) {
            try renderer.render(
                fixture.quote, case: fixture.serviceCase, format: .html, language: "en", marketLanguage: "nl")
        }
    }

    @Test("an empty labels directory is an error")
    func noLanguages() throws {
        let error = try loading { copy in
            let labels = copy.appendingPathComponent("labels")
            for name in try FileManager.default.contentsOfDirectory(atPath: labels.path) {
                try FileManager.default.removeItem(at: labels.appendingPathComponent(name))
            }
        }
        guard case .noLanguages = error else {
            Issue.record("expected noLanguages, got \(String(describing: error))")
            return
        }
    }
}
