import QuoteCore

extension WarrantyPolicy {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(["startsFrom", "periods", "modelPeriods", "note"])
        var periods: [PeriodRule] = []
        for row in try r.list("periods") {
            try row.rejectUnknownKeys(["categories", "items", "months", "days", "rule", "note"])
            periods.append(
                PeriodRule(
                    applies: Applicability(
                        categories: try row.enumSet("categories", DeviceCategory.self),
                        items: try row.enumSet("items", Item.self)),
                    period: try Period(yaml: row), rule: try row.requiredRule()))
        }
        guard periods.contains(where: { $0.applies.categories == nil && $0.applies.items == nil }) else {
            throw r.fail(
                "needs a catch-all row (categories: \"*\", items: \"*\") so every device has a period",
                key: "periods")
        }
        var modelPeriods: [ModelPeriodRule] = []
        for row in try r.list("modelPeriods") {
            try row.rejectUnknownKeys(["models", "items", "months", "days", "rule", "note"])
            let models = try row.strings("models").map(ModelName.normalize)
            guard !models.isEmpty else { throw row.fail("is required", key: "models") }
            modelPeriods.append(
                ModelPeriodRule(
                    models: Set(models), items: try row.enumSet("items", Item.self),
                    period: try Period(yaml: row),
                    rule: try row.requiredRule()))
        }
        self.init(
            startsFrom: try r.requiredEnum("startsFrom", Start.self), periods: periods,
            modelPeriods: modelPeriods)
    }
}

extension WarrantyPolicy.Start: CaseIterable {
    public static let allCases: [WarrantyPolicy.Start] = [.purchase, .delivery]
}

extension NonOfficialPolicy.Outcome: CaseIterable {
    public static let allCases: [NonOfficialPolicy.Outcome] = [.refused, .outOfWarranty]
}

extension ReturnPolicy.OnFailure: CaseIterable {
    public static let allCases: [ReturnPolicy.OnFailure] = [.repair, .refused]
}
