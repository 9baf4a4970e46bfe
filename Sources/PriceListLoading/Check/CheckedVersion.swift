import Foundation
import QuoteCore

/// One version folder of one market as `prices check` reads it: each file on its own, so that a
/// broken file does not hide the errors of the others, keeping whatever could be read.
struct CheckedVersion {
    /// A model of the policy's `models:` table as written there.
    struct ListedModel {
        var name: String
        var category: DeviceCategory
    }

    let folder: String
    let market: String
    /// The market folder itself (not a version subfolder): the reference for currency and VAT.
    let isRoot: Bool
    var settings: MarketSettings?
    var marketText = ""
    var labor: [PriceTables.LaborRow] = []
    var parts: [PriceTables.PartRow] = []
    var policy: Policy?
    var models: [ListedModel] = []
    /// The `names.<lang>.yaml` files, nil when they (or the tables they name) could not be read.
    var names: NameTranslations?
    /// Errors found while reading the files.
    var errors: [PriceListError] = []

    var marketFile: String { PriceListLoader.path(folder, "market.yaml") }
    var laborFile: String { PriceListLoader.path(folder, "labor.csv") }
    var partsFile: String { PriceListLoader.path(folder, "parts.csv") }
    var policyFile: String { PriceListLoader.path(folder, PriceListLoader.policyFile) }

    init(folder: String, market: String, isRoot: Bool, general: [RuleID: String]?) {
        (self.folder, self.market, self.isRoot) = (folder, market, isRoot)
        readSettings()
        if let currency = settings?.currency {
            readTables(currency: currency)
            readNames()
        }
        readPolicy(general: general)
    }

    /// Runs `body`, keeping its error; nil when it failed.
    static func attempt<T>(_ errors: inout [PriceListError], _ body: () throws(PriceListError) -> T) -> T? {
        do {
            return try body()
        } catch {
            errors.append(error)
            return nil
        }
    }

    mutating func readSettings() {
        let (file, market) = (marketFile, self.market)
        var text = ""
        settings = Self.attempt(&errors) { () throws(PriceListError) -> MarketSettings in
            text = try PriceListLoader.read(file)
            let read = try MarketSettings(yaml: try YAMLReader.document(text, file: file))
            guard read.market.rawValue == market else {
                throw PriceListError(
                    file: file, line: Self.line(of: "market", in: text), field: "market",
                    "\"\(read.market)\" does not match its folder \"\(market)\"")
            }
            return read
        }
        marketText = text
    }

    mutating func readTables(currency: Currency) {
        let (laborFile, partsFile) = (self.laborFile, self.partsFile)
        var found: [PriceListError] = []
        if let text = Self.attempt(
            &found, { () throws(PriceListError) in try PriceListLoader.read(laborFile) })
        {
            let (rows, rowErrors) = PriceTables.laborRows(text, file: laborFile, currency: currency)
            labor = rows
            found += rowErrors
        }
        if let text = Self.attempt(
            &found, { () throws(PriceListError) in try PriceListLoader.read(partsFile) })
        {
            let (rows, rowErrors) = PriceTables.partRows(text, file: partsFile, currency: currency)
            parts = rows
            found += rowErrors
        }
        errors += found
    }

    /// Reads the names files against the rows of the tables, unless a table has errors.
    mutating func readNames() {
        guard let languages = settings?.languages, !hasErrors(in: laborFile), !hasErrors(in: partsFile) else {
            return
        }
        let (folder, labor, parts) = (folder, labor.map(\.rate), parts.map(\.part))
        names = Self.attempt(&errors) { () throws(PriceListError) in
            try NameTranslations(folder: folder, languages: languages, labor: labor, parts: parts)
        }
        errors += names?.problems ?? []
    }

    /// Reads the policy; without the general rule sentences (`rules.yaml` broken) the check that
    /// every cited rule has a sentence is left out rather than reported for every market.
    mutating func readPolicy(general: [RuleID: String]?) {
        let (file, folder) = (policyFile, self.folder)
        var listed: [ListedModel] = []
        policy = Self.attempt(&errors) { () throws(PriceListError) -> Policy in
            guard FileManager.default.fileExists(atPath: file) else {
                throw PriceListError(
                    file: folder, line: nil, field: "",
                    "\(PriceListLoader.policyFile) is missing: every market needs its warranty policy file")
            }
            let reader = try YAMLReader.document(try PriceListLoader.read(file), file: file)
            let read = try Policy(yaml: reader, general: general ?? [:])
            if let models = try reader.child("models") {
                for key in models.keys {
                    guard let category = DeviceCategory(rawValue: key) else { continue }
                    listed += try models.strings(key).map { ListedModel(name: $0, category: category) }
                }
            }
            if general != nil, let missing = read.citedRuleIDs.first(where: { read.rules[$0] == nil }) {
                throw PriceListError(
                    file: file, line: nil, field: "rules", "\(missing) is cited but has no sentence in rules:"
                )
            }
            return read
        }
        models = policy == nil ? [] : listed
    }

    /// Whether reading `file` found errors: a rule that concludes something is missing from it
    /// (a swap unit, a labour code) then stays silent rather than repeat a broken row's error.
    func hasErrors(in file: String) -> Bool { settings == nil || errors.contains { $0.file == file } }

    /// The line of a top-level `key:` in a YAML text, for errors about a value read from it.
    static func line(of key: String, in text: String) -> Int? {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.hasPrefix(key + ":") { return number }
        }
        return nil
    }
}
