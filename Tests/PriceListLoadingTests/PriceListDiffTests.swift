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
        let comparison = try PriceListDiff.compare(old: nl + "/2025.1", new: nl)
        #expect(comparison.generalRules.map(\.origin) == [.own, .own])
        #expect(
            comparison.generalRules.map(\.folder) == [PriceListCopy.shipped.path, PriceListCopy.shipped.path])
        let changes = comparison.changes
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
            old: PriceListCopy.shipped.path + "/NL", new: copy.folder + "/NL"
        ).changes
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

    /// A copy of the shipped NL version folder's own files in `folder/name`, outside any price-list
    /// tree, with `edits` applied.
    static func outsideCopy(_ name: String, in folder: URL, edits: [(String, String, String)] = []) throws
        -> String
    {
        let shipped = PriceListCopy.shipped.appendingPathComponent("NL")
        let target = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where file.contains(".")
        {
            try FileManager.default.copyItem(
                at: shipped.appendingPathComponent(file), to: target.appendingPathComponent(file))
        }
        for (file, old, new) in edits {
            let url = target.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "\(file) has no \(old)")
            try text.replacingOccurrences(of: old, with: new).write(
                to: url, atomically: true, encoding: .utf8)
        }
        return target.path
    }

    @Test("a copy outside the tree takes the general rules of the other side's tree, and says so")
    func copyOutsideTheTree() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "diff-outside-\(UUID().uuidString)/work")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let next = try Self.outsideCopy(
            "NL-next", in: folder,
            edits: [("labor.csv", "phone,L2,Repair level 2,39.00", "phone,L2,Repair level 2,41.00")])
        let shippedNL = PriceListCopy.shipped.appendingPathComponent("NL").path
        let comparison = try PriceListDiff.compare(old: shippedNL, new: next)
        #expect(comparison.changes.map(\.line) == ["labor phone L2 price: 39.00 → 41.00 (+2.00, +5.13%)"])
        #expect(comparison.generalRules.map(\.origin) == [.own, .otherSide])
        #expect(
            comparison.generalRules[1].line
                == "\(next): general rules from \(PriceListCopy.shipped.path)/rules.yaml (the other side's tree)"
        )
        let reversed = try PriceListDiff.compare(old: next, new: shippedNL)
        #expect(reversed.changes.map(\.line) == ["labor phone L2 price: 41.00 → 39.00 (-2.00, -4.88%)"])
        #expect(reversed.generalRules.map(\.origin) == [.otherSide, .own])
    }

    @Test("two copies outside any tree: --price-lists, else the default price lists, else a clear error")
    func bothOutsideTheTree() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "diff-both-\(UUID().uuidString)/work")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let old = try Self.outsideCopy("NL-old", in: folder)
        let new = try Self.outsideCopy(
            "NL-new", in: folder, edits: [("market.yaml", "handling: \"12.50\"", "handling: \"12.75\"")])
        let shipped = PriceListCopy.shipped.path
        let given = try PriceListDiff.compare(old: old, new: new, priceLists: shipped)
        #expect(given.changes.map(\.line) == ["fee handling: 12.50 → 12.75 (+0.25, +2.00%)"])
        #expect(given.generalRules.map(\.origin) == [.priceLists, .priceLists])
        let byDefault = try PriceListDiff.compare(old: old, new: new, defaultPriceLists: shipped)
        #expect(byDefault.generalRules.map(\.origin) == [.defaultPriceLists, .defaultPriceLists])
        let noRules = #expect(throws: PriceListError.self) {
            try PriceListDiff.compare(old: old, new: new, priceLists: folder.path, defaultPriceLists: shipped)
        }
        #expect(noRules?.field == "--price-lists")
        #expect(noRules?.message.contains("has no rules.yaml (needed for \(old)") == true)
        let none = #expect(throws: PriceListError.self) { try PriceListDiff.compare(old: old, new: new) }
        #expect(none?.message.contains("give --price-lists DIR") == true)
    }
}
