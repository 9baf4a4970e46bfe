import Foundation
import PriceListLoading
import QuoteCore
import QuoteJSON
import QuoteRendering
import Testing

/// A rule's sentence has one source per language: the policy (English) and `rules.<lang>.yaml`
/// beside it. The quote JSON's `coverage.rules[].text` and every document read that source.
@Suite("Rule sentences: the JSON and the documents say the same")
struct RuleSentenceTests {
    /// A quote citing only `id`, as the engine cites it.
    static func quote(citing id: RuleID, of policy: Policy) -> QuoteFixture {
        var fixture = QuoteFixture.nlInWarranty
        fixture.quote.coverage.rules = [policy.cite(id)]
        return fixture
    }

    /// The sentence after `id` in the document's list of rules, unescaped.
    static func sentence(of id: RuleID, in html: String) -> String? {
        let start = "<li><span class=\"rule-id\">\(id)</span> "
        guard let from = html.range(of: start),
            let to = html.range(of: "</li>", range: from.upperBound..<html.endIndex)
        else { return nil }
        return String(html[from.upperBound..<to.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The JSON's `coverage.rules[0].text`.
    static func jsonText(_ quote: Quote) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(QuoteEncoder.encode(quote).utf8))
        let coverage = (object as? [String: Any])?["coverage"] as? [String: Any]
        return ((coverage?["rules"] as? [[String: Any]])?.first)?["text"] as? String
    }

    /// The folder a price list was read from: `PriceLists/NL/2025.1` for an older version.
    static func folder(of list: PriceList) -> String {
        let market = Support.packageRoot.appendingPathComponent("PriceLists/\(list.settings.market)")
        let version = market.appendingPathComponent(list.settings.version)
        let isVersion = FileManager.default.fileExists(
            atPath: version.appendingPathComponent("market.yaml").path)
        return (isVersion ? version : market).path
    }

    @Test("for every market, rule and language: English is the JSON's text, a translation its file's")
    func everyRuleInEveryLanguage() throws {
        let general = try RuleTranslations(
            folder: Support.packageRoot.appendingPathComponent("PriceLists").path)
        var checked = 0
        for market in Support.priceLists.markets {
            for list in Support.priceLists.allVersions(of: market) {
                let own = try RuleTranslations(folder: Self.folder(of: list))
                for id in list.policy.rules.keys.sorted() {
                    let fixture = Self.quote(citing: id, of: list.policy)
                    let json = try #require(try Self.jsonText(fixture.quote))
                    #expect(json == list.policy.rules[id])
                    for language in list.settings.languages {
                        let html = try Support.render(fixture, .html, language: language)
                        let expected =
                            language == "en"
                            ? json : own.sentences[language]?[id] ?? general.sentences[language]?[id]
                        #expect(
                            expected != nil, "\(market) \(list.settings.version): \(id) has no \(language)")
                        #expect(
                            Self.sentence(of: id, in: html) == expected,
                            "\(market) \(list.settings.version): \(id) in \(language)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 300)
    }

    @Test("PK-3 reads the same in the JSON and the English document (issue 14)")
    func pk3() throws {
        let policy = try Support.priceLists.priceList(for: MarketCode("PK"), version: "2026.1").policy
        let fixture = Self.quote(citing: "PK-3", of: policy)
        let html = try Support.render(fixture, .html, language: "en")
        let sentence =
            "One out-of-warranty repair within 12 months of purchase has its labor free; parts and logistics are charged."
        #expect(try Self.jsonText(fixture.quote) == sentence)
        #expect(Self.sentence(of: "PK-3", in: html) == sentence)
    }

    @Test("a document in one of the market's languages shows the translation, not the English text")
    func translated() throws {
        let html = try Support.render(QuoteFixture.beDoa, .html, language: "fr")
        #expect(html.contains("doit être faite dans les 15 jours suivant la livraison"))
        let dutch = try Support.render(QuoteFixture.nlOutOfWarranty, .html, language: "nl")
        #expect(dutch.contains("Buiten garantie betaalt u, als u de offerte aanvaardt"))
    }

    @Test("a document in a language the market does not list shows the policy's English sentence")
    func fallsBackToEnglish() throws {
        let html = try Support.render(QuoteFixture.nlOutOfWarranty, .html, language: "fr")
        #expect(
            Self.sentence(of: "BX-8", in: html)
                == "Out of warranty, if you accept the quote you pay two-way logistics, labor and parts, plus VAT."
        )
    }
}
