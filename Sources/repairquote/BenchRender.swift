import ArgumentParser
import Foundation
import QuoteBench
import QuoteCore
import QuoteRendering

/// `repairquote bench render`: documents rendered per second on one core, templates loaded.
struct BenchRender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Quotation documents rendered per second on one core (templates loaded).")

    @Argument(help: "The case whose quote is rendered.") var casePath = "Examples/nl-out-of-warranty.json"
    @Option(help: "html or text.") var format: DocumentFormat = .html
    @Option(help: "How many renders.") var iterations = 20_000
    @OptionGroup var priceLists: PriceListOptions
    @OptionGroup var document: DocumentOptions

    func run() throws {
        let result = try CLIError.guarding { () throws -> RenderBenchmark.Result in
            let (catalog, serviceCase, quote) = try CaseInput.quote(casePath, priceLists: priceLists).parts
            do {
                return try RenderBenchmark.run(
                    renderer: try document.renderer(), quote: quote, case: serviceCase, format: format,
                    language: document.lang, marketLanguage: catalog.language(of: quote),
                    iterations: iterations)
            } catch {
                throw CLIError.badInput("\(error)")
            }
        }
        print("render \(casePath): \(result)")
    }
}

extension DocumentFormat: ExpressibleByArgument {}
