import Foundation
import QuoteCore
import Testing

@testable import PriceListLoading

/// Each rule of `prices check` on its own, on a copy of the shipped lists broken for it.
@Suite("Price-list check rules")
struct PriceListRulesTests {
    /// The versions of `market` in `copy`, read as the check reads them.
    static func versions(_ copy: PriceListCopy, _ market: String) throws -> [CheckedVersion] {
        let general = try PriceListLoader.generalRules(copy.folder + "/rules.yaml")
        return PriceListCheck.versions(of: market, in: copy.folder, general: general)
    }

    @Test("a part's model missing from the model table gets the nearest known name")
    func partModelsAreListed() throws {
        let copy = try PriceListCopy()
        try copy.edit("NL/parts.csv", "screen,Xiaomi 12 Pro,189.90", "screen,Xiaomi 12 Por,189.90")
        try copy.edit("NL/parts.csv", "Xiaomi Smart Band 8,9.90", "Apple Watch,9.90")
        let errors = PriceListRules.partModelsAreListed(try Self.versions(copy, "NL")[0])
        #expect(
            errors.map(\.description) == [
                "\(copy.folder)/NL/parts.csv:2: models: \"Xiaomi 12 Por\": did you mean \"Xiaomi 12 Pro\"? (not in the models of policy.yaml)",
                "\(copy.folder)/NL/parts.csv:15: models: \"Apple Watch\" is not in the models of policy.yaml (add it there with its category, or remove the part)",
            ])
    }

    @Test("a labour rate or part priced at zero is reported")
    func pricesArePositive() throws {
        let copy = try PriceListCopy()
        try copy.edit("NL/labor.csv", "tablet,L2,Repair level 2,45.00", "tablet,L2,Repair level 2,0.00")
        try copy.edit("NL/parts.csv", "USB-C cable,cable,*,9.90", "USB-C cable,cable,*,0")
        let errors = PriceListRules.pricesArePositive(try Self.versions(copy, "NL")[0])
        #expect(
            errors.map(\.description) == [
                "\(copy.folder)/NL/labor.csv:6: price: is zero: price tablet L2, or remove the row",
                "\(copy.folder)/NL/parts.csv:20: price: is zero: price CABLE-USBC, or remove the row",
            ])
    }

    @Test("a category the policy lists models of needs a labour code")
    func listedCategoriesHaveLabor() throws {
        let copy = try PriceListCopy()
        for code in [
            "L1,Repair level 1 (software / simple part),29.00", "L2,Repair level 2,45.00",
            "L3,Repair level 3 (board level),69.00",
        ] {
            try copy.edit("NL/labor.csv", "tablet,\(code)\n", "")
        }
        let errors = PriceListRules.listedCategoriesHaveLabor(try Self.versions(copy, "NL")[0])
        #expect(
            errors.map(\.description) == [
                "\(copy.folder)/NL/labor.csv: category: no labour code for tablet, which the policy lists models of (Xiaomi Pad 6)"
            ])
    }

    @Test("a TV whose panel is swapped (BX-11) needs a swap unit; HK's DOA falls back to repair (HK-1)")
    func exchangedModelsHaveSwapUnits() throws {
        let copy = try PriceListCopy()
        try copy.edit(
            "NL/parts.csv", "TV32-SWAP,Swap unit Xiaomi TV A2 32,swap-unit",
            "TV32-SWAP,Swap unit Xiaomi TV A2 32,board")
        let errors = PriceListRules.exchangedModelsHaveSwapUnits(try Self.versions(copy, "NL")[0])
        #expect(
            errors.map(\.description) == [
                "\(copy.folder)/NL/parts.csv: category: no swap-unit part for Xiaomi TV A2 32, which the policy exchanges (BX-11)"
            ])
        #expect(PriceListRules.exchangedModelsHaveSwapUnits(try Self.versions(copy, "HK")[0]).isEmpty)
    }

    @Test("two versions with one name are a duplicate key")
    func versionsAreUnique() throws {
        let copy = try PriceListCopy()
        try copy.edit("NL/2025.1/market.yaml", "version: \"2025.1\"", "version: \"2026.1\"")
        let errors = PriceListRules.versionsAreUnique(try Self.versions(copy, "NL"))
        #expect(
            errors.map(\.description) == [
                "\(copy.folder)/NL/2025.1/market.yaml:6: version: \"2026.1\" is also the version of \(copy.folder)/NL/market.yaml"
            ])
    }

    @Test("versions on the same day overlap; a later version taking effect earlier is out of order")
    func effectiveDatesAreInOrder() throws {
        let copy = try PriceListCopy()
        try copy.edit("NL/2025.1/market.yaml", "effectiveFrom: 2022-01-01", "effectiveFrom: 2026-01-01")
        #expect(
            PriceListRules.effectiveDatesAreInOrder(try Self.versions(copy, "NL")).map(\.description) == [
                "\(copy.folder)/NL/market.yaml:7: effectiveFrom: 2026-01-01 overlaps version 2025.1, which takes effect the same day"
            ])
        try copy.edit("NL/2025.1/market.yaml", "effectiveFrom: 2026-01-01", "effectiveFrom: 2027-01-01")
        #expect(
            PriceListRules.effectiveDatesAreInOrder(try Self.versions(copy, "NL")).map(\.description) == [
                "\(copy.folder)/NL/market.yaml:7: effectiveFrom: 2026-01-01 is out of order: version 2026.1 takes effect before version 2025.1 (2027-01-01)"
            ])
    }

    @Test("a version with another currency or VAT rate than its market is reported")
    func currencyAndVATMatchMarket() throws {
        let copy = try PriceListCopy()
        try copy.edit("NL/2025.1/market.yaml", "currency: EUR", "currency: USD")
        try copy.edit("NL/2025.1/market.yaml", "vatRate: \"21\"", "vatRate: \"6\"")
        let errors = PriceListRules.currencyAndVATMatchMarket(try Self.versions(copy, "NL"))
        #expect(
            errors.map(\.description) == [
                "\(copy.folder)/NL/2025.1/market.yaml:3: currency: USD does not match the market's EUR",
                "\(copy.folder)/NL/2025.1/market.yaml:9: vatRate: 6% does not match the market's 21%",
            ])
    }

    @Test("nearest names: a swap and a missing letter are typos, another name is not")
    func nearestName() {
        let known = ["Xiaomi 12 Pro", "Xiaomi 12", "Redmi Note 13"]
        #expect(NearestName.suggestion(for: "Xiaomi 12 Por", among: known) == "Xiaomi 12 Pro")
        #expect(NearestName.suggestion(for: "Redmi Note 31", among: known) == "Redmi Note 13")
        #expect(NearestName.suggestion(for: "xiaomi-12", among: known) == "Xiaomi 12")
        #expect(NearestName.suggestion(for: "Galaxy S24", among: known) == nil)
        #expect(NearestName.distance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
        #expect(
            NearestName.hint(for: "liquid-damge", among: ["liquid-damage"])
                == ": did you mean \"liquid-damage\"?")
    }
}
