import QuoteCore

extension PriceListRules {
    /// Warnings: what a document in one of the market's languages shows in English instead.
    static let versionWarnings: [@Sendable (CheckedVersion) -> [PriceListError]] = [namesAreTranslated]

    /// Every labour code and part has a name in each of the market's languages but English
    /// (`names.<lang>.yaml`); one warning per row, listing the languages it lacks:
    /// `parts.csv:3: description: "Battery Xiaomi 12 Pro" has no name in fr, nl (names.<lang>.yaml parts: X12P-BATTERY)`.
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
                    "\"\(row.rate.description)\" has no name in \(missing.joined(separator: ", ")) "
                        + "(names.<lang>.yaml labor: \(key.category.rawValue): \(key.code)); documents show it in English"))
        }
        for row in v.parts {
            let missing = languages.filter { names.parts[$0]?[row.part.sku] == nil }
            guard !missing.isEmpty else { continue }
            warnings.append(
                PriceListError(
                    file: v.partsFile, line: row.line, field: "description",
                    "\"\(row.part.description)\" has no name in \(missing.joined(separator: ", ")) "
                        + "(names.<lang>.yaml parts: \(row.part.sku)); documents show it in English"))
        }
        return warnings
    }
}
