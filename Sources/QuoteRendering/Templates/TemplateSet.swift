import Foundation
import Mustache

/// The templates of one format, loaded and checked once: a root template (`quote.<fmt>.mustache`,
/// `customer.html.mustache`) and every partial it includes, transitively, from
/// `partials/<name>.<fmt>.mustache`.
struct TemplateSet: Sendable {
    /// The root template's name: "quote", "customer".
    let root: String
    let format: DocumentFormat
    /// swift-mustache's parse of the templates: the reference renderer and syntax checker.
    let library: MustacheLibrary
    /// The same templates compiled for fast rendering, by name ("quote", "header", …).
    let compiled: [String: CompiledTemplate]
    /// The `ui.*` label keys the templates use (each must exist in every language).
    let labelKeys: Set<String>
    /// The `ui` label keys (without `ui.`) in the order the compiled templates number them.
    let labelOrder: [String]

    /// Loads `root` and its partials. `labelIndices` numbers the labels of a set loaded before,
    /// so that one `UILabels` order serves both (this set's labels are numbered after them).
    init(
        directory: URL, format: DocumentFormat, root: String = "quote", labelIndices seed: [String: Int] = [:]
    ) throws(RenderError) {
        self.root = root
        self.format = format
        var templates: [String: MustacheTemplate] = [:]
        var compiled: [String: CompiledTemplate] = [:]
        var labelKeys: Set<String> = []
        var pending = [(root, directory.appendingPathComponent("\(root).\(format.fileInfix).mustache"))]
        var includedBy: [String: String] = [:]
        var labelIndices = seed
        while let (name, file) = pending.popLast() {
            guard templates[name] == nil else { continue }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                if let parent = includedBy[name] { throw .missingPartial(name: name, includedBy: parent) }
                throw .missingTemplate(name: file.lastPathComponent, path: file.path)
            }
            let text = String(decoding: data, as: UTF8.self)
            let tags = MustacheTags.tags(in: text)
            if format == .text, !tags.contains(where: MustacheTags.isTextContentType) {
                throw .missingTextContentType(file: file.path)
            }
            templates[name] = try Self.parse(text, file: file.path)
            do {
                compiled[name] = try CompiledTemplate(text, labelIndices: &labelIndices)
            } catch .unknownField(let field) {
                throw .unknownField(name: field, template: file.path)
            } catch {
                throw .templateSyntax(file: file.path, message: error.message)
            }
            labelKeys.formUnion(tags.compactMap(MustacheTags.labelKey))
            for partial in tags.compactMap(MustacheTags.partialName) where templates[partial] == nil {
                includedBy[partial] = includedBy[partial] ?? file.lastPathComponent
                let partialFile = directory.appendingPathComponent(
                    "partials/\(partial).\(format.fileInfix).mustache")
                pending.append((partial, partialFile))
            }
        }
        library = MustacheLibrary(templates: templates)
        self.compiled = compiled
        self.labelKeys = labelKeys
        labelOrder = labelIndices.sorted { $0.value < $1.value }.map(\.key)
        self.labelIndices = labelIndices
    }

    /// The label numbering of `labelOrder`, to seed a set loaded after this one.
    let labelIndices: [String: Int]

    private static func parse(_ text: String, file: String) throws(RenderError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let where_ = "line \(error.context.lineNumber), column \(error.context.columnNumber)"
            throw .templateSyntax(file: file, message: "\(where_): \(error.error)")
        } catch {
            throw .templateSyntax(file: file, message: "\(error)")
        }
    }

    var templateName: String { "\(root).\(format.fileInfix)" }

    /// Renders the root template with the compiled templates; names the first unknown field.
    func render(_ document: QuoteDocument) throws(RenderError) -> String {
        try render(.document(document), language: document.lang)
    }

    /// Renders the root template over `object` (a document, a customer page).
    func render(_ object: ViewObject, language: String) throws(RenderError) -> String {
        var renderer = TemplateRenderer(partials: compiled, templateName: templateName, language: language)
        renderer.output.reserveCapacity(format == .html ? 16_384 : 8192)
        var stack: [TemplateRenderer.Frame] = [.object(object)]
        try renderer.render(compiled[root]!, stack: &stack, indentation: "")
        // Every piece appended is valid UTF-8, so validation never fails; `String(validating:)`
        // checks it faster than `String(decoding:)`, which would also repair.
        return String(validating: renderer.output, as: UTF8.self)
            ?? String(decoding: renderer.output, as: UTF8.self)
    }

    /// Renders the root template with swift-mustache, the reference implementation.
    func renderReference(_ document: QuoteDocument) throws(RenderError) -> String {
        try renderReference(document, language: document.lang)
    }

    /// `renderReference` over any view node (a customer page).
    func renderReference(_ node: any ViewNode, language: String) throws(RenderError) -> String {
        let log = MissLog()
        guard let output = library.render(MustacheNode(node: node, log: log), withTemplate: root) else {
            throw .missingTemplate(name: root, path: templateName)
        }
        if let unknown = log.names.first {
            if unknown == "ui" { throw .missingLabel(key: unknown, language: language) }
            throw .unknownField(name: unknown, template: templateName)
        }
        return output
    }
}

/// A plain scan of Mustache tags (`{{ … }}`), enough to find partials and label keys before
/// rendering. Templates keep the default `{{ }}` delimiters.
enum MustacheTags {
    static func tags(in text: String) -> [Substring] {
        var tags: [Substring] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            tags.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return tags
    }

    static func isTextContentType(_ tag: Substring) -> Bool {
        tag.filter { !$0.isWhitespace } == "%CONTENT_TYPE:TEXT"
    }

    /// `> header` → "header".
    static func partialName(_ tag: Substring) -> String? {
        let trimmed = tag.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(">") else { return nil }
        return String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
    }

    /// `ui.issueDate`, `#ui.x`, `{ui.x` → "ui.issueDate".
    static func labelKey(_ tag: Substring) -> String? {
        var trimmed = Substring(tag.trimmingCharacters(in: .whitespaces))
        if let first = trimmed.first, "#^/&{".contains(first) { trimmed = trimmed.dropFirst() }
        let name = trimmed.trimmingCharacters(in: .whitespaces)
        return name.hasPrefix("ui.") ? name : nil
    }
}
