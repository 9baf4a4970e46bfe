import Foundation
import QuoteCore

/// Rule sentences in languages other than English, one file per language: `rules.<lang>.yaml`
/// beside a policy file (the market's own rules) or beside `rules.yaml` (the general rules,
/// G-1..G-10), each `rules: { BX-3: "…" }` as in `rules.yaml`. English is the policy's own
/// sentences, so the quote JSON and every document read one text per language.
public struct RuleTranslations: Sendable {
    /// The folder the files were read from.
    public let folder: String
    /// Language → rule → sentence, as read.
    public let sentences: [String: [RuleID: String]]

    /// `rules.nl.yaml`, `rules.zh-Hant.yaml`.
    public static func fileName(_ language: String) -> String { "rules.\(language).yaml" }

    /// Reads every `rules.<lang>.yaml` of `folder` (none is no error).
    public init(folder: String) throws(PriceListError) {
        self.folder = folder
        var sentences: [String: [RuleID: String]] = [:]
        for language in try Self.languages(in: folder) {
            sentences[language] = try PriceListLoader.generalRules(Self.file(language, in: folder))
        }
        self.sentences = sentences
    }

    /// The general rules' translations, each file naming only rules of `rules.yaml` (`english`).
    init(generalFolder folder: String, english: [RuleID: String]) throws(PriceListError) {
        try self.init(folder: folder)
        for (language, table) in sentences {
            try Self.rejectUndefined(table, defined: english, file: file(language))
        }
    }

    func file(_ language: String) -> String { Self.file(language, in: folder) }

    static func file(_ language: String, in folder: String) -> String {
        PriceListLoader.path(folder, fileName(language))
    }

    /// The language codes of the `rules.<lang>.yaml` files in `folder`, sorted.
    static func languages(in folder: String) throws(PriceListError) -> [String] {
        try PriceListLoader.languageFiles(prefix: "rules.", in: folder)
    }

    /// A market's sentences by language, for `Policy.ruleTranslations`: the general rules' and then
    /// the market's own, for each of `languages` but English.
    func over(_ general: RuleTranslations, languages: [String]) -> [String: [RuleID: String]] {
        var result: [String: [RuleID: String]] = [:]
        for language in languages where language != "en" {
            result[language] = (general.sentences[language] ?? [:])
                .merging(sentences[language] ?? [:]) { _, own in own }
        }
        return result
    }

    /// Refuses a market whose files name a language it does not list or a rule its policy does not
    /// define, or whose policy has a rule without a sentence in one of `languages`: the error names
    /// the file the sentence belongs in (the general one for a general rule) and the rule.
    func check(
        _ policy: Policy, languages: [String], general: RuleTranslations, generalRules: [RuleID: String]
    )
        throws(PriceListError)
    {
        for (language, table) in sentences.sorted(by: { $0.key < $1.key }) {
            guard languages.contains(language) else {
                throw PriceListError(
                    file: file(language), line: nil, field: "",
                    "\(language) is not one of the market's languages "
                        + "(market.yaml languages: \(languages.joined(separator: ", ")))")
            }
            try Self.rejectUndefined(table, defined: policy.rules, file: file(language))
        }
        for language in languages where language != "en" {
            let translated = policy.ruleTranslations[language] ?? [:]
            for id in policy.rules.keys.sorted() where translated[id] == nil {
                let file = (generalRules[id] != nil ? general : self).file(language)
                guard FileManager.default.fileExists(atPath: file) else {
                    throw PriceListError(
                        file: file, line: nil, field: "",
                        "is missing: \(language) is one of the market's languages (market.yaml languages:)")
                }
                throw PriceListError(
                    file: file, line: nil, field: "rules.\(id)",
                    "has no sentence, and \(language) is one of the market's languages")
            }
        }
    }

    static func rejectUndefined(_ table: [RuleID: String], defined: [RuleID: String], file: String)
        throws(PriceListError)
    {
        if let unknown = table.keys.sorted().first(where: { defined[$0] == nil }) {
            throw PriceListError(
                file: file, line: nil, field: "rules.\(unknown)",
                "is not a rule of the policy: translate only rules whose English sentence it defines")
        }
    }
}
