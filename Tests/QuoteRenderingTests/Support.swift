import Foundation
import PriceListLoading
import QuoteCore
import QuoteRendering
import Testing

/// Paths and a shared renderer for the rendering tests.
enum Support {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let templates = packageRoot.appendingPathComponent("Templates")
    static let snapshots = testsDirectory.appendingPathComponent("Snapshots")

    /// The shipped templates, loaded once.
    static let renderer: QuoteRenderer = {
        do {
            return try QuoteRenderer(templatesDirectory: templates)
        } catch {
            fatalError("the shipped templates do not load: \(error)")
        }
    }()

    /// The shipped price lists (`PriceLists/`), loaded once: fixtures cite their rule sentences.
    static let priceLists: PriceListCatalog = {
        do {
            return try PriceListLoader.loadCatalog(
                directory: packageRoot.appendingPathComponent("PriceLists").path)
        } catch {
            fatalError("the shipped price lists do not load: \(error)")
        }
    }()

    static func render(_ fixture: QuoteFixture, _ format: DocumentFormat, language: String?) throws -> String
    {
        try renderer.render(
            fixture.quote, case: fixture.serviceCase, format: format, language: language,
            marketLanguage: fixture.marketLanguage)
    }

    /// A copy of the shipped templates in a fresh temporary directory, to break on purpose.
    static func templatesCopy() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: templates, to: copy)
        return copy
    }

    /// Runs a program and returns its exit status and combined output.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// One snapshot: a fixture in a language and format.
struct SnapshotCase: CustomTestStringConvertible, Sendable {
    let fixture: String
    let language: String
    let format: DocumentFormat

    var fileName: String { "\(fixture).\(language).\(format.fileInfix)" }
    var testDescription: String { fileName }

    static let all: [SnapshotCase] = QuoteFixture.all.flatMap { fixture in
        fixture.languages.flatMap { language in
            DocumentFormat.allCases.map {
                SnapshotCase(fixture: fixture.name, language: language, format: $0)
            }
        }
    }

    var quoteFixture: QuoteFixture { QuoteFixture.all.first { $0.name == fixture }! }

    func render() throws -> String { try Support.render(quoteFixture, format, language: language) }
}

extension QuoteFixture: @unchecked Sendable {}
