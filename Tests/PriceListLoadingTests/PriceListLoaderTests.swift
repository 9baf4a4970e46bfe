import Foundation
import PriceListLoading
import QuoteCore
import Testing

/// Loading validates everything and names file, line and field in every error.
@Suite("Price-list loading")
struct PriceListLoaderTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("PriceLists")

    /// A copy of the shipped price lists in a temporary folder, with `edit` applied to one file.
    static func withCopy(_ file: String, edit: (String) -> String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pl-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: shipped, to: folder)
        let path = folder.appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        try edit(text).write(to: path, atomically: true, encoding: .utf8)
        return folder.path
    }

    static func loadError(_ directory: String) -> PriceListError? {
        do {
            _ = try PriceListLoader.loadCatalog(directory: directory)
            return nil
        } catch {
            return error
        }
    }

    @Test("the shipped price lists load: seven markets, NL in two versions")
    func shippedLoad() throws {
        let catalog = try PriceListLoader.loadCatalog(directory: Self.shipped.path)
        #expect(catalog.markets.map(\.rawValue) == ["BE", "ES", "HK", "LU", "NL", "PK", "US"])
        #expect(catalog.allVersions(of: MarketCode("NL")).map(\.settings.version) == ["2026.1", "2025.1"])
        let nl = try catalog.priceList(for: MarketCode("NL"), on: CivilDate("2026-03-02")!)
        #expect(nl.settings.fees.handling.text == "12.50")
        #expect(nl.settings.vatRate.text == "21")
        #expect(nl.settings.reminderDaysBeforeExpiry == 3)
        #expect(nl.labor.count == 15)
        for market in catalog.markets {
            let list = catalog.allVersions(of: market)[0]
            #expect(list.settings.sample, "\(market) is sample data")
            #expect(list.parts.values.contains { $0.category == .screen })
            #expect(
                list.parts.values.contains { $0.description.contains("TV A2 55") },
                "\(market) prices a TV over 32\"")
            #expect(list.labor.keys.contains { $0.category == .wearable }, "\(market) prices a wearable")
        }
    }

    @Test("quoted and unquoted amounts are read alike")
    func quotedAndUnquoted() throws {
        let folder = try Self.withCopy("NL/market.yaml") {
            $0.replacingOccurrences(of: "handling: \"12.50\"", with: "handling: 12.50")
        }
        let catalog = try PriceListLoader.loadCatalog(directory: folder)
        #expect(
            try catalog.priceList(for: MarketCode("NL"), version: "2026.1").settings.fees.handling.minorUnits
                == 1250)
    }

    @Test(
        "every error names file, line and field",
        arguments: [
            (
                "NL/parts.csv", "X12P-DISPLAY,Display assembly Xiaomi 12 Pro,screen,Xiaomi 12 Pro,189.90",
                "X12P-DISPLAY,Display assembly Xiaomi 12 Pro,screen,Xiaomi 12 Pro,189,90",
                "NL/parts.csv:2: price: expected 5 fields, found 6: \"189,90\" looks like an amount with a decimal comma"
            ),
            (
                "NL/parts.csv", "X12P-DISPLAY,Display assembly Xiaomi 12 Pro,screen,Xiaomi 12 Pro,189.90",
                "X12P-DISPLAY,Display assembly Xiaomi 12 Pro,screen,Xiaomi 12 Pro",
                "NL/parts.csv:2: price: expected 5 fields, found 4: no value for the column \"price\""
            ),
            (
                "NL/parts.csv", "X12P-DISPLAY,Display assembly Xiaomi 12 Pro,screen,Xiaomi 12 Pro,189.90",
                "X12P-DISPLAY,Display assembly Xiaomi 12 Pro,screen",
                "NL/parts.csv:2: models: expected 5 fields, found 3: no value for the columns \"models\", \"price\""
            ),
            (
                "NL/parts.csv", "Xiaomi 12 Pro,189.90", "Xiaomi 12 Pro,12abc",
                "NL/parts.csv:2: price: \"12abc\" is not a decimal number"
            ),
            (
                "NL/labor.csv", "phone,L2,Repair level 2,39.00", "phone,L2,Repair level 2,1.2.3",
                "NL/labor.csv:3: price: \"1.2.3\" is not a decimal number"
            ),
            (
                "NL/labor.csv", "phone,L2,Repair level 2,39.00", "phone,L1,Repair level 2,39.00",
                "NL/labor.csv:3: code: L1 is listed twice for phone"
            ),
            (
                "NL/market.yaml", "timeZone: Europe/Amsterdam", "timeZone: Mars/Olympus",
                "NL/market.yaml:5: timeZone: \"Mars/Olympus\" is not a time zone"
            ),
            (
                "NL/market.yaml", "handling: \"12.50\"", "handling: \"12,50\"",
                "NL/market.yaml:17: fees.handling: \"12,50\" is not a decimal number (expected digits with an optional '.' and decimals, e.g. \"12.50\") (a decimal comma? write 12.50)"
            ),
            (
                "NL/market.yaml", "vatRounding: document", "vatRounding: total",
                "NL/market.yaml:11: vatRounding: unknown value \"total\""
            ),
            (
                "NL/market.yaml", "market: NL", "market: BE",
                "NL/market.yaml: market: \"BE\" does not match its folder \"NL\""
            ),
            (
                "NL/policy.yaml", "    - { categories: \"*\", items: \"*\", months: 24, rule: BX-1 }",
                "    - { categories: \"*\", items: \"*\", months: two, rule: BX-1 }",
                "NL/policy.yaml:36: warranty.periods[0].months: \"two\" is not a whole number"
            ),
            (
                "NL/policy.yaml", "turnaround: BX-13", "turnaround: BX-99",
                "NL/policy.yaml: rules: BX-99 is cited but has no sentence"
            ),
            (
                "NL/policy.yaml", "proofOfPurchase: BX-2", "proofOfPurchse: BX-2",
                "NL/policy.yaml:55: proofOfPurchse: unknown field"
            ),
            (
                "NL/policy.yaml", "  BX-3: [liquid-damage,", "  BX-3: [spilled-coffee,",
                "NL/policy.yaml:39: exclusions.BX-3: unknown value \"spilled-coffee\""
            ),
            (
                "NL/market.yaml", "reminderDaysBeforeExpiry: 3", "reminderDaysBeforeExpiry: 14",
                "NL/market.yaml:34: reminderDaysBeforeExpiry: 14 days must be fewer than the quoteValidityDays (14) of market NL"
            ),
            (
                "NL/market.yaml", "reminderDaysBeforeExpiry: 3", "reminderDaysBeforeExpiry: soon",
                "NL/market.yaml:34: reminderDaysBeforeExpiry: \"soon\" is not a whole number from 0 to 365"
            ),
        ])
    func namesTheField(file: String, original: String, replacement: String, expected: String) throws {
        let folder = try Self.withCopy(file) { text in
            #expect(text.contains(original), "fixture text not found in \(file)")
            return text.replacingOccurrences(of: original, with: replacement)
        }
        let error = try #require(Self.loadError(folder))
        #expect(error.description.hasPrefix(folder + "/" + expected), "\(error)")
    }

    @Test("a market folder without its policy file is an error that says so")
    func missingPolicy() throws {
        let folder = try Self.withCopy("HK/policy.yaml") { $0 }
        try FileManager.default.removeItem(atPath: folder + "/HK/policy.yaml")
        let error = try #require(Self.loadError(folder))
        #expect(
            error.description
                == "\(folder)/HK: policy.yaml is missing: every market needs its warranty policy file")
    }

    @Test("two versions effective on the same day are refused")
    func duplicateEffectiveDate() throws {
        let folder = try Self.withCopy("NL/2025.1/market.yaml") {
            $0.replacingOccurrences(of: "effectiveFrom: 2022-01-01", with: "effectiveFrom: 2026-01-01")
        }
        let error = try #require(Self.loadError(folder))
        #expect(error.description.contains("two versions take effect on 2026-01-01"))
    }
}
