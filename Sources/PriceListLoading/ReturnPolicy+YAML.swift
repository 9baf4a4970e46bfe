import QuoteCore

extension ReturnPolicy {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys([
            "rule", "window", "from", "channels", "raisedVia", "categories", "items",
            "requiresProofOfPurchase",
            "requiresDefect", "disqualifyingFindings", "refusingFindings", "lateOrders", "onFailure",
            "withoutSwapUnit", "charges",
            "chargesRule", "refund", "note",
        ])
        var raisedVia: [Channel: Set<RaisedVia>] = [:]
        var raisedViaDefault: Set<RaisedVia>?
        if let table = try r.child("raisedVia") {
            for key in table.keys {
                let places = try table.enumSet(key, RaisedVia.self)
                if key == "*" {
                    raisedViaDefault = places
                } else {
                    raisedVia[try table.parseEnum(key, Channel.self, key: key, at: table.value(key))] = places
                }
            }
        }
        let refusing = try r.child("refusingFindings")
        let late = try r.child("lateOrders")
        self.init(
            rule: try r.requiredRule(), window: try Period(yaml: try r.requiredChild("window")),
            startsFrom: try r.requiredEnum("from", WarrantyPolicy.Start.self),
            channels: try r.enumSet("channels", Channel.self),
            raisedVia: raisedVia, raisedViaDefault: raisedViaDefault,
            applies: Applicability(
                categories: try r.enumSet("categories", DeviceCategory.self),
                items: try r.enumSet("items", Item.self)),
            requiresProofOfPurchase: try r.bool("requiresProofOfPurchase", default: true),
            requiresDefect: try r.bool("requiresDefect", default: false),
            disqualifyingFindings: try r.enumSet("disqualifyingFindings", Finding.self) ?? [],
            refusingFindings: try refusing?.enumSet("findings", Finding.self) ?? [],
            refusingRule: try refusing?.rule("rule"),
            lateOrderMonths: Set(try late?.strings("months").compactMap { Int($0) } ?? []),
            lateOrderUntil: try late.map { (c) throws(PriceListError) in try Self.monthDay(c) },
            lateOrderRule: try late?.rule("rule"),
            onFailure: try r.requiredEnum("onFailure", OnFailure.self),
            withoutSwapUnit: try r.enumValue("withoutSwapUnit", WithoutSwapUnit.self) ?? .repair,
            charges: try FixedCharge.list(r, "charges"),
            chargesRule: try r.rule("chargesRule"),
            refund: try r.section("refund") { (c) throws(PriceListError) in try RefundPolicy(yaml: c) })
    }

    /// `until: "01-31"` → (1, 31).
    static func monthDay(_ r: YAMLReader) throws(PriceListError) -> (month: Int, day: Int) {
        let text = try r.requiredString("until")
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, CivilDate(year: 2000, month: parts[0], day: parts[1]) != nil else {
            throw r.fail("\"\(text)\" is not a month and day MM-DD", key: "until")
        }
        return (parts[0], parts[1])
    }
}

extension RefundPolicy {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(["rule", "extrasOnDefect", "noShippingOnPartialReturn", "note"])
        self.init(
            rule: try r.requiredRule(), extrasOnDefect: try r.bool("extrasOnDefect"),
            noShippingOnPartialReturn: try r.bool("noShippingOnPartialReturn"))
    }
}

extension Promotion {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys([
            "rule", "models", "starts", "requiresOfficial", "voidedBy", "warranty", "freeLabor", "freeScreen",
            "oneTime", "note",
        ])
        let voided = try r.child("voidedBy")
        let warranty = try r.child("warranty")
        self.init(
            rule: try r.requiredRule(), models: Set(try r.strings("models").map(ModelName.normalize)),
            starts: try r.requiredDate("starts"), requiresOfficial: try r.bool("requiresOfficial"),
            voidedBy: try voided?.enumSet("findings", Finding.self) ?? [], voidRule: try voided?.rule("rule"),
            warranty: try warranty.map { (c) throws(PriceListError) in try Period(yaml: c) },
            warrantyRule: try warranty?.rule("rule"),
            freeLabor: try r.section("freeLabor") { (c) throws(PriceListError) in try Benefit(yaml: c) },
            freeScreen: try r.section("freeScreen") { (c) throws(PriceListError) in try Benefit(yaml: c) },
            oneTimeRule: try r.rule("oneTime"))
    }
}

extension Promotion.Benefit {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(["rule", "months", "days", "excludedBy", "cosmeticOnly", "note"])
        self.init(
            rule: try r.requiredRule(), period: try Period(yaml: r),
            excludedBy: try r.enumSet("excludedBy", Finding.self) ?? [],
            cosmeticOnly: try r.enumSet("cosmeticOnly", Finding.self) ?? [])
    }
}
