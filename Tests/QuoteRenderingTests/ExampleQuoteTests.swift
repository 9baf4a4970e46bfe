import Foundation
import PriceListLoading
import QuoteCore
import QuoteJSON
import QuoteRendering
import Testing

/// Real quotes: every `Examples/*.json` case priced by the engine with the shipped `PriceLists/`,
/// rendered in its own language (customer's, else market's) and in English, compared with
/// `Snapshots/examples/<case>.<lang>.<txt|html>`.
struct ExampleQuote: CustomTestStringConvertible, Sendable {
    let name: String
    let language: String

    var testDescription: String { "\(name) (\(language))" }

    static let examples = Support.packageRoot.appendingPathComponent("Examples")

    static let catalog: PriceListCatalog = {
        do {
            return try PriceListLoader.loadCatalog(
                directory: Support.packageRoot.appendingPathComponent("PriceLists").path)
        } catch {
            fatalError("the shipped price lists do not load: \(error)")
        }
    }()

    static let all: [ExampleQuote] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.sorted().filter { $0.hasSuffix(".json") }.flatMap { file -> [ExampleQuote] in
            let name = String(file.dropLast(5))
            guard let (_, serviceCase, marketLanguage) = try? load(name),
                let own = try? Support.renderer.resolveLanguage(
                    explicit: nil, customer: serviceCase.customer.language, marketLanguage: marketLanguage)
            else { return [ExampleQuote(name: name, language: "en")] }
            return Set([own, "en"]).sorted().map { ExampleQuote(name: name, language: $0) }
        }
    }()

    static func load(_ name: String) throws -> (Quote, ServiceCase, String) {
        let text = try String(contentsOf: examples.appendingPathComponent("\(name).json"), encoding: .utf8)
        let serviceCase = try CaseDecoder.decode(text, today: { _ in CivilDate("2026-03-02")! })
        let list = try catalog.priceList(for: serviceCase.market, on: serviceCase.requestDate)
        let quote = try QuoteCalculator(catalog: catalog).quote(serviceCase)
        return (quote, serviceCase, list.settings.language)
    }

    func render(_ format: DocumentFormat) throws -> String {
        let (quote, serviceCase, marketLanguage) = try Self.load(name)
        return try Support.renderer.render(
            quote, case: serviceCase, format: format, language: language, marketLanguage: marketLanguage)
    }
}

@Suite("Real quotes from Examples/ and the engine")
struct ExampleQuoteTests {
    @Test("every example renders as text and HTML matching its snapshot", arguments: ExampleQuote.all)
    func matchesSnapshot(_ example: ExampleQuote) throws {
        for format in DocumentFormat.allCases {
            let rendered = try example.render(format)
            try Snapshot.compare(
                rendered, file: "examples/\(example.name).\(example.language).\(format.fileInfix)")
            if format == .text {
                for line in rendered.split(separator: "\n") {
                    #expect(
                        DisplayWidth.of(line) <= 80, "\(example.name): \"\(line)\" is wider than 80 columns")
                }
            }
        }
    }

    @Test("there are examples of every outcome")
    func outcomes() throws {
        let statuses = try ExampleQuote.all.map { try ExampleQuote.load($0.name).0.coverage.status }
        #expect(Set(statuses).count == CoverageStatus.allCases.count)
    }

    @Test("every example's HTML parses in html5lib")
    func html() throws {
        let documents = try ExampleQuote.all.map { ("\($0.name).\($0.language).html", try $0.render(.html)) }
        let result = try HTMLCheck.check(documents)
        #expect(result.status == 0, "\(result.output)")
    }
}
