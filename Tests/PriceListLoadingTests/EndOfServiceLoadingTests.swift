import PriceListLoading
import QuoteCore
import Testing

/// `endOfService.chargeRule` names the rule of the end-of-service charges; it is required and must
/// be one of the section's `rules`.
@Suite("End-of-service charge rule")
struct EndOfServiceLoadingTests {
    @Test("the shipped HK policy names G-8 as the charge rule, beside rules [HK-12, G-8]")
    func shipped() throws {
        let catalog = try PriceListLoader.loadCatalog(directory: PriceListLoaderTests.shipped.path)
        let eos = try #require(catalog.allVersions(of: MarketCode("HK"))[0].policy.endOfService)
        #expect(eos.rules == ["HK-12", "G-8"])
        #expect(eos.chargeRule == "G-8")
    }

    @Test(
        "a missing or unknown charge rule is a load error naming file, line and field",
        arguments: [
            (
                "  chargeRule: G-8                      # the rule the inspection and postage lines cite\n",
                "",
                "HK/policy.yaml:70: endOfService.chargeRule: is required"
            ),
            (
                "  chargeRule: G-8 ", "  chargeRule: G-9 ",
                "HK/policy.yaml:71: endOfService.chargeRule: G-9 is not one of rules [HK-12, G-8]"
            ),
        ])
    func refused(original: String, replacement: String, expected: String) throws {
        let folder = try PriceListLoaderTests.withCopy("HK/policy.yaml") { text in
            #expect(text.contains(original), "fixture text not found")
            return text.replacingOccurrences(of: original, with: replacement)
        }
        let error = try #require(PriceListLoaderTests.loadError(folder))
        #expect(error.description == folder + "/" + expected, "\(error)")
    }
}
