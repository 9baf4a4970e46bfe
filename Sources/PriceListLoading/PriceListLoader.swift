import Foundation
import QuoteCore

/// Loads `PriceLists/`: the general rule sentences (`rules.yaml`) and every market folder, each with
/// `market.yaml`, `labor.csv`, `parts.csv` and `policy.yaml`. A subfolder of a market folder that
/// holds its own `market.yaml` is another version of that market (effective dates, G-7).
public enum PriceListLoader {
    public static let policyFile = "policy.yaml"
    public static let generalRulesFile = "rules.yaml"

    /// Loads and validates every market under `directory`, or only `markets` when given (a single
    /// quote needs one market: its start-up then parses one folder instead of all).
    public static func loadCatalog(directory: String, markets: Set<String>? = nil) throws(PriceListError)
        -> PriceListCatalog
    {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PriceListError(file: directory, line: nil, field: "", "is not a folder of price lists")
        }
        let general = try generalRules(path(directory, generalRulesFile))
        let translations = try RuleTranslations(generalFolder: directory, english: general)
        var lists: [PriceList] = []
        for market in try subfolders(directory) where markets?.contains(market) ?? true {
            let folder = path(directory, market)
            lists.append(
                try load(folder: folder, market: market, general: general, translations: translations))
            for version in try subfolders(folder)
            where fm.fileExists(atPath: path(folder, version, "market.yaml")) {
                lists.append(
                    try load(
                        folder: path(folder, version), market: market, general: general,
                        translations: translations))
            }
        }
        guard !lists.isEmpty else {
            throw PriceListError(file: directory, line: nil, field: "", "holds no market folder")
        }
        do {
            return try PriceListCatalog(lists)
        } catch {
            throw PriceListError(file: directory, line: nil, field: error.field, error.message)
        }
    }

    /// Loads one version of one market from its folder; `translations` are the general rules' (G-…).
    public static func load(
        folder: String, market: String, general: [RuleID: String], translations: RuleTranslations
    ) throws(PriceListError) -> PriceList {
        let marketFile = path(folder, "market.yaml")
        let settings = try MarketSettings(
            yaml: try YAMLReader.document(try read(marketFile), file: marketFile))
        guard settings.market.rawValue == market else {
            throw PriceListError(
                file: marketFile, line: nil, field: "market",
                "\"\(settings.market)\" does not match its folder \"\(market)\"")
        }
        let laborFile = path(folder, "labor.csv")
        let partsFile = path(folder, "parts.csv")
        let policyFile = path(folder, Self.policyFile)
        guard FileManager.default.fileExists(atPath: policyFile) else {
            throw PriceListError(
                file: folder, line: nil, field: "",
                "\(Self.policyFile) is missing: every market needs its warranty policy file")
        }
        let own = try RuleTranslations(folder: folder)
        let policy = try Policy(
            yaml: try YAMLReader.document(try read(policyFile), file: policyFile), general: general,
            translations: own.over(translations, languages: settings.languages))
        if let missing = policy.citedRuleIDs.first(where: { policy.rules[$0] == nil }) {
            throw PriceListError(
                file: policyFile, line: nil, field: "rules",
                "\(missing) is cited but has no sentence in rules:")
        }
        try own.check(policy, languages: settings.languages, general: translations, generalRules: general)
        let labor = try PriceTables.labor(try read(laborFile), file: laborFile, currency: settings.currency)
        let parts = try PriceTables.parts(try read(partsFile), file: partsFile, currency: settings.currency)
        let names = try NameTranslations(
            folder: folder, languages: settings.languages, labor: labor, parts: parts)
        if let problem = names.problems.first { throw problem }
        return PriceList(
            settings: settings, labor: names.named(labor), parts: names.named(parts), policy: policy,
            consent: try ConsentSentences.load(folder: folder, languages: settings.languages))
    }

    /// Loads one version folder on its own (`PriceLists/NL/2025.1`): the market is the one its
    /// `market.yaml` names; the general rules are those of `generalFolder`, by default the folder
    /// above it or the one above that (`generalRulesFolder(above:)`).
    public static func loadVersion(folder: String, generalFolder: String? = nil) throws(PriceListError)
        -> PriceList
    {
        let marketFile = path(folder, "market.yaml")
        let settings = try MarketSettings(
            yaml: try YAMLReader.document(try read(marketFile), file: marketFile))
        guard let generalFolder = generalFolder ?? generalRulesFolder(above: folder) else {
            throw PriceListError(
                file: folder, line: nil, field: "",
                "no \(generalRulesFile) in the folder above it or the one above that: is it a price-list version folder?"
            )
        }
        let general = try generalRules(path(generalFolder, generalRulesFile))
        return try load(
            folder: folder, market: settings.market.rawValue, general: general,
            translations: try RuleTranslations(generalFolder: generalFolder, english: general))
    }

    /// The folder above `folder`, or the one above that, that holds `rules.yaml` (a version folder's
    /// price-list tree); nil when neither does.
    public static func generalRulesFolder(above folder: String) -> String? {
        var above = URL(fileURLWithPath: folder).standardizedFileURL
        for _ in 0..<2 {
            above.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: path(above.path, generalRulesFile)) {
                return above.path
            }
        }
        return nil
    }

    /// The sentences of the general rules (G-1..G-10), shared by every market.
    public static func generalRules(_ file: String) throws(PriceListError) -> [RuleID: String] {
        let r = try YAMLReader.document(try read(file), file: file)
        try r.rejectUnknownKeys(["rules"])
        let table = try r.requiredChild("rules")
        var rules: [RuleID: String] = [:]
        for key in table.keys { rules[RuleID(key)] = try table.requiredString(key) }
        return rules
    }

    static func read(_ file: String) throws(PriceListError) -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw PriceListError(file: file, line: nil, field: "", "cannot be read (missing or not a file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PriceListError(file: file, line: nil, field: "", "is not UTF-8 text")
        }
        return text
    }

    static func subfolders(_ directory: String) throws(PriceListError) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            throw PriceListError(file: directory, line: nil, field: "", "cannot be listed")
        }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && fm.fileExists(atPath: path(directory, name), isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// The language codes of the `<prefix><lang>.yaml` files in `folder` (`rules.nl.yaml` →
    /// `nl`), sorted.
    static func languageFiles(prefix: String, in folder: String) throws(PriceListError) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw PriceListError(file: folder, line: nil, field: "", "cannot be listed")
        }
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".yaml") }
            .map { String($0.dropFirst(prefix.count).dropLast(".yaml".count)) }
            .filter { !$0.isEmpty && !$0.contains(".") }.sorted()
    }

    static func path(_ parts: String...) -> String {
        parts.dropFirst().reduce(parts[0]) { $0.hasSuffix("/") ? $0 + $1 : $0 + "/" + $1 }
    }
}
