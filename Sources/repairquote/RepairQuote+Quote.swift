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
            """)

    @Argument(help: ArgumentHelp("The case file, or - for standard input.", valueName: "CASE.json"))
    var casePath: String

    @OptionGroup var priceLists: PriceListOptions

    @Option(help: "Output format: json (the contract's quote JSON), text (the plain-text document) or html.")
    var format: OutputFormat = .json

    @OptionGroup var document: DocumentOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case json, text, html }

    func run() throws {
        let output = try CLIError.guarding {
            let (catalog, serviceCase, quote) = try CaseInput.quote(casePath, priceLists: priceLists).parts
            switch format {
            case .json: return QuoteEncoder.encode(quote) + "\n"
            case .text: return try document.render(quote, serviceCase, format: .text, catalog: catalog)
            case .html: return try document.render(quote, serviceCase, format: .html, catalog: catalog)
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
