/// A DOA or remorse return (BX-5, BX-6, HK-1, US-2..6).
public struct ReturnPolicy: Hashable, Sendable {
    public enum OnFailure: String, Sendable {
        /// Quoted as an in- or out-of-warranty repair instead (BX-5).
        case repair
        /// Refused (a remorse return out of its window).
        case refused
    }

    /// What a return whose charges include a swap unit does when the parts list prices none for
    /// the model.
    public enum WithoutSwapUnit: String, Sendable, CaseIterable {
        /// The claim fails (`onFailure`): quoted as a repair (BX-5).
        case repair
        /// The customer's choice (HK-1: exchange or repair): a case with repair lines is repaired
        /// (`onFailure`); one without is accepted, the swap unit line unpriced and noted.
        case customerChoice = "customer-choice"
    }

    public var rule: RuleID
    public var window: Period
    public var startsFrom: WarrantyPolicy.Start
    /// Purchase channels that may use it; nil = all.
    public var channels: Set<Channel>?
    /// Where the claim may be raised, per channel (BX-5); a missing channel uses `raisedViaDefault`.
    public var raisedVia: [Channel: Set<RaisedVia>]
    public var raisedViaDefault: Set<RaisedVia>?
    public var applies: Applicability
    public var requiresProofOfPurchase: Bool
    /// A manufacturing failure is needed: `no-fault-found` disqualifies (BX-5).
    public var requiresDefect: Bool
    /// Findings that make the return fail (visible abuse, missing contents).
    public var disqualifyingFindings: Set<Finding>
    /// Findings that refuse the return outright (US-6), with that rule.
    public var refusingFindings: Set<Finding>
    public var refusingRule: RuleID?
    /// US-3: orders placed in these months may return until this month/day of the next year.
    public var lateOrderMonths: Set<Int>
    public var lateOrderUntil: (month: Int, day: Int)?
    public var lateOrderRule: RuleID?
    public var onFailure: OnFailure
    public var withoutSwapUnit: WithoutSwapUnit
    public var charges: [FixedCharge]
    /// The rule that puts the charges on their payers (US-4), cited with them.
    public var chargesRule: RuleID?
    /// US-5: a refund of what was paid.
    public var refund: RefundPolicy?

    package init(
        rule: RuleID, window: Period, startsFrom: WarrantyPolicy.Start, channels: Set<Channel>? = nil,
        raisedVia: [Channel: Set<RaisedVia>] = [:], raisedViaDefault: Set<RaisedVia>? = nil,
        applies: Applicability = Applicability(), requiresProofOfPurchase: Bool = true,
        requiresDefect: Bool = false,
        disqualifyingFindings: Set<Finding> = [], refusingFindings: Set<Finding> = [],
        refusingRule: RuleID? = nil,
        lateOrderMonths: Set<Int> = [], lateOrderUntil: (month: Int, day: Int)? = nil,
        lateOrderRule: RuleID? = nil,
        onFailure: OnFailure, withoutSwapUnit: WithoutSwapUnit = .repair, charges: [FixedCharge] = [],
        chargesRule: RuleID? = nil, refund: RefundPolicy? = nil
    ) {
        self.rule = rule
        self.window = window
        self.startsFrom = startsFrom
        self.channels = channels
        self.raisedVia = raisedVia
        self.raisedViaDefault = raisedViaDefault
        self.applies = applies
        self.requiresProofOfPurchase = requiresProofOfPurchase
        self.requiresDefect = requiresDefect
        self.disqualifyingFindings = disqualifyingFindings
        self.refusingFindings = refusingFindings
        self.refusingRule = refusingRule
        self.lateOrderMonths = lateOrderMonths
        self.lateOrderUntil = lateOrderUntil
        self.lateOrderRule = lateOrderRule
        self.onFailure = onFailure
        self.withoutSwapUnit = withoutSwapUnit
        self.charges = charges
        self.chargesRule = chargesRule
        self.refund = refund
    }

    public static func == (lhs: ReturnPolicy, rhs: ReturnPolicy) -> Bool {
        lhs.rule == rhs.rule && lhs.window == rhs.window && lhs.charges == rhs.charges
            && lhs.lateOrderUntil?.month == rhs.lateOrderUntil?.month
            && lhs.lateOrderUntil?.day == rhs.lateOrderUntil?.day
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(window)
    }
}

/// US-5: what a return refunds.
public struct RefundPolicy: Hashable, Sendable {
    public var rule: RuleID
    /// Shipping, gift wrap and taxes are refunded too when the return is caused by a defect.
    public var extrasOnDefect: Bool
    /// No shipping is refunded when only part of the order is returned.
    public var noShippingOnPartialReturn: Bool
    package init(rule: RuleID, extrasOnDefect: Bool, noShippingOnPartialReturn: Bool) {
        self.rule = rule
        self.extrasOnDefect = extrasOnDefect
        self.noShippingOnPartialReturn = noShippingOnPartialReturn
    }
}

/// PK-1..4, PK-6: a promotion for some models with longer warranty and one-time benefits.
public struct Promotion: Hashable, Sendable {
    public var rule: RuleID
    public var models: Set<String>
    public var starts: CivilDate
    public var requiresOfficial: Bool
    /// Findings that void the promotion (PK-6), with that rule.
    public var voidedBy: Set<Finding>
    public var voidRule: RuleID?
    public var warranty: Period?
    public var warrantyRule: RuleID?
    public var freeLabor: Benefit?
    public var freeScreen: Benefit?
    /// G-10: the rule that makes the benefits one-time, cited with them.
    public var oneTimeRule: RuleID?

    package init(
        rule: RuleID, models: Set<String>, starts: CivilDate, requiresOfficial: Bool, voidedBy: Set<Finding>,
        voidRule: RuleID?, warranty: Period?, warrantyRule: RuleID?, freeLabor: Benefit?,
        freeScreen: Benefit?,
        oneTimeRule: RuleID? = nil
    ) {
        self.rule = rule
        self.models = models
        self.starts = starts
        self.requiresOfficial = requiresOfficial
        self.voidedBy = voidedBy
        self.voidRule = voidRule
        self.warranty = warranty
        self.warrantyRule = warrantyRule
        self.freeLabor = freeLabor
        self.freeScreen = freeScreen
        self.oneTimeRule = oneTimeRule
    }

    /// A one-time benefit (G-10) within a period from purchase.
    public struct Benefit: Hashable, Sendable {
        public var rule: RuleID
        public var period: Period
        /// Findings that exclude it (intentional damage, malicious software).
        public var excludedBy: Set<Finding>
        /// Findings that alone do not qualify (cosmetic scratches).
        public var cosmeticOnly: Set<Finding>
        package init(
            rule: RuleID, period: Period, excludedBy: Set<Finding> = [], cosmeticOnly: Set<Finding> = []
        ) {
            self.rule = rule
            self.period = period
            self.excludedBy = excludedBy
            self.cosmeticOnly = cosmeticOnly
        }
    }
}
