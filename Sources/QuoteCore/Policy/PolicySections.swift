/// BX-4 / HK-9 / HK-13: what happens to a product not sold through the market's official channels.
public struct NonOfficialPolicy: Hashable, Sendable {
    public enum Outcome: String, Sendable { case refused, outOfWarranty = "out-of-warranty" }
    public var outcome: Outcome
    public var refusal: Refusal
    /// HK-13: models serviced as official although bought abroad, and the rule.
    public var internationalModels: Set<String>
    public var internationalRule: RuleID?
    package init(
        outcome: Outcome, refusal: Refusal, internationalModels: Set<String> = [],
        internationalRule: RuleID? = nil
    ) {
        self.outcome = outcome
        self.refusal = refusal
        self.internationalModels = internationalModels
        self.internationalRule = internationalRule
    }
}

/// ES-5: an IMEI is required for these categories.
public struct IMEIRequirement: Hashable, Sendable {
    public var rule: RuleID
    public var categories: Set<DeviceCategory>
    package init(rule: RuleID, categories: Set<DeviceCategory>) {
        self.rule = rule
        self.categories = categories
    }
}

/// G-8 / HK-12: models whose service has ended, from a date.
public struct EndOfServicePolicy: Hashable, Sendable {
    /// Every rule the outcome cites, in the order the quote cites them.
    public var rules: [RuleID]
    /// The rule the end-of-service charges cite (`chargeRule:` in the policy, one of `rules`), named
    /// in the data so that reordering `rules` cannot change it.
    public var chargeRule: RuleID
    /// Normalized model name → the first day without repair service.
    public var from: [String: CivilDate]
    public var charges: [FixedCharge]
    public var advice: [Coverage.Advice]
    package init(
        rules: [RuleID], chargeRule: RuleID, from: [String: CivilDate], charges: [FixedCharge],
        advice: [Coverage.Advice]
    ) {
        self.rules = rules
        self.chargeRule = chargeRule
        self.from = from
        self.charges = charges
        self.advice = advice
    }
}

/// BX-11: a TV panel is swapped in warranty and not repairable out of warranty.
public struct PanelPolicy: Hashable, Sendable {
    public var rule: RuleID
    public var applies: Applicability
    public var advice: [Coverage.Advice]
    package init(rule: RuleID, applies: Applicability, advice: [Coverage.Advice]) {
        self.rule = rule
        self.applies = applies
        self.advice = advice
    }
}

/// BX-10: on-site service for large TVs, after a repair-avoidance call.
public struct OnSitePolicy: Hashable, Sendable {
    public var rule: RuleID
    public var categories: Set<DeviceCategory>
    /// On-site service needs a screen strictly larger than this, in hundredths of an inch.
    public var screenOverHundredths: Int64
    /// Who pays the repair-avoidance call.
    public var callPayer: Payer
    package init(rule: RuleID, categories: Set<DeviceCategory>, screenOverHundredths: Int64, callPayer: Payer)
    {
        self.rule = rule
        self.categories = categories
        self.screenOverHundredths = screenOverHundredths
        self.callPayer = callPayer
    }
}

/// Which service modes move the device by courier (two-way logistics), and the rule cited on those lines.
public struct LogisticsPolicy: Hashable, Sendable {
    /// The service modes the market offers at all.
    public var offered: Set<ServiceMode>
    /// The modes in which the device travels by courier.
    public var modes: Set<ServiceMode>
    public var rule: RuleID?
    /// Rule cited on logistics lines of these categories (BX-10: TVs at the TV rate).
    public var categoryRules: [DeviceCategory: RuleID]
    package init(
        offered: Set<ServiceMode>, modes: Set<ServiceMode>, rule: RuleID? = nil,
        categoryRules: [DeviceCategory: RuleID] = [:]
    ) {
        self.offered = offered
        self.modes = modes
        self.rule = rule
        self.categoryRules = categoryRules
    }
}

/// Who pays an in-warranty repair (BX-7, ES-1..3, US-7).
public struct InWarrantyPolicy: Hashable, Sendable {
    public var rule: RuleID
    public var payer: Payer
    /// ES-3: logistics paid by this payer whoever pays the repair.
    public var logisticsPayer: Payer?
    public var logisticsRule: RuleID?
    /// ES-1: from this many months after the warranty start, the repair is paid by `laterPayer`.
    public var laterFromMonths: Int?
    public var laterPayer: Payer?
    public var laterRule: RuleID?
    /// ES-2: purchases outside these channels are paid by `otherChannelPayer`.
    public var officialChannels: Set<Channel>?
    public var otherChannelPayer: Payer?
    public var otherChannelRule: RuleID?

    package init(
        rule: RuleID, payer: Payer, logisticsPayer: Payer? = nil, logisticsRule: RuleID? = nil,
        laterFromMonths: Int? = nil, laterPayer: Payer? = nil, laterRule: RuleID? = nil,
        officialChannels: Set<Channel>? = nil, otherChannelPayer: Payer? = nil,
        otherChannelRule: RuleID? = nil
    ) {
        self.rule = rule
        self.payer = payer
        self.logisticsPayer = logisticsPayer
        self.logisticsRule = logisticsRule
        self.laterFromMonths = laterFromMonths
        self.laterPayer = laterPayer
        self.laterRule = laterRule
        self.officialChannels = officialChannels
        self.otherChannelPayer = otherChannelPayer
        self.otherChannelRule = otherChannelRule
    }
}

/// The charges of an out-of-warranty quote, accepted (BX-8) and rejected (BX-9, PK-7).
public struct OutOfWarrantyPolicy: Hashable, Sendable {
    /// A group of charges: `logistics` (both legs, or travel on site), `labor`, `parts`, `handling`,
    /// `inspection`.
    public enum ChargeGroup: String, Sendable, CaseIterable {
        case logistics, labor, parts, handling, inspection
    }

    public struct Outcome: Hashable, Sendable {
        /// The rule that puts these charges on the consumer, where the market has one.
        public var rule: RuleID?
        public var charges: [ChargeGroup]
        package init(rule: RuleID?, charges: [ChargeGroup]) {
            self.rule = rule
            self.charges = charges
        }
    }

    public var accepted: Outcome
    public var rejected: Outcome
    package init(accepted: Outcome, rejected: Outcome) {
        self.accepted = accepted
        self.rejected = rejected
    }
}

/// G-9 / HK-6 / US-8: a replaced device or part keeps the original warranty end, with an optional minimum.
public struct ReplacementPolicy: Hashable, Sendable {
    public var rules: [RuleID]
    public var minimum: Period?
    public var minimumRule: RuleID?
    package init(rules: [RuleID], minimum: Period? = nil, minimumRule: RuleID? = nil) {
        self.rules = rules
        self.minimum = minimum
        self.minimumRule = minimumRule
    }
}

/// HK-5: a replaced part is warranted for a period after the repair for the same fault.
public struct ReplacedPartPolicy: Hashable, Sendable {
    public var rule: RuleID
    public var period: Period
    package init(rule: RuleID, period: Period) {
        self.rule = rule
        self.period = period
    }
}

/// ES-4: a date by which the customer must act, counted from the issue date.
public struct Deadline: Hashable, Sendable {
    public var rule: RuleID
    public var period: Period
    /// The case kinds it applies to.
    public var kinds: Set<CaseKind>
    package init(rule: RuleID, period: Period, kinds: Set<CaseKind>) {
        self.rule = rule
        self.period = period
        self.kinds = kinds
    }
}
