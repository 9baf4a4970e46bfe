import Foundation
import PriceListLoading
import QuoteCore
import Testing

/// HK-12 / G-8: the rule the end-of-service charges cite is named in the policy (`chargeRule:`),
/// not taken from the position of a rule in `rules:`.
@Suite("End of service: the charge rule is named in the policy")
struct EndOfServiceRuleTests {
    /// The shipped price lists copied to a temporary folder, with the HK policy's `rules:` of the
    /// end of service replaced by `rules`.
    static func catalog(endOfServiceRules rules: String) throws -> PriceListCatalog {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eos-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.priceLists), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let policy = folder.appendingPathComponent("HK/policy.yaml")
        let text = try String(contentsOf: policy, encoding: .utf8)
        let original = "endOfService:\n  rules: [HK-12, G-8]\n"
        #expect(text.contains(original), "the HK policy's end-of-service rules changed")
        try text.replacingOccurrences(of: original, with: "endOfService:\n  rules: \(rules)\n")
            .write(to: policy, atomically: true, encoding: .utf8)
        return try PriceListLoader.loadCatalog(directory: folder.path)
    }

    @Test("Mi 11 after 2025-08-29: every charge cites G-8 whatever the order of rules")
    func orderDoesNotMatter() throws {
        let serviceCase = try Fixtures.example("hk-end-of-service")
        for rules in ["[HK-12, G-8]", "[G-8, HK-12]"] {
            let quote = try QuoteCalculator(catalog: try Self.catalog(endOfServiceRules: rules))
                .quote(serviceCase)
            #expect(quote.coverage.status == .notRepairable)
            #expect(quote.coverage.rules.map(\.id).contains("HK-12"))
            #expect(!quote.lines.isEmpty)
            #expect(quote.lines.allSatisfy { $0.rule == "G-8" }, "rules: \(rules)")
        }
    }
}
