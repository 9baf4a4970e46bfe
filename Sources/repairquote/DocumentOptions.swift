import ArgumentParser
import Foundation
import QuoteCore
import QuotePDF
import QuoteRendering

/// `--lang` and `--templates`, shared by the commands that render quotation documents.
struct DocumentOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Document language: en, nl, fr, es, zh-Hant (default: the customer's, else the market's).",
            valueName: "CODE"))
    var lang: String?

    @Option(
        help: ArgumentHelp(
            "Folder of templates and label files.",
            discussion:
                "Default: $REPAIRQUOTE_TEMPLATES, else ./Templates, else the Templates folder shipped beside the executable.",
            valueName: "DIR"))
    var templates: String?

    /// The templates folder to use.
    func folder() -> String {
        DataFolder.resolve(explicit: templates, environment: "REPAIRQUOTE_TEMPLATES", name: "Templates")
    }

    func renderer() throws -> QuoteRenderer {
        let folder = folder()
        do {
            return try QuoteRenderer(templatesDirectory: URL(fileURLWithPath: folder))
        } catch {
            throw CLIError.badInput("templates: \(error)")
        }
    }

    /// The document of a quote, or exit 2 naming what is missing (a label, a template, a language).
    func render(_ quote: Quote, _ serviceCase: ServiceCase, format: DocumentFormat, catalog: PriceListCatalog)
        throws -> String
    {
        let renderer = try renderer()
        do {
            return try renderer.render(
                quote, case: serviceCase, format: format, language: lang,
                marketLanguage: catalog.language(of: quote))
        } catch {
            throw CLIError.badInput("\(error)")
        }
    }

    /// The PDF of a quote on its market's paper, or exit 2 naming what is missing (a font and its
    /// Debian package, a label, a language).
    func renderPDF(_ quote: Quote, _ serviceCase: ServiceCase, catalog: PriceListCatalog) throws -> [UInt8] {
        let pdf = try pdfRenderer(try renderer())
        do {
            return try pdf.render(
                quote, case: serviceCase, language: lang, marketLanguage: catalog.language(of: quote),
                paper: catalog.paper(of: quote))
        } catch {
            throw CLIError.badInput("\(error)")
        }
    }

    /// The PDF renderer over `renderer`'s labels, with `pdf/fonts.yaml`: exit 2 when a language's
    /// font is not installed, naming its Debian package.
    func pdfRenderer(_ renderer: QuoteRenderer) throws -> QuotePDFRenderer {
        do {
            return try QuotePDFRenderer(
                templatesDirectory: URL(fileURLWithPath: folder()), renderer: renderer)
        } catch {
            throw CLIError.badInput("templates: \(error)")
        }
    }
}
