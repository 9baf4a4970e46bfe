import Foundation
import PriceListLoading
import QuoteCore
import Testing

/// Each rule's sentence in each of a market's languages: English in the policy, the others in
/// `rules.<lang>.yaml` beside it (and beside `rules.yaml` for the general rules), checked at load.
@Suite("Rule translations")
struct RuleTranslationTests {
    typealias Loader = PriceListLoaderTests

    static func loadError(editing file: String, _ original: String, _ replacement: String) throws -> String {
        let folder = try Loader.withCopy(file) { text in
            #expect(text.contains(original), "fixture text not found in \(file)")
            return text.replacingOccurrences(of: original, with: replacement)
        }
        let error = try #require(Loader.loadError(folder))
        return error.description.replacingOccurrences(of: folder + "/", with: "")
    }

    @Test("the shipped markets have every rule in each of their languages")
    func shipped() throws {
        let catalog = try PriceListLoader.loadCatalog(directory: Loader.shipped.path)
        let be = try catalog.priceList(for: MarketCode("BE"), version: "2026.1")
        #expect(be.settings.languages == ["nl", "fr", "en"])
        #expect(Set(be.policy.ruleTranslations.keys) == ["nl", "fr"])
        #expect(
            be.policy.translations(of: "BX-8")["fr"]?.hasPrefix("Hors garantie, si vous acceptez") == true)
        #expect(
            be.policy.translations(of: "G-10")["nl"]
                == "Een eenmalig voordeel wordt per apparaat hoogstens één keer toegekend.")
        let pk = try catalog.priceList(for: MarketCode("PK"), version: "2026.1")
        #expect(pk.settings.languages == ["en"])
        #expect(pk.policy.ruleTranslations.isEmpty)
        let old = try catalog.priceList(for: MarketCode("NL"), version: "2025.1")
        #expect(old.policy.ruleTranslations["nl"]?.count == old.policy.rules.count)
    }

    @Test("a rule without a sentence in one of the market's languages is refused, naming file and rule")
    func missingMarketSentence() throws {
        let error = try Self.loadError(editing: "BE/rules.fr.yaml", "  BX-8: \"Hors garantie", "  #BX-8: \"")
        #expect(
            error == "BE/rules.fr.yaml: rules.BX-8: has no sentence, and fr is one of the market's languages")
    }

    @Test("a general rule without a sentence is refused, naming the general file")
    func missingGeneralSentence() throws {
        let error = try Self.loadError(editing: "rules.es.yaml", "  G-6: \"", "  #G-6: \"")
        #expect(error == "rules.es.yaml: rules.G-6: has no sentence, and es is one of the market's languages")
    }

    @Test("a market language without its translation file is refused")
    func missingFile() throws {
        let folder = try Loader.withCopy("HK/rules.zh-Hant.yaml") { $0 }
        try FileManager.default.removeItem(atPath: folder + "/HK/rules.zh-Hant.yaml")
        let error = try #require(Loader.loadError(folder))
        #expect(
            error.description
                == "\(folder)/HK/rules.zh-Hant.yaml: is missing: zh-Hant is one of the market's languages "
                + "(market.yaml languages:)")
    }

    @Test("a translation of a rule the policy does not define is refused")
    func unknownRule() throws {
        let error = try Self.loadError(
            editing: "NL/rules.nl.yaml", "rules:\n", "rules:\n  BX-99: \"Verzonnen.\"\n")
        #expect(error.hasPrefix("NL/rules.nl.yaml: rules.BX-99: is not a rule of the policy"))
    }

    @Test("a translation file in a language the market does not list is refused")
    func unlistedLanguage() throws {
        let error = try Self.loadError(
            editing: "BE/market.yaml", "languages: [nl, fr, en]", "languages: [nl, en]")
        #expect(
            error
                == "BE/rules.fr.yaml: fr is not one of the market's languages (market.yaml languages: nl, en)"
        )
    }

    @Test("languages must hold the market's own language; English is added")
    func languagesHoldTheMarketLanguage() throws {
        let error = try Self.loadError(editing: "NL/market.yaml", "languages: [nl, en]", "languages: [fr]")
        #expect(error == "NL/market.yaml:23: languages: must include the market's language \"nl\"")
    }
}
