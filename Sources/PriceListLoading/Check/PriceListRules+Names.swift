import QuoteCore

extension PriceListRules {
    /// Warnings: what a document in one of the market's languages shows in English instead.
    static let versionWarnings: [@Sendable (CheckedVersion) -> [PriceListError]] = [
        namesAreTranslated, namesAreOfListedRows,
    ]

    /// A names file names only labour codes and SKUs of the tables: a name of a removed part is
    /// left out when loading, and most likely a typo or a leftover.
    static func namesAreOfListedRows(_ v: CheckedVersion) -> [PriceListError] { v.names?.unknown ?? [] }

    /// Every labour code and part has a name in each of the market's languages but English
    /// (`names.<lang>.yaml`); one warning per row, listing the languages it lacks:
    /// `parts.csv:4: description: "Battery Xiaomi 12 Pro" has no name in fr, nl: documents show it in
    /// English (add parts: X12P-BATTERY to names.fr.yaml, names.nl.yaml)`.
    static func namesAreTranslated(_ v: CheckedVersion) -> [PriceListError] {
        guard let names = v.names, let languages = v.settings?.languages.filter({ $0 != "en" }),
            !languages.isEmpty
        else { return [] }
        var warnings: [PriceListError] = []
        for row in v.labor {
            let key = PriceList.LaborKey(category: row.rate.category, code: row.rate.code)
            let missing = languages.filter { names.labor[$0]?[key] == nil }
            guard !missing.isEmpty else { continue }
            warnings.append(
                PriceListError(
                    file: v.laborFile, line: row.line, field: "description",
                    "\"\(row.rate.description)\" has no name in \(missing.joined(separator: ", ")): documents show it "
                        + "in English (add labor: \(key.category.rawValue): \(key.code) to \(files(missing)))"
                ))
        }
        for row in v.parts {
            let missing = languages.filter { names.parts[$0]?[row.part.sku] == nil }
            guard !missing.isEmpty else { continue }
            warnings.append(
                PriceListError(
                    file: v.partsFile, line: row.line, field: "description",
                    "\"\(row.part.description)\" has no name in \(missing.joined(separator: ", ")): documents show it "
                        + "in English (add parts: \(row.part.sku) to \(files(missing)))"))
        }
        return warnings
    }

    /// `names.fr.yaml, names.nl.yaml`
    static func files(_ languages: [String]) -> String {
        languages.map(NameTranslations.fileName).joined(separator: ", ")
    }
}
