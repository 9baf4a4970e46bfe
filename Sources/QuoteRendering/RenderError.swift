/// Why templates could not be loaded or a quote could not be rendered. Every case names what is
/// missing or wrong (a file, a partial, a label key and its language), never an empty document.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The templates directory, a template or a partial file does not exist.
    case missingTemplate(name: String, path: String)
    /// A template includes `{{> name}}` but no `partials/name.<format>.mustache` exists.
    case missingPartial(name: String, includedBy: String)
    /// A template does not parse as Mustache.
    case templateSyntax(file: String, message: String)
    /// A plain-text template or partial lacks `{{%CONTENT_TYPE: TEXT}}` (it would be HTML-escaped).
    case missingTextContentType(file: String)
    /// A label file is not valid JSON or not of the expected shape.
    case labelFileSyntax(file: String, message: String)
    /// `Templates/labels/` holds no label file.
    case noLanguages(directory: String)
    /// A label key is absent from a language's label file.
    case missingLabel(key: String, language: String)
    /// No label file for the requested language.
    case unknownLanguage(String, available: [String])
    /// The requested language is not one of the market's (`Quote.languages`): its rule sentences
    /// are not written in it, so the document could not be in that language throughout.
    case languageNotInMarket(String, marketLanguages: [String])
    /// A template names a view-model field that does not exist.
    case unknownField(name: String, template: String)
    /// A file could not be read.
    case unreadable(path: String)
    /// A customer page that shows a quote was asked for without the quote and its case.
    case missingQuote(page: String)

    public var description: String {
        switch self {
        case .missingTemplate(let name, let path): "missing template \"\(name)\" (expected at \(path))"
        case .missingPartial(let name, let file): "missing partial \"\(name)\" (included by \(file))"
        case .templateSyntax(let file, let message): "\(file): \(message)"
        case .missingTextContentType(let file):
            "\(file): a plain-text template must start with {{%CONTENT_TYPE: TEXT}}"
        case .labelFileSyntax(let file, let message): "\(file): \(message)"
        case .noLanguages(let directory): "no label files (*.json) in \(directory)"
        case .missingLabel(let key, let language): "missing label \"\(key)\" in language \"\(language)\""
        case .unknownLanguage(let language, let available):
            "unknown language \"\(language)\" (available: \(available.joined(separator: ", ")))"
        case .languageNotInMarket(let language, let listed):
            "language \"\(language)\" is not one of the market's languages (\(listed.joined(separator: ", "))): a document is written in one of them throughout, rule sentences included"
        case .unknownField(let name, let template): "template \"\(template)\" uses unknown field \"\(name)\""
        case .unreadable(let path): "cannot read \(path)"
        case .missingQuote(let page): "the customer page \"\(page)\" needs the quote and its case"
        }
    }
}

/// The document kinds a quote renders to.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// Plain text, at most 80 columns wide (CJK characters count two).
    case text
    /// One self-contained HTML document with an A4 print stylesheet.
    case html

    /// The file-name infix of its templates: `quote.txt.mustache`, `quote.html.mustache`.
    public var fileInfix: String {
        switch self {
        case .text: "txt"
        case .html: "html"
        }
    }
}
