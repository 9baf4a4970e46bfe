/// A market's warranty policy as data (`policy.yaml`): every entry cites the rule ID it encodes.
/// Absent sections mean the market has no such rule.
public struct Policy: Sendable {
    /// The sentence shown on a quote for each rule this market may cite.
    public var rules: [RuleID: String]
    /// Models the policy lists, normalized name → category. A model not listed is quoted with its
    /// category's defaults and the quote says so (G-5).
    public var models: [String: DeviceCategory]
    public var warranty: WarrantyPolicy
    /// Findings that put a repair out of warranty, and the rule that says so.
    public var exclusions: [Finding: RuleID]
    /// Findings that keep a repair covered although they look like a fault of the user (HK-7).
    public var keepsCoverage: [Finding: RuleID]
    /// Findings that refuse the case outright (a counterfeit).
    public var refusedFindings: [Finding: Refusal]
    public var nonOfficial: NonOfficialPolicy?
    public var proofOfPurchaseRule: RuleID?
    public var firstOwnerRule: RuleID?
    public var imeiRequired: IMEIRequirement?
    public var endOfService: EndOfServicePolicy?
    public var doa: ReturnPolicy?
    public var remorse: ReturnPolicy?
    public var installation: Refusal?
    public var panel: PanelPolicy?
    public var onSite: OnSitePolicy?
    public var logistics: LogisticsPolicy
    public var inWarranty: InWarrantyPolicy
    public var outOfWarranty: OutOfWarrantyPolicy
    public var promotion: Promotion?
    public var replacement: ReplacementPolicy?
    public var replacedPart: ReplacedPartPolicy?
    /// US-10: the case may carry its own sales-tax rate.
    public var salesTaxRule: RuleID?
    /// A rule cited on every quote about the tax rate (HK-14).
    public var taxRule: RuleID?
    /// BX-13: the rule behind the expected completion date.
    public var turnaroundRule: RuleID?
    public var postingDeadline: Deadline?
    /// The rule cited when a model is not in `models` (G-5).
    public var unlistedModelRule: RuleID?

    public init(
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
        postingDeadline: Deadline? = nil, unlistedModelRule: RuleID? = nil
    ) {
        self.rules = rules
        self.models = models
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
    }
}

/// A fixed charge a rule puts on a payer: `{ line: screening, payer: manufacturer }`.
public struct FixedCharge: Hashable, Sendable {
    public var line: LineKind
    public var payer: Payer
    public init(line: LineKind, payer: Payer) {
        self.line = line
        self.payer = payer
    }
}

/// A refusal: the case is not serviced; these charges (if any) apply and this advice is given.
public struct Refusal: Hashable, Sendable {
    public var rule: RuleID
    public var charges: [FixedCharge]
    public var advice: [Coverage.Advice]
    public init(rule: RuleID, charges: [FixedCharge] = [], advice: [Coverage.Advice] = []) {
        self.rule = rule
        self.charges = charges
        self.advice = advice
    }
}

/// Matches a device category and claimed item; nil sets match anything (`"*"`).
public struct Applicability: Hashable, Sendable {
    public var categories: Set<DeviceCategory>?
    public var items: Set<Item>?
    public init(categories: Set<DeviceCategory>? = nil, items: Set<Item>? = nil) {
        self.categories = categories
        self.items = items
    }
    public func matches(_ category: DeviceCategory, _ item: Item) -> Bool {
        (categories?.contains(category) ?? true) && (items?.contains(item) ?? true)
    }
}
