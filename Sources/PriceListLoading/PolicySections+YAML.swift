import QuoteCore

extension NonOfficialPolicy {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(["outcome", "rule", "charges", "advice", "international", "note"])
        let international = try r.child("international")
        self.init(
            outcome: try r.requiredEnum("outcome", Outcome.self),
            refusal: Refusal(
                rule: try r.requiredRule(), charges: try FixedCharge.list(r, "charges"),
                advice: try r.advice()),
            internationalModels: Set(try international?.strings("models").map(ModelName.normalize) ?? []),
            internationalRule: try international?.rule("rule"))
    }
}

extension EndOfServicePolicy {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(["rules", "chargeRule", "charges", "advice", "list", "note"])
        let rules = try r.rules("rules")
        let chargeRule = try r.requiredRule("chargeRule")
        guard rules.contains(chargeRule) else {
            throw r.fail(
                "\(chargeRule) is not one of rules [\(rules.map(\.rawValue).joined(separator: ", "))]",
                key: "chargeRule", at: r.value("chargeRule"))
        }
        var from: [String: CivilDate] = [:]
        for entry in try r.list("list") {
            try entry.rejectUnknownKeys(["from", "models"])
            let date = try entry.requiredDate("from")
            for model in try entry.strings("models") {
                // A model listed twice (the HK source does so) stops on its earliest date.
                let name = ModelName.normalize(model)
                from[name] = min(date, from[name] ?? date)
            }
        }
        self.init(
            rules: rules, chargeRule: chargeRule, from: from, charges: try FixedCharge.list(r, "charges"),
            advice: try r.advice())
    }
}

extension PanelPolicy {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(["rule", "categories", "items", "advice", "note"])
        self.init(
            rule: try r.requiredRule(),
            applies: Applicability(
                categories: try r.enumSet("categories", DeviceCategory.self),
                items: try r.enumSet("items", Item.self)),
            advice: try r.advice())
    }
}

extension OnSitePolicy {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(["rule", "categories", "screenOverInches", "callPayer", "note"])
        let text = try r.requiredString("screenOverInches")
        guard let hundredths = try? Decimals.parse(text, scale: 2, allowNegative: false) else {
            throw r.fail("\"\(text)\" is not a number of inches", key: "screenOverInches")
        }
        self.init(
            rule: try r.requiredRule(), categories: try r.enumSet("categories", DeviceCategory.self) ?? [],
            screenOverHundredths: hundredths, callPayer: try r.requiredEnum("callPayer", Payer.self))
    }
}

extension LogisticsPolicy {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(["offered", "courier", "rule", "categoryRules", "note"])
        var categoryRules: [DeviceCategory: RuleID] = [:]
        if let table = try r.child("categoryRules") {
            for key in table.keys {
                categoryRules[try table.parseEnum(key, DeviceCategory.self, key: key, at: table.value(key))] =
                    RuleID(try table.requiredString(key))
            }
        }
        let offered = try r.enumSet("offered", ServiceMode.self) ?? Set(ServiceMode.allCases)
        let courier = try r.enumSet("courier", ServiceMode.self) ?? []
        guard courier.isSubset(of: offered) else {
            throw r.fail("lists a mode that is not offered", key: "courier")
        }
        self.init(offered: offered, modes: courier, rule: try r.rule("rule"), categoryRules: categoryRules)
    }
}

extension InWarrantyPolicy {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(["rule", "payer", "logistics", "later", "otherChannels", "note"])
        let logistics = try r.child("logistics")
        let later = try r.child("later")
        let other = try r.child("otherChannels")
        self.init(
            rule: try r.requiredRule(), payer: try r.requiredEnum("payer", Payer.self),
            logisticsPayer: try logistics?.requiredEnum("payer", Payer.self),
            logisticsRule: try logistics?.rule("rule"),
            laterFromMonths: try later?.requiredInt("fromMonths", in: 1...120),
            laterPayer: try later?.requiredEnum("payer", Payer.self),
            laterRule: try later?.rule("rule"),
            officialChannels: try other?.enumSet("official", Channel.self),
            otherChannelPayer: try other?.requiredEnum("payer", Payer.self),
            otherChannelRule: try other?.rule("rule"))
    }
}

extension OutOfWarrantyPolicy {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(["accepted", "rejected", "note"])
        func outcome(_ key: String) throws(PriceListError) -> Outcome {
            let c = try r.requiredChild(key)
            try c.rejectUnknownKeys(["rule", "charges", "note"])
            let groups = try c.strings("charges").map { (text) throws(PriceListError) in
                try c.parseEnum(text, ChargeGroup.self, key: "charges", at: c.value("charges"))
            }
            return Outcome(rule: try c.rule("rule"), charges: groups)
        }
        self.init(accepted: try outcome("accepted"), rejected: try outcome("rejected"))
    }
}

extension ReplacementPolicy {
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(["rules", "minimum", "minimumRule", "note"])
        self.init(
            rules: try r.rules("rules"),
            minimum: try r.section("minimum") { (c) throws(PriceListError) in try Period(yaml: c) },
            minimumRule: try r.rule("minimumRule"))
    }
}
