/// What the coverage decision concluded, before any line is priced.
enum Outcome {
    /// Not serviced; fixed charges and advice from the refusal.
    case refused(Refusal)
    /// No repair possible (end of service, TV panel out of warranty): these charges apply.
    case notRepairable(charges: NotRepairableCharges, advice: [Coverage.Advice])
    /// A DOA or remorse return accepted under this policy.
    case returnAccepted(CoverageStatus, ReturnPolicy)
    /// A repair, in or out of warranty.
    case repair(RepairPlan)
}

enum NotRepairableCharges {
    /// These charges, under this rule (the last rule of the end-of-service decision).
    case fixed([FixedCharge], rule: RuleID?)
    /// What a return unrepaired costs (the out-of-warranty rejection charges).
    case returnUnrepaired
}

/// Who pays what in a repair.
struct RepairPlan {
    var inWarranty: Bool
    /// Payer of labor and parts (in warranty: manufacturer or retailer).
    var payer: Payer
    var payerRule: RuleID?
    var logisticsPayer: Payer
    var logisticsRule: RuleID?
    /// BX-11: the whole device is swapped instead of repaired.
    var swapUnit: Bool
    /// The promotion applies (PK-1): waivers may be granted.
    var promotionEligible: Bool
}
