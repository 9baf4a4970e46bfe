import ArgumentParser
import Foundation
import QuoteCore
import QuoteJSON
import QuoteRendering

/// `repairquote quote CASE.json|-`: prints the quote of a case.
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Compute the quote of a service case.",
        discussion: """
            CASE is a JSON file as described in docs/formats.md (or - for standard input).

            Examples:
              repairquote quote Examples/nl-out-of-warranty.json
              repairquote quote Examples/pk-free-labor.json --format text
              repairquote quote Examples/hk-doa-swap.json --format html --lang en > hk.html
              repairquote quote Examples/pk-free-labor.json --format pdf --output pk.pdf
            """)

    @Argument(help: ArgumentHelp("The case file, or - for standard input.", valueName: "CASE.json"))
    var casePath: String

    @OptionGroup var priceLists: PriceListOptions

    @Option(
        help:
            "Output format: json (the contract's quote JSON), text (the plain-text document), html or pdf (A4, or US Letter where the market prints on it)."
    )
    var format: OutputFormat = .json

    @OptionGroup var document: DocumentOptions

    @OptionGroup var output: OutputOption

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case json, text, html, pdf }

    func run() throws {
        try CLIError.guarding {
            let (catalog, serviceCase, quote) = try CaseInput.quote(casePath, priceLists: priceLists).parts
            let bytes: [UInt8]
            switch format {
            case .json: bytes = Array((QuoteEncoder.encode(quote) + "\n").utf8)
            case .text:
                bytes = Array(try document.render(quote, serviceCase, format: .text, catalog: catalog).utf8)
            case .html:
                bytes = Array(try document.render(quote, serviceCase, format: .html, catalog: catalog).utf8)
            case .pdf: bytes = try document.renderPDF(quote, serviceCase, catalog: catalog)
            }
            try output.write(bytes, binary: format == .pdf)
        }
    }
}
