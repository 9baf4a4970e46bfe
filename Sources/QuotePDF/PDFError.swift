import QuoteRendering

/// Why a PDF quotation could not be made. Every Cairo status other than success, every font
/// that is not installed and every bad line of `Templates/pdf/fonts.yaml` ends here, named, never
/// in a crash or a document of empty boxes.
public enum PDFError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A Cairo call failed: what was being done and `cairo_status_to_string`.
    case cairo(doing: String, status: String)
    /// The font chosen for `language` does not resolve to its file: fontconfig gave `found`
    /// instead. `package` is the Debian package that installs it.
    case fontMissing(language: String, family: String, file: String, package: String, found: String)
    /// `Templates/pdf/fonts.yaml` is absent or wrong.
    case fontsFile(path: String, message: String)
    /// A label file has no font, and there is no `default` either.
    case noFont(language: String)
    /// Building the document's view model failed (a label, a language).
    case render(RenderError)

    public var description: String {
        switch self {
        case .cairo(let doing, let status): "PDF: \(doing): \(status)"
        case .fontMissing(let language, let family, let file, let package, let found):
            "PDF font for \(language): \"\(family)\" (\(file)) is not installed (fontconfig gives \(found));"
                + " install the Debian package \(package)"
        case .fontsFile(let path, let message): "\(path): \(message)"
        case .noFont(let language): "PDF: no font for language \"\(language)\" and no default in fonts.yaml"
        case .render(let error): error.description
        }
    }
}
