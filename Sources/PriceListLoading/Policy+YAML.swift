import QuoteCore

extension Policy {
    static let keys: Set<String> = [
        "notes", "rules", "models", "unlistedModelRule", "warranty", "exclusions", "keepsCoverage",
        "refusedFindings",
        "nonOfficial", "proofOfPurchase", "firstOwner", "imeiRequired", "endOfService", "doa", "remorse",
        "installation", "panel", "onSite", "logistics", "inWarranty", "outOfWarranty", "promotion",
        "replacement",
        "replacedPart", "salesTax", "tax", "turnaround", "postingDeadline",
    ]

    /// Reads the policy file; `general` holds the sentences of the general rules (G-1..G-10),
    /// `translations` every sentence in the market's other languages (`RuleTranslations`).
    convenience init(
        yaml r: YAMLReader, general: [RuleID: String], translations: [String: [RuleID: String]] = [:]
    ) throws(PriceListError) {
        try r.rejectUnknownKeys(Self.keys)
        var rules = general
        if let table = try r.child("rules") {
            for key in table.keys { rules[RuleID(key)] = try table.requiredString(key) }
        }
        let sections = try Sections(r)
        self.init(
            rules: rules, models: try Self.models(r),
            warranty: try WarrantyPolicy(yaml: try r.requiredChild("warranty")),
            exclusions: try Self.findingRules(r, "exclusions"),
            keepsCoverage: try Self.findingRules(r, "keepsCoverage"),
            refusedFindings: try Self.refusedFindings(r), nonOfficial: sections.nonOfficial,
            proofOfPurchaseRule: try r.rule("proofOfPurchase"), firstOwnerRule: try r.rule("firstOwner"),
            imeiRequired: sections.imeiRequired, endOfService: sections.endOfService, doa: sections.doa,
            remorse: sections.remorse, installation: sections.installation, panel: sections.panel,
            onSite: sections.onSite,
            logistics: sections.logistics, inWarranty: sections.inWarranty,
            outOfWarranty: sections.outOfWarranty,
            promotion: sections.promotion, replacement: sections.replacement,
            replacedPart: sections.replacedPart,
            salesTaxRule: try r.rule("salesTax"), taxRule: try r.rule("tax"),
            turnaroundRule: try r.rule("turnaround"),
            postingDeadline: sections.postingDeadline, unlistedModelRule: try r.rule("unlistedModelRule"),
            modelNames: try Self.modelNames(r), ruleTranslations: translations)
    }

    /// The optional sections of a policy file, each read on its own.
    struct Sections {
        var nonOfficial: NonOfficialPolicy?
        var imeiRequired: IMEIRequirement?
        var endOfService: EndOfServicePolicy?
        var doa: ReturnPolicy?
        var remorse: ReturnPolicy?
        var installation: Refusal?
        var panel: PanelPolicy?
        var onSite: OnSitePolicy?
        var logistics: LogisticsPolicy
        var inWarranty: InWarrantyPolicy
        var outOfWarranty: OutOfWarrantyPolicy
        var promotion: Promotion?
        var replacement: ReplacementPolicy?
        var replacedPart: ReplacedPartPolicy?
        var postingDeadline: Deadline?

        init(_ r: YAMLReader) throws(PriceListError) {
            nonOfficial = try r.section("nonOfficial") { (c) throws(PriceListError) in
                try NonOfficialPolicy(yaml: c)
            }
            imeiRequired = try r.section("imeiRequired") { (c) throws(PriceListError) in
                IMEIRequirement(
                    rule: try c.requiredRule(),
                    categories: try c.enumSet("categories", DeviceCategory.self)
                        ?? Set(DeviceCategory.allCases))
            }
            endOfService = try r.section("endOfService") { (c) throws(PriceListError) in
                try EndOfServicePolicy(yaml: c)
            }
            doa = try r.section("doa") { (c) throws(PriceListError) in try ReturnPolicy(yaml: c) }
            remorse = try r.section("remorse") { (c) throws(PriceListError) in try ReturnPolicy(yaml: c) }
            installation = try r.section("installation") { (c) throws(PriceListError) in try Refusal(yaml: c)
            }
            panel = try r.section("panel") { (c) throws(PriceListError) in try PanelPolicy(yaml: c) }
            onSite = try r.section("onSite") { (c) throws(PriceListError) in try OnSitePolicy(yaml: c) }
            logistics = try LogisticsPolicy(yaml: try r.requiredChild("logistics"))
            inWarranty = try InWarrantyPolicy(yaml: try r.requiredChild("inWarranty"))
            outOfWarranty = try OutOfWarrantyPolicy(yaml: try r.requiredChild("outOfWarranty"))
            promotion = try r.section("promotion") { (c) throws(PriceListError) in try Promotion(yaml: c) }
            replacement = try r.section("replacement") { (c) throws(PriceListError) in
                try ReplacementPolicy(yaml: c)
            }
            replacedPart = try r.section("replacedPart") { (c) throws(PriceListError) in
                ReplacedPartPolicy(rule: try c.requiredRule(), period: try Period(yaml: c))
            }
            postingDeadline = try r.section("postingDeadline") { (c) throws(PriceListError) in
                Deadline(
                    rule: try c.requiredRule(), period: try Period(yaml: c),
                    kinds: try c.enumSet("kinds", CaseKind.self) ?? Set(CaseKind.allCases))
            }
        }
    }

    /// The model names of `models:` as written, category by category.
    static func modelNames(_ r: YAMLReader) throws(PriceListError) -> [String] {
        guard let table = try r.child("models") else { return [] }
        var names: [String] = []
        for key in table.keys { names += try table.strings(key) }
        return names
    }

    /// `models: { phone: [Xiaomi 12 Pro, …], tv: […] }` → normalized name → category.
    static func models(_ r: YAMLReader) throws(PriceListError) -> [String: DeviceCategory] {
        guard let table = try r.child("models") else { return [:] }
        var models: [String: DeviceCategory] = [:]
        for key in table.keys {
            let category = try table.parseEnum(key, DeviceCategory.self, key: key, at: table.value(key))
            for name in try table.strings(key) { models[ModelName.normalize(name)] = category }
        }
        return models
    }

    /// `exclusions: { BX-3: [liquid-damage, …] }` → finding → rule.
    static func findingRules(_ r: YAMLReader, _ key: String) throws(PriceListError) -> [Finding: RuleID] {
        guard let table = try r.child(key) else { return [:] }
        var result: [Finding: RuleID] = [:]
        for rule in table.keys {
            for text in try table.strings(rule) {
                let finding = try table.parseEnum(text, Finding.self, key: rule, at: table.value(rule))
                guard result[finding] == nil else {
                    throw table.fail("\(text) is listed under two rules", key: rule)
                }
                result[finding] = RuleID(rule)
            }
        }
        return result
    }

    static func refusedFindings(_ r: YAMLReader) throws(PriceListError) -> [Finding: Refusal] {
        var result: [Finding: Refusal] = [:]
        for entry in try r.list("refusedFindings") {
            let refusal = try Refusal(yaml: entry, extraKeys: ["findings"])
            for finding in try entry.enumSet("findings", Finding.self) ?? [] { result[finding] = refusal }
        }
        return result
    }

    /// Every rule ID the policy uses, for the check that each has a sentence.
    var citedRuleIDs: [RuleID] {
        var ids: [RuleID?] = [
            unlistedModelRule, proofOfPurchaseRule, firstOwnerRule, salesTaxRule, taxRule, turnaroundRule,
        ]
        ids += warranty.periods.map(\.rule) + warranty.modelPeriods.map(\.rule)
        ids += exclusions.values.map(Optional.some) + keepsCoverage.values.map(Optional.some)
        ids += refusedFindings.values.map(\.rule)
        ids += [
            nonOfficial?.refusal.rule, nonOfficial?.internationalRule, imeiRequired?.rule, installation?.rule,
            panel?.rule,
        ]
        ids += (endOfService?.rules ?? []).map(Optional.some)
        for r in [doa, remorse].compactMap({ $0 }) {
            ids += [r.rule, r.refusingRule, r.lateOrderRule, r.chargesRule, r.refund?.rule]
        }
        ids += [onSite?.rule, logistics.rule] + logistics.categoryRules.values.map(Optional.some)
        ids += [inWarranty.rule, inWarranty.logisticsRule, inWarranty.laterRule, inWarranty.otherChannelRule]
        ids += [outOfWarranty.accepted.rule, outOfWarranty.rejected.rule]
        if let p = promotion {
            ids += [p.rule, p.voidRule, p.warrantyRule, p.freeLabor?.rule, p.freeScreen?.rule, p.oneTimeRule]
        }
        ids +=
            (replacement?.rules ?? []).map(Optional.some) + [
                replacement?.minimumRule, replacedPart?.rule, postingDeadline?.rule,
            ]
        return ids.compactMap { $0 }
    }
}

extension Period {
    /// `{ months: 24 }` or `{ days: 15 }` inside the reader's mapping.
    init(yaml r: YAMLReader) throws(PriceListError) {
        let months = try r.int("months", in: 0...1200)
        let days = try r.int("days", in: 0...36500)
        switch (months, days) {
        case (let m?, nil): self = .months(m)
        case (nil, let d?): self = .days(d)
        default: throw r.fail("give exactly one of months or days")
        }
    }
}

extension Refusal {
    init(yaml r: YAMLReader, extraKeys: Set<String> = []) throws(PriceListError) {
        try r.rejectUnknownKeys(Set(["rule", "charges", "advice", "note"]).union(extraKeys))
        self.init(
            rule: try r.requiredRule(), charges: try FixedCharge.list(r, "charges"), advice: try r.advice())
    }
}

extension FixedCharge {
    static func list(_ r: YAMLReader, _ key: String) throws(PriceListError) -> [FixedCharge] {
        var charges: [FixedCharge] = []
        for entry in try r.list(key) {
            try entry.rejectUnknownKeys(["line", "payer"])
            charges.append(
                FixedCharge(
                    line: try entry.requiredEnum("line", LineKind.self),
                    payer: try entry.requiredEnum("payer", Payer.self)))
        }
        return charges
    }
}

extension YAMLReader {
    func advice() throws(PriceListError) -> [Coverage.Advice] {
        try strings("advice").map { (text) throws(PriceListError) in
            try parseEnum(text, Coverage.Advice.self, key: "advice", at: value("advice"))
        }
    }
}
