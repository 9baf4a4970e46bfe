import Foundation
import QuoteCore

/// Renders quotes as plain text or HTML from the Mustache templates of a `Templates/` directory.
///
/// Loads and checks everything once (templates, partials, label files, every label the templates
/// use in every language); then `render` is cheap, thread-safe and reusable:
///
/// ```swift
/// let renderer = try QuoteRenderer(templatesDirectory: URL(fileURLWithPath: "Templates"))
/// let html = try renderer.render(quote, case: serviceCase, format: .html, language: nil, marketLanguage: "nl")
/// ```
public struct QuoteRenderer: Sendable {
    public let catalog: LabelCatalog
    private let templates: [DocumentFormat: TemplateSet]
    /// `customer.html.mustache`: the customer-link pages (its labels numbered after the HTML quote's).
    let customerTemplates: TemplateSet
    let locales: [String: LocaleFormat]
    let tables: [String: TableLabels]
    /// Per language and format, the `ui` labels as templates see them (wrapped to 80 columns for text).
    let uiTables: [String: [DocumentFormat: UILabels]]
    /// The document's CSS for a page that shows the document inside its own layout (the console):
    /// the same partials as the standalone document's `<style>` (``stylesheet(of:)``).
    public let documentStylesheet: String

    /// Loads `quote.txt.mustache`, `quote.html.mustache`, `customer.html.mustache`, their partials
    /// and `labels/*.json`.
    public init(templatesDirectory: URL) throws(RenderError) {
        _ = FastHTMLContentType.registered
        var templates: [DocumentFormat: TemplateSet] = [:]
        var labelKeys: Set<String> = []
        for format in DocumentFormat.allCases {
            let set = try TemplateSet(directory: templatesDirectory, format: format)
            templates[format] = set
            labelKeys.formUnion(set.labelKeys)
        }
        let customer = try TemplateSet(
            directory: templatesDirectory, format: .html, root: "customer",
            labelIndices: templates[.html]?.labelIndices ?? [:])
        labelKeys.formUnion(customer.labelKeys)
        let catalog = try LabelCatalog.load(
            directory: templatesDirectory.appendingPathComponent("labels"), requiredKeys: labelKeys)
        var locales: [String: LocaleFormat] = [:]
        var tables: [String: TableLabels] = [:]
        var uiTables: [String: [DocumentFormat: UILabels]] = [:]
        for language in catalog.languages {
            let labels = try catalog.require(language)
            locales[language] = try LocaleFormat(labels: labels)
            tables[language] = TableLabels(labels: labels)
            var html: [String: String] = [:]
            for (key, text) in labels.entries where key.hasPrefix("ui.") {
                html[String(key.dropFirst(3))] = text
            }
            let text = html.mapValues { TextWrap.indented($0, width: TextLayout.width, indent: 0) }
            uiTables[language] = [
                .html: UILabels(table: html, order: customer.labelOrder),
                .text: UILabels(table: text, order: templates[.text]?.labelOrder ?? []),
            ]
        }
        documentStylesheet = try Self.stylesheet(of: templates[.html])
        self.catalog = catalog
        self.templates = templates
        customerTemplates = customer
        self.locales = locales
        self.tables = tables
        self.uiTables = uiTables
    }

    /// The language codes of the label files: ["en", "es", "fr", "nl", "zh-Hant"].
    public var languages: [String] { catalog.languages }

    /// The language a document is rendered in: `explicit` (the `--lang` argument) if given, else
    /// the customer's language when a label file exists for it, else the market's language
    /// (`PriceList.settings.language`). An explicit or market language without labels is an error
    /// that lists the available ones.
    ///
    /// `marketLanguages` (`Quote.languages`: the languages the market's rule sentences are written
    /// in) keeps a document in one language throughout: an explicit language outside them is
    /// `languageNotInMarket`, and a customer's language outside them falls back to the market's.
    /// Empty: not known, any language with labels.
    public func resolveLanguage(
        explicit: String?, customer: String?, marketLanguage: String, marketLanguages: [String] = []
    ) throws(RenderError) -> String {
        func listed(_ code: String) -> Bool {
            marketLanguages.isEmpty || marketLanguages.contains { $0.lowercased() == code.lowercased() }
        }
        if let explicit {
            let code = try catalog.require(explicit).language
            guard listed(code) else { throw .languageNotInMarket(explicit, marketLanguages: marketLanguages) }
            return code
        }
        if let customer, let labels = catalog.labels(for: customer), listed(labels.language) {
            return labels.language
        }
        return try catalog.require(marketLanguage).language
    }

    /// The quote as a document of `format` in the resolved language (see `resolveLanguage`).
    ///
    /// - `decision`: once decided, the document says what was decided, when and through which
    ///   channel, and drops the "if you decline" section (see `DocumentDecision`).
    /// - `customerLink`: the Accept/Reject link shown on top ("Accept or reject this quote: …"),
    ///   for the e-mail of an undecided quote.
    /// - `reminder`: the reminder e-mail's sentence above the link (`email.reminder`).
    public func render(
        _ quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?,
        marketLanguage: String, decision: DocumentDecision? = nil, customerLink: String? = nil,
        reminder: Bool = false
    ) throws(RenderError) -> String {
        try render(
            quote, case: serviceCase, format: format, language: language, marketLanguage: marketLanguage,
            decision: decision, customerLink: customerLink, reminder: reminder, reference: false)
    }

    /// `render`, with swift-mustache instead of the compiled templates when `reference` is true
    /// (the tests check that both give the same documents).
    func render(
        _ quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?,
        marketLanguage: String, decision: DocumentDecision? = nil, customerLink: String? = nil,
        reminder: Bool = false, reference: Bool
    ) throws(RenderError) -> String {
        let (document, labels) = try document(
            quote, case: serviceCase, format: format, language: language, marketLanguage: marketLanguage,
            decision: decision, customerLink: customerLink, reminder: reminder)
        guard let templates = templates[format] else {
            throw .unknownLanguage(labels.language, available: languages)
        }
        let output = reference ? try templates.renderReference(document) : try templates.render(document)
        return format == .text ? Self.trimmingTrailingSpaces(output) : output
    }

    /// Removes spaces at line ends (left by padded cells) and ends the text with one newline.
    static func trimmingTrailingSpaces(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = line
            while line.last == " " { line = line.dropLast() }
            return line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
