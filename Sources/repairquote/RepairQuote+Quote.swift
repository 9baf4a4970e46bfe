import ArgumentParser
import Foundation
import QuoteCore

/// `repairquote quote CASE.json|-`: prints the quote of a case.
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Compute the quote of a service case.",
        discussion: """
            CASE is a JSON file as described in docs/formats.md (or - for standard input).
            Examples: repairquote quote Examples/nl-out-of-warranty.json
                      repairquote quote Examples/pk-free-labor.json --format text
            """)

    @Argument(help: ArgumentHelp("The case file, or - for standard input.", valueName: "CASE.json"))
    var casePath: String

    @OptionGroup var priceLists: PriceListOptions

    @Option(help: "Output format: json (the contract's quote JSON) or text (a readable summary).")
    var format: OutputFormat = .json

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case json, text }

    func run() throws {
        let output = try CLIError.guarding {
            let catalog = try priceLists.loadCatalog()
            let serviceCase = try CaseInput.decode(
                try CaseInput.read(casePath), source: casePath, catalog: catalog)
            let quote: Quote
            do {
                quote = try QuoteCalculator(catalog: catalog).quote(serviceCase)
            } catch {
                throw CLIError.badInput("\(casePath): \(error)")
            }
            switch format {
            case .json: return QuoteEncoder.encode(quote) + "\n"
            case .text: return QuoteSummary(quote: quote, serviceCase: serviceCase).text
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
