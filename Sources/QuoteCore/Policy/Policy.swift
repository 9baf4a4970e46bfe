/// A market's warranty policy as data (`policy.yaml`): every entry cites the rule ID it encodes.
/// Absent sections mean the market has no such rule.
/// A class: shared by every quote of its price list, never copied.
public final class Policy: Sendable {
    /// The sentence shown on a quote for each rule this market may cite.
    public let rules: [RuleID: String]
    /// The same sentences in the market's other languages, by language code then rule: one source
    /// per language, `rules.<lang>.yaml` beside the policy file. English is `rules`.
    public let ruleTranslations: [String: [RuleID: String]]
    /// Models the policy lists, normalized name → category. A model not listed is quoted with its
    /// category's defaults and the quote says so (G-5).
    public let models: [String: DeviceCategory]
    /// The same models as the policy file spells them, in its order (choices of the console's form).
    public let modelNames: [String]
    public let warranty: WarrantyPolicy
    /// Findings that put a repair out of warranty, and the rule that says so.
    public let exclusions: [Finding: RuleID]
    /// Findings that keep a repair covered although they look like a fault of the user (HK-7).
    public let keepsCoverage: [Finding: RuleID]
    /// Findings that refuse the case outright (a counterfeit).
    public let refusedFindings: [Finding: Refusal]
    public let nonOfficial: NonOfficialPolicy?
    public let proofOfPurchaseRule: RuleID?
    public let firstOwnerRule: RuleID?
    public let imeiRequired: IMEIRequirement?
    public let endOfService: EndOfServicePolicy?
    public let doa: ReturnPolicy?
    public let remorse: ReturnPolicy?
    public let installation: Refusal?
    public let panel: PanelPolicy?
    public let onSite: OnSitePolicy?
    public let logistics: LogisticsPolicy
    public let inWarranty: InWarrantyPolicy
    public let outOfWarranty: OutOfWarrantyPolicy
    public let promotion: Promotion?
    public let replacement: ReplacementPolicy?
    public let replacedPart: ReplacedPartPolicy?
    /// US-10: the case may carry its own sales-tax rate.
    public let salesTaxRule: RuleID?
    /// A rule cited on every quote about the tax rate (HK-14).
    public let taxRule: RuleID?
    /// BX-13: the rule behind the expected completion date.
    public let turnaroundRule: RuleID?
    public let postingDeadline: Deadline?
    /// The rule cited when a model is not in `models` (G-5).
    public let unlistedModelRule: RuleID?
    /// Every rule as a quote cites it, made once: a quote looks each cited rule up once, where
    /// building its translations per quote cost a dictionary per rule.
    private let citations: [RuleID: Coverage.CitedRule]

    package init(
        rules: [RuleID: String], models: [String: DeviceCategory], warranty: WarrantyPolicy,
        exclusions: [Finding: RuleID] = [:], keepsCoverage: [Finding: RuleID] = [:],
        refusedFindings: [Finding: Refusal] = [:], nonOfficial: NonOfficialPolicy? = nil,
        proofOfPurchaseRule: RuleID? = nil, firstOwnerRule: RuleID? = nil,
        imeiRequired: IMEIRequirement? = nil,
        endOfService: EndOfServicePolicy? = nil, doa: ReturnPolicy? = nil, remorse: ReturnPolicy? = nil,
        installation: Refusal? = nil, panel: PanelPolicy? = nil, onSite: OnSitePolicy? = nil,
        logistics: LogisticsPolicy, inWarranty: InWarrantyPolicy, outOfWarranty: OutOfWarrantyPolicy,
        promotion: Promotion? = nil, replacement: ReplacementPolicy? = nil,
        replacedPart: ReplacedPartPolicy? = nil,
        salesTaxRule: RuleID? = nil, taxRule: RuleID? = nil, turnaroundRule: RuleID? = nil,
        postingDeadline: Deadline? = nil, unlistedModelRule: RuleID? = nil, modelNames: [String] = [],
        ruleTranslations: [String: [RuleID: String]] = [:]
    ) {
        self.rules = rules
        self.ruleTranslations = ruleTranslations
        self.models = models
        self.modelNames = modelNames
        self.warranty = warranty
        self.exclusions = exclusions
        self.keepsCoverage = keepsCoverage
        self.refusedFindings = refusedFindings
        self.nonOfficial = nonOfficial
        self.proofOfPurchaseRule = proofOfPurchaseRule
        self.firstOwnerRule = firstOwnerRule
        self.imeiRequired = imeiRequired
        self.endOfService = endOfService
        self.doa = doa
        self.remorse = remorse
        self.installation = installation
        self.panel = panel
        self.onSite = onSite
        self.logistics = logistics
        self.inWarranty = inWarranty
        self.outOfWarranty = outOfWarranty
        self.promotion = promotion
        self.replacement = replacement
        self.replacedPart = replacedPart
        self.salesTaxRule = salesTaxRule
        self.taxRule = taxRule
        self.turnaroundRule = turnaroundRule
        self.postingDeadline = postingDeadline
        self.unlistedModelRule = unlistedModelRule
        var citations: [RuleID: Coverage.CitedRule] = [:]
        for id in Set(rules.keys).union(ruleTranslations.values.flatMap(\.keys)) {
            citations[id] = Coverage.CitedRule(
                id: id, text: rules[id] ?? id.rawValue,
                translations: ruleTranslations.compactMapValues { $0[id] })
        }
        self.citations = citations
    }

    /// One rule's sentence in each of the market's languages but English: `["nl": "…", "fr": "…"]`.
    public func translations(of id: RuleID) -> [String: String] {
        ruleTranslations.compactMapValues { $0[id] }
    }

    /// A rule as a quote cites it: its English sentence (the quote JSON's text) and its
    /// translations (the documents'), or its ID when the policy has no sentence for it.
    public func cite(_ id: RuleID) -> Coverage.CitedRule {
        citations[id] ?? Coverage.CitedRule(id: id, text: id.rawValue, translations: [:])
    }
}

/// A fixed charge a rule puts on a payer: `{ line: screening, payer: manufacturer }`.
public struct FixedCharge: Hashable, Sendable {
    public var line: LineKind
    public var payer: Payer
    package init(line: LineKind, payer: Payer) {
        self.line = line
        self.payer = payer
    }
}

/// A refusal: the case is not serviced; these charges (if any) apply and this advice is given.
public struct Refusal: Hashable, Sendable {
    public var rule: RuleID
    public var charges: [FixedCharge]
    public var advice: [Coverage.Advice]
    package init(rule: RuleID, charges: [FixedCharge] = [], advice: [Coverage.Advice] = []) {
        self.rule = rule
        self.charges = charges
        self.advice = advice
    }
}

/// Matches a device category and claimed item; nil sets match anything (`"*"`).
public struct Applicability: Hashable, Sendable {
    public var categories: Set<DeviceCategory>?
    public var items: Set<Item>?
    package init(categories: Set<DeviceCategory>? = nil, items: Set<Item>? = nil) {
        self.categories = categories
        self.items = items
    }
    public func matches(_ category: DeviceCategory, _ item: Item) -> Bool {
        (categories?.contains(category) ?? true) && (items?.contains(item) ?? true)
    }
}
