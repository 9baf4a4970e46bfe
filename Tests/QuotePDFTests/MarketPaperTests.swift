import Foundation
import PriceListLoading
import QuoteCore
import Testing

/// `paper:` and `attachPDF:` in market.yaml.
@Suite("market.yaml: paper and attachPDF")
struct MarketPaperTests {
    /// A copy of the shipped NL price lists with `extra` appended to market.yaml.
    static func loadNL(adding extra: String) throws -> PriceListCatalog {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("paper-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy) }
        let lists = PDFSupport.packageRoot.appendingPathComponent("PriceLists")
        for file in try FileManager.default.contentsOfDirectory(atPath: lists.path)
        where file.hasPrefix("rules") {
            try FileManager.default.copyItem(
                at: lists.appendingPathComponent(file), to: copy.appendingPathComponent(file))
        }
        let nl = copy.appendingPathComponent("NL")
        try FileManager.default.copyItem(at: lists.appendingPathComponent("NL"), to: nl)
        let market = nl.appendingPathComponent("market.yaml")
        try (try String(contentsOf: market, encoding: .utf8) + extra + "\n").write(
            to: market, atomically: true, encoding: .utf8)
        return try PriceListLoader.loadCatalog(directory: copy.path)
    }

    @Test("US prints on Letter, the others on A4; every shipped market attaches PDFs")
    func shipped() throws {
        let catalog = PDFSupport.catalog
        for market in ["NL", "BE", "LU", "ES", "HK", "PK", "US"] {
            let settings = try catalog.priceList(for: MarketCode(market), on: CivilDate("2026-03-02")!)
                .settings
            #expect(settings.paper == (market == "US" ? .letter : .a4), "\(market)")
            #expect(settings.attachPDF)
        }
    }

    @Test("attachPDF: false and paper: letter are read")
    func read() throws {
        let catalog = try Self.loadNL(adding: "attachPDF: false\npaper: letter")
        let settings = try catalog.priceList(for: MarketCode("NL"), on: CivilDate("2026-03-02")!).settings
        #expect(settings.attachPDF == false)
        #expect(settings.paper == .letter)
    }

    @Test("an unknown paper is refused, naming the key")
    func badPaper() throws {
        #expect {
            _ = try Self.loadNL(adding: "paper: a3")
        } throws: { error in
            "\(error)".contains("paper") && "\(error)".contains("a3") && "\(error)".contains("letter")
        }
    }
}
