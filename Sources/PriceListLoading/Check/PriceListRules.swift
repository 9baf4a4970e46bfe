import QuoteCore

/// The rules of `prices check` beyond what loading refuses: each a small function from what was
/// read to the errors it finds, so each has its own test. Rules about one version take a
/// `CheckedVersion`; rules about a market's versions together take all of them.
enum PriceListRules {
    /// Rules about one version of one market.
    static let versionRules: [@Sendable (CheckedVersion) -> [PriceListError]] = [
        partModelsAreListed, pricesArePositive, listedCategoriesHaveLabor, exchangedModelsHaveSwapUnits,
    ]

    /// Rules about all versions of one market.
    static let marketRules: [@Sendable ([CheckedVersion]) -> [PriceListError]] = [
        versionsAreUnique, effectiveDatesAreInOrder, currencyAndVATMatchMarket,
    ]

    /// Every model a part names is in the policy's `models:` table (G-5), else the part can never
    /// be quoted with the policy's terms for it: `"Xiaomi 12 Por": did you mean "Xiaomi 12 Pro"?`.
    static func partModelsAreListed(_ v: CheckedVersion) -> [PriceListError] {
        guard v.policy != nil else { return [] }
        let known = Set(v.models.map { ModelName.normalize($0.name) })
        var errors: [PriceListError] = []
        for row in v.parts {
            for name in row.modelNames where !known.contains(ModelName.normalize(name)) {
                let hint = NearestName.hint(for: name, among: v.models.map(\.name))
                let advice =
                    hint.isEmpty
                    ? " is not in the models of \(PriceListLoader.policyFile) (add it there with its category, or remove the part)"
                    : " (not in the models of \(PriceListLoader.policyFile))"
                errors.append(
                    PriceListError(
                        file: v.partsFile, line: row.line, field: "models",
                        "\"\(name)\"\(hint.isEmpty ? advice : hint + advice)"))
            }
        }
        return errors
    }

    /// A labour rate or part priced at zero is a forgotten price: a free item is a waiver line.
    static func pricesArePositive(_ v: CheckedVersion) -> [PriceListError] {
        let labor = v.labor.filter { $0.rate.price.minorUnits == 0 }.map {
            PriceListError(
                file: v.laborFile, line: $0.line, field: "price",
                "is zero: price \($0.rate.category.rawValue) \($0.rate.code), or remove the row")
        }
        let parts = v.parts.filter { $0.part.price.minorUnits == 0 }.map {
            PriceListError(
                file: v.partsFile, line: $0.line, field: "price",
                "is zero: price \($0.part.sku), or remove the row")
        }
        return labor + parts
    }

    /// Every device category the policy lists models of has at least one labour code, else a
    /// repair of such a model is refused as an unknown labour code when it is quoted.
    static func listedCategoriesHaveLabor(_ v: CheckedVersion) -> [PriceListError] {
        guard !v.hasErrors(in: v.laborFile) else { return [] }
        let priced = Set(v.labor.map(\.rate.category))
        let listed = Dictionary(grouping: v.models, by: \.category)
        return listed.keys.filter { !priced.contains($0) }.sorted { $0.rawValue < $1.rawValue }.map {
            PriceListError(
                file: v.laborFile, line: nil, field: "category",
                "no labour code for \($0.rawValue), which the policy lists models of (\(listed[$0]![0].name))"
            )
        }
    }

    /// A model the policy exchanges has a swap unit in the parts list: a TV whose panel is swapped
    /// (BX-11), or a return whose charges include the swap unit and that is refused without one. A
    /// return that falls back to a repair (`onFailure: repair`, HK-1) needs none.
    static func exchangedModelsHaveSwapUnits(_ v: CheckedVersion) -> [PriceListError] {
        guard let policy = v.policy, !v.hasErrors(in: v.partsFile) else { return [] }
        var exchanged: [(applies: Applicability, rule: RuleID)] = []
        if let panel = policy.panel { exchanged.append((panel.applies, panel.rule)) }
        for r in [policy.doa, policy.remorse].compactMap({ $0 })
        where r.onFailure == .refused && r.charges.contains(where: { $0.line == .swapUnit }) {
            exchanged.append((r.applies, r.rule))
        }
        let swaps = v.parts.map(\.part).filter { $0.category == .swapUnit }
        var errors: [PriceListError] = []
        for model in v.models {
            guard
                let rule = exchanged.first(where: { $0.applies.categories?.contains(model.category) ?? true }
                )?.rule
            else { continue }
            let normalized = ModelName.normalize(model.name)
            if !swaps.contains(where: { $0.fits(normalizedModel: normalized) }) {
                errors.append(
                    PriceListError(
                        file: v.partsFile, line: nil, field: "category",
                        "no swap-unit part for \(model.name), which the policy exchanges (\(rule))"))
            }
        }
        return errors
    }
}
