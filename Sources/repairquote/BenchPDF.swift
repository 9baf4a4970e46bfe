import ArgumentParser
import Foundation
import QuoteCore
import QuotePDF
import QuoteRendering

/// `repairquote bench pdf`: PDF documents rendered per second on one core, beside HTML renders of
/// the same quotes in the same run (docs/benchmarks.md).
struct BenchPDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "PDF documents rendered per second on one core, beside HTML (templates and fonts loaded).")

    @Argument(help: "The cases whose quotes are rendered.")
    var casePaths = ["Examples/nl-out-of-warranty.json", "Examples/hk-out-of-warranty.json"]
    @Option(help: "How many renders of each document.") var iterations = 500
    @OptionGroup var priceLists: PriceListOptions
    @OptionGroup var document: DocumentOptions

    func run() throws {
        try CLIError.guarding {
            let renderer = try document.renderer()
            let pdf = try document.pdfRenderer(renderer)
            for path in casePaths {
                let (catalog, serviceCase, quote) = try CaseInput.quote(path, priceLists: priceLists).parts
                let marketLanguage = catalog.language(of: quote)
                do {
                    let pdfResult = try Self.time(iterations) { () throws -> Int in
                        try pdf.render(
                            quote, case: serviceCase, language: document.lang, marketLanguage: marketLanguage,
                            paper: catalog.paper(of: quote)
                        ).count
                    }
                    let htmlResult = try Self.time(iterations) { () throws -> Int in
                        try renderer.render(
                            quote, case: serviceCase, format: .html, language: document.lang,
                            marketLanguage: marketLanguage
                        ).utf8.count
                    }
                    print("pdf \(path): \(pdfResult)")
                    print("html \(path): \(htmlResult)")
                } catch {
                    throw CLIError.badInput("\(error)")
                }
            }
        }
    }

    /// Runs `render` `iterations` times after ten warm-up runs: documents per second, mean
    /// milliseconds each and the size of one document.
    static func time(_ iterations: Int, _ render: () throws -> Int) throws -> String {
        var bytes = 0
        for _ in 0..<min(10, iterations) { bytes = try render() }
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<iterations { bytes = try render() }
        let (seconds, attoseconds) = (clock.now - start).components
        let nanoseconds = max(1, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        let perSecond = Int64(iterations) * 1_000_000_000 / nanoseconds
        let microseconds = nanoseconds / Int64(max(1, iterations)) / 1000
        return "\(iterations) renders → \(perSecond)/s (\(microseconds) µs each, \(bytes) bytes)"
    }
}
