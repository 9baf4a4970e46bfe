import Foundation
import QuoteCore
import Testing

@testable import PriceListLoading

/// `prices diff OLD NEW`: every change between two version folders, with exact percentages.
@Suite("Price-list diff")
struct PriceListDiffTests {
    @Test("NL 2025.1 → 2026.1: labour phone L2 35.00 → 39.00 (+11.43%), the version and its date")
    func shippedVersions() throws {
        let nl = PriceListCopy.shipped.appendingPathComponent("NL").path
        let changes = try PriceListDiff.compare(old: nl + "/2025.1", new: nl)
        #expect(
            changes.map(\.line) == [
                "labor phone L2 price: 35.00 → 39.00 (+4.00, +11.43%)",
                "setting effectiveFrom: 2022-01-01 → 2026-01-01",
                "setting version: 2025.1 → 2026.1",
            ])
    }

    @Test("added, removed and changed parts, labour, logistics, fees and policy values")
    func everyKindOfChange() throws {
        let copy = try PriceListCopy()
        try copy.edit("NL/parts.csv", "Xiaomi 12 Pro,189.90", "Xiaomi 12 Pro,199.90")
        try copy.edit("NL/parts.csv", "CABLE-USBC,USB-C cable,cable,*,9.90\n", "")
        try copy.edit(
            "NL/parts.csv", "CHARGER-67W,", "CHARGER-120W,Charger 120 W,charger,*,49.90\nCHARGER-67W,")
        try copy.edit(
            "NL/labor.csv", "tv,L3,TV repair level 3 (main board),110.00",
            "tv,L3,TV repair level 3 (main board),99.00")
        try copy.edit("NL/market.yaml", "tv: \"45.00\"", "tv: \"49.50\"")
        try copy.edit("NL/market.yaml", "handling: \"12.50\"", "handling: \"12.75\"")
        try copy.edit("NL/market.yaml", "quoteValidityDays: 14", "quoteValidityDays: 30")
        try copy.edit("NL/policy.yaml", "proofOfPurchase: BX-2", "proofOfPurchase: BX-1")
        let changes = try PriceListDiff.compare(
            old: PriceListCopy.shipped.path + "/NL", new: copy.folder + "/NL")
        #expect(
            changes.map(\.line) == [
                "part CABLE-USBC: removed (was 9.90)",
                "part CHARGER-120W: added 49.90",
                "part X12P-DISPLAY price: 189.90 → 199.90 (+10.00, +5.27%)",
                "labor tv L3 price: 110.00 → 99.00 (-11.00, -10.00%)",
                "logistics tv: 45.00 → 49.50 (+4.50, +10.00%)",
                "fee handling: 12.50 → 12.75 (+0.25, +2.00%)",
                "setting quoteValidityDays: 14 → 30",
                "policy proofOfPurchase: BX-2 → BX-1",
            ])
        let rise = try #require(changes.first { $0.key == "X12P-DISPLAY" })
        #expect(rise.kind == .changed && rise.difference == "10.00" && rise.percent == "+5.27%")
    }

    @Test("a folder that is not a price-list version is refused, naming it")
    func notAVersion() {
        #expect(throws: PriceListError.self) {
            try PriceListDiff.compare(old: "/nonexistent/NL", new: PriceListCopy.shipped.path + "/NL")
        }
    }
}
