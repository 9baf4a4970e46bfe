import Foundation
import PriceListLoading
import QuoteCore
import QuoteJSON

/// The shipped price lists and examples, found from this file's location.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let priceLists = root.appendingPathComponent("PriceLists").path
    static let examples = root.appendingPathComponent("Examples")

    /// Loaded once for all tests.
    static let catalog: PriceListCatalog = {
        do {
            return try PriceListLoader.loadCatalog(directory: priceLists)
        } catch {
            fatalError("shipped price lists do not load: \(error)")
        }
    }()

    static let calculator = QuoteCalculator(catalog: catalog)

    /// Cases never rely on today: a missing request date is this fixed day.
    static let today = CivilDate("2026-03-02")!

    static func decode(_ json: JSONValue) throws(ValidationError) -> ServiceCase {
        try CaseDecoder.decode(json, today: { _ in today })
    }

    static func example(_ name: String) throws -> ServiceCase {
        let bytes = try Array(Data(contentsOf: examples.appendingPathComponent(name + ".json")))
        return try CaseDecoder.decode(bytes: bytes, today: { _ in today })
    }

    static var exampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.contains("keys") }.map { String($0.dropLast(5)) }.sorted()
    }
}
