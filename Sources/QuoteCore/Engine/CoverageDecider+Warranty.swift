extension CoverageDecider {
    /// The warranty start: purchase or delivery date, as the policy says.
    var warrantyStart: CivilDate {
        policy.warranty.startsFrom == .purchase ? c.purchase.date : c.purchase.deliveryDate
    }

    /// The last day of warranty and the rule that set it (BX-1, HK-2..4, PK-2, US-1), adjusted for a
    /// replaced device (G-9, HK-6, US-8).
    func warrantyEnd(promotion: Bool) -> ((ends: CivilDate, rule: RuleID), Findings) {
        var found = Findings()
        var (period, rule) =
            policy.warranty.period(normalizedModel: inputs.model, category: c.device.category, item: c.item)
        if promotion, let promo = policy.promotion, let extended = promo.warranty,
            let extendedRule = promo.warrantyRule
        {
            period = extended
            rule = extendedRule
        }
        found.cite(rule)
        var ends = period.lastDay(from: warrantyStart)
        if let previous = c.history.previousRepair, let replacement = policy.replacement {
            found.cite(replacement.rules)
            if previous.deviceReplaced, let minimum = replacement.minimum {
                let minimumEnd = minimum.lastDay(from: previous.completed)
                if minimumEnd > ends {
                    ends = minimumEnd
                    found.cite(replacement.minimumRule)
                    rule = replacement.minimumRule ?? rule
                }
            }
        }
        found.warrantyEnds = ends
        found.window(.warranty, rule, ends: ends)
        return ((ends, rule), found)
    }

    /// In or out of warranty, and who pays.
    func decideRepair(
        warranty: (ends: CivilDate, rule: RuleID), international: Bool, promotion: Bool
    ) -> (Outcome, Findings) {
        var found = Findings()
        var excluded = false
        if !c.purchase.official, !international, let nonOfficial = policy.nonOfficial {
            found.cite(nonOfficial.refusal.rule)
            excluded = true
        }
        if !c.purchase.proofOfPurchase, let rule = policy.proofOfPurchaseRule {
            found.cite(rule)
            excluded = true
        }
        if !c.purchase.firstOwner, let rule = policy.firstOwnerRule {
            found.cite(rule)
            excluded = true
        }
        for finding in c.findings {
            if let rule = policy.keepsCoverage[finding] { found.cite(rule) }
            if let rule = policy.exclusions[finding] {
                found.cite(rule)
                excluded = true
            }
        }
        var covered = !excluded && c.requestDate <= warranty.ends
        if !covered, !excluded, found.merging(replacedPartCovers()) { covered = true }
        if let panel = policy.panel, panel.applies.matches(c.device.category, c.item) {
            found.cite(panel.rule)
            if !covered { return (.notRepairable(charges: .returnUnrepaired, advice: panel.advice), found) }
        }
        var plan = covered ? found.merging(inWarrantyPlan()) : outOfWarrantyPlan()
        plan.swapUnit = covered && (policy.panel?.applies.matches(c.device.category, c.item) ?? false)
        plan.promotionEligible = promotion
        return (.repair(plan), found)
    }

    /// HK-5: a part replaced within the period before, for the same fault, is still covered.
    func replacedPartCovers() -> (Bool, Findings) {
        var found = Findings()
        guard let rule = policy.replacedPart, let previous = c.history.previousRepair,
            !previous.replacedParts.isEmpty,
            let fault = c.fault, let previousFault = previous.fault,
            fault.lowercased() == previousFault.lowercased()
        else { return (false, found) }
        let ends = rule.period.lastDay(from: previous.completed)
        guard c.requestDate <= ends else { return (false, found) }
        found.cite(rule.rule)
        found.window(.replacedPart, rule.rule, ends: ends)
        return (true, found)
    }

    func inWarrantyPlan() -> (RepairPlan, Findings) {
        var found = Findings()
        let policy = policy.inWarranty
        found.cite(policy.rule)
        var payer = policy.payer
        var payerRule = policy.rule
        if let channels = policy.officialChannels, !channels.contains(c.purchase.channel),
            let other = policy.otherChannelPayer
        {
            payer = other
            payerRule = policy.otherChannelRule ?? payerRule
        } else if let months = policy.laterFromMonths, let later = policy.laterPayer,
            c.requestDate > Period.months(months).lastDay(from: warrantyStart)
        {
            payer = later
            payerRule = policy.laterRule ?? payerRule
        }
        found.cite(payerRule)
        let plan = RepairPlan(
            inWarranty: true, payer: payer, payerRule: payerRule,
            logisticsPayer: policy.logisticsPayer ?? payer,
            logisticsRule: policy.logisticsRule ?? payerRule, swapUnit: false, promotionEligible: false)
        return (plan, found)
    }

    func outOfWarrantyPlan() -> RepairPlan {
        RepairPlan(
            inWarranty: false, payer: .consumer, payerRule: nil, logisticsPayer: .consumer,
            logisticsRule: nil,
            swapUnit: false, promotionEligible: false)
    }
}
