import Foundation
import QuoteCore
import Testing

@testable import PriceListLoading

/// `names.<lang>.yaml`: labour and part names in a market's other languages, and the warnings of
/// `prices check` about them.
@Suite("Names of labour codes and parts per language")
struct NameTranslationTests {
    @Test("the shipped lists name every labour code and part in each of the market's languages")
    func shippedNames() throws {
        let catalog = try PriceListLoader.loadCatalog(directory: PriceListCopy.shipped.path)
        let be = try catalog.priceList(for: MarketCode("BE"), on: CivilDate("2026-03-02")!)
        let l2 = try #require(be.labor[PriceList.LaborKey(category: .phone, code: "L2")])
        #expect(l2.names == ["nl": "Reparatieniveau 2", "fr": "Réparation niveau 2"])
        #expect(be.parts["X12P-DISPLAY"]?.names["fr"] == "Bloc écran Xiaomi 12 Pro")
        let hk = try catalog.priceList(for: MarketCode("HK"), on: CivilDate("2026-03-02")!)
        #expect(hk.parts["X13P-DISPLAY"]?.names["zh-Hant"] == "Xiaomi 13 Pro 螢幕總成")
        let report = try PriceListCheck.run(directory: PriceListCopy.shipped.path)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test("a names file for a language the market does not list is refused, naming the file")
    func unlistedLanguage() throws {
        let copy = try PriceListCopy()
        try copy.write("NL/names.fr.yaml", "parts:\n  X12P-DISPLAY: \"Bloc écran Xiaomi 12 Pro\"\n")
        #expect {
            try PriceListLoader.loadCatalog(directory: copy.folder)
        } throws: { error in
            "\(error)".contains("NL/names.fr.yaml")
                && "\(error)".contains("fr is not one of the market's other languages")
        }
    }

    @Test(
        "every entry of a names file that is not a name is an error, all reported in one run; loading refuses"
    )
    func everyBadEntry() throws {
        let copy = try PriceListCopy()
        try copy.write("NL/names.nl.yaml", "labor:\n  phone:\n    L2: [x]\n    L3: {a: b}\nparts: \"str\"\n")
        let report = try PriceListCheck.run(directory: copy.folder)
        let lines = report.errors.filter { $0.file.hasSuffix("NL/names.nl.yaml") }.map {
            "\($0.line ?? 0) \($0.field)"
        }
        #expect(lines == ["3 labor.phone.L2", "4 labor.phone.L3", "5 parts"])
        #expect(throws: PriceListError.self) { try PriceListLoader.loadCatalog(directory: copy.folder) }
    }

    @Test("a labour code or part without a name in a market language is one warning naming the languages")
    func namesAreTranslated() throws {
        let copy = try PriceListCopy()
        try copy.edit("BE/names.fr.yaml", "  X12P-BATTERY: \"Batterie Xiaomi 12 Pro\"\n", "")
        try copy.edit("BE/names.nl.yaml", "  X12P-BATTERY: \"Accu Xiaomi 12 Pro\"\n", "")
        try copy.edit("BE/names.nl.yaml", "    L2: \"Tv-reparatie niveau 2\"\n", "")
        let warnings = PriceListRules.namesAreTranslated(try PriceListRulesTests.versions(copy, "BE")[0])
        #expect(
            warnings.map(\.description) == [
                "\(copy.folder)/BE/labor.csv:9: description: \"TV repair level 2\" has no name in nl: documents show it in English (add labor: tv: L2 to names.nl.yaml)",
                "\(copy.folder)/BE/parts.csv:4: description: \"Battery Xiaomi 12 Pro\" has no name in nl, fr: documents show it in English (add parts: X12P-BATTERY to names.nl.yaml, names.fr.yaml)",
            ])
        let report = try PriceListCheck.run(directory: copy.folder)
        #expect(report.isClean)
        #expect(report.summary == "8 lists in 7 markets: 0 errors, 2 warnings")
    }

    @Test("a name of a part the list no longer has is left out when loading, and a warning")
    func namesAreOfListedRows() throws {
        let copy = try PriceListCopy()
        try copy.edit("NL/parts.csv", "CABLE-USBC,USB-C cable,cable,*,9.90\n", "")
        let warnings = PriceListRules.namesAreOfListedRows(try PriceListRulesTests.versions(copy, "NL")[0])
        #expect(
            warnings.map(\.description) == [
                "\(copy.folder)/NL/names.nl.yaml:47: parts.CABLE-USBC: is not a SKU of parts.csv"
            ])
        let catalog = try PriceListLoader.loadCatalog(directory: copy.folder)
        #expect(
            try catalog.priceList(for: MarketCode("NL"), on: CivilDate("2026-03-02")!).parts["CABLE-USBC"]
                == nil)
    }
}

@Suite("YAML errors on one line, with their line")
struct YAMLErrorLineTests {
    @Test("a key given twice and a broken flow are one line each, naming the line")
    func oneLine() {
        for (text, line, words) in [
            ("labor:\n  phone:\n    L1: Niveau 1\n    L1: Dubbel\n", 3, "a key given twice: L1"),
            ("parts:\n  X12P-DISPLAY: [unclosed\n", 3, "not valid YAML"),
        ] {
            #expect(throws: PriceListError.self) { try YAMLReader.document(text, file: "names.nl.yaml") }
            do {
                _ = try YAMLReader.document(text, file: "names.nl.yaml")
            } catch {
                #expect(error.line == line, "\(error)")
                #expect(error.message.contains(words) && !error.message.contains("\n"), "\(error.message)")
            }
        }
    }
}
