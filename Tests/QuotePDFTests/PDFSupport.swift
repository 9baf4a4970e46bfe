import Foundation
import PriceListLoading
import QuoteCore
import QuoteJSON
import QuotePDF
import QuoteRendering
import Testing

/// Paths, the shipped renderers and poppler-utils for the PDF tests.
enum PDFSupport {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let templates = packageRoot.appendingPathComponent("Templates")
    static let examples = packageRoot.appendingPathComponent("Examples")
    static let snapshots = testsDirectory.appendingPathComponent("Snapshots")
    static let languages = ["en", "nl", "fr", "es", "zh-Hant"]

    static let renderer: QuotePDFRenderer = {
        do {
            return try QuotePDFRenderer(templatesDirectory: templates)
        } catch {
            fatalError("the shipped templates or fonts do not load: \(error)")
        }
    }()

    static let catalog: PriceListCatalog = {
        do {
            return try PriceListLoader.loadCatalog(
                directory: packageRoot.appendingPathComponent("PriceLists").path)
        } catch {
            fatalError("the shipped price lists do not load: \(error)")
        }
    }()

    /// Every `Examples/*.json` case name.
    static let exampleNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// An example case priced by the engine and numbered as the service would number it.
    static func example(_ name: String) throws -> (
        quote: Quote, serviceCase: ServiceCase, marketLanguage: String
    ) {
        let text = try String(contentsOf: examples.appendingPathComponent("\(name).json"), encoding: .utf8)
        let serviceCase = try CaseDecoder.decode(text, today: { _ in CivilDate("2026-03-02")! })
        let list = try catalog.priceList(for: serviceCase.market, on: serviceCase.requestDate)
        var quote = try QuoteCalculator(catalog: catalog).quote(serviceCase)
        quote.number = "\(quote.market.rawValue)-2026-000123"
        return (quote, serviceCase, list.settings.language)
    }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], suffix: String = ".pdf") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pdf-test-\(UUID().uuidString)\(suffix)"
        ).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs a poppler-utils program on a PDF; a missing program fails the test (setup.sh
    /// installs poppler-utils), it is never skipped.
    static func poppler(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "\(program) failed (\(process.terminationStatus)); is poppler-utils installed? \(String(decoding: message, as: UTF8.self))"
        )
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of a PDF as `pdftotext` reads it.
    static func text(of pdf: [UInt8]) throws -> String {
        let path = try temporaryFile(pdf)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try poppler("pdftotext", ["-enc", "UTF-8", path, "-"])
    }

    /// `pdfinfo`'s fields: "Pages" → "2".
    static func info(of pdf: [UInt8]) throws -> [String: String] {
        let path = try temporaryFile(pdf)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var fields: [String: String] = [:]
        for line in try poppler("pdfinfo", [path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return fields
    }

    /// Text without any white space (pdftotext breaks lines and turns no-break spaces into
    /// spaces; the words themselves must be there).
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}
