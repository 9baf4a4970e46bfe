extension CoverageDecider {
    /// The warranty start: purchase or delivery date, as the policy says.
    var warrantyStart: CivilDate {
        policy.warranty.startsFrom == .purchase ? c.purchase.date : c.purchase.deliveryDate
    }

    /// The last day of warranty and the rule that set it (BX-1, HK-2..4, PK-2, US-1), adjusted for a
    /// replaced device (G-9, HK-6, US-8).
    mutating func warrantyEnd(promotion: Bool) -> (ends: CivilDate, rule: RuleID) {
        var (period, rule) =
            policy.warranty.period(model: c.device.model, category: c.device.category, item: c.item)
            ?? (Period.months(0), RuleID("G-4"))
        if promotion, let promo = policy.promotion, let extended = promo.warranty,
            let extendedRule = promo.warrantyRule
        {
            period = extended
            rule = extendedRule
        }
        ctx.cite(rule)
        var ends = period.lastDay(from: warrantyStart)
        if let previous = c.history.previousRepair, let replacement = policy.replacement {
            ctx.cite(replacement.rules)
            if previous.deviceReplaced, let minimum = replacement.minimum {
                let minimumEnd = minimum.lastDay(from: previous.completed)
                if minimumEnd > ends {
                    ends = minimumEnd
                    ctx.cite(replacement.minimumRule)
                    rule = replacement.minimumRule ?? rule
                }
            }
        }
        ctx.warrantyEnds = ends
        ctx.window(.warranty, rule, ends: ends)
        return (ends, rule)
    }

    /// In or out of warranty, and who pays.
    mutating func decideRepair(
        warranty: (ends: CivilDate, rule: RuleID), international: Bool, promotion: Bool
    ) -> Outcome {
        var excluded = false
        if !c.purchase.official, !international, let nonOfficial = policy.nonOfficial {
            ctx.cite(nonOfficial.refusal.rule)
            excluded = true
        }
        if !c.purchase.proofOfPurchase, let rule = policy.proofOfPurchaseRule {
            ctx.cite(rule)
            excluded = true
        }
        if !c.purchase.firstOwner, let rule = policy.firstOwnerRule {
            ctx.cite(rule)
            excluded = true
        }
        for finding in c.findings {
            if let rule = policy.keepsCoverage[finding] { ctx.cite(rule) }
            if let rule = policy.exclusions[finding] {
                ctx.cite(rule)
                excluded = true
            }
        }
        var covered = !excluded && c.requestDate <= warranty.ends
        if !covered, !excluded, replacedPartCovers() { covered = true }
        if let panel = policy.panel, panel.applies.matches(c.device.category, c.item) {
            ctx.cite(panel.rule)
            if !covered { return .notRepairable(charges: .returnUnrepaired, advice: panel.advice) }
        }
        var plan = covered ? inWarrantyPlan() : outOfWarrantyPlan()
        plan.swapUnit = covered && (policy.panel?.applies.matches(c.device.category, c.item) ?? false)
        plan.promotionEligible = promotion
        return .repair(plan)
    }

    /// HK-5: a part replaced within the period before, for the same fault, is still covered.
    mutating func replacedPartCovers() -> Bool {
        guard let rule = policy.replacedPart, let previous = c.history.previousRepair,
            !previous.replacedParts.isEmpty,
            let fault = c.fault, let previousFault = previous.fault,
            fault.lowercased() == previousFault.lowercased()
        else { return false }
        let ends = rule.period.lastDay(from: previous.completed)
        guard c.requestDate <= ends else { return false }
        ctx.cite(rule.rule)
        ctx.window(.replacedPart, rule.rule, ends: ends)
        return true
    }

    mutating func inWarrantyPlan() -> RepairPlan {
        let policy = policy.inWarranty
        ctx.cite(policy.rule)
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
        ctx.cite(payerRule)
        return RepairPlan(
            inWarranty: true, payer: payer, payerRule: payerRule,
            logisticsPayer: policy.logisticsPayer ?? payer,
            logisticsRule: policy.logisticsRule ?? payerRule, swapUnit: false, promotionEligible: false)
    }

    func outOfWarrantyPlan() -> RepairPlan {
        RepairPlan(
            inWarranty: false, payer: .consumer, payerRule: nil, logisticsPayer: .consumer,
            logisticsRule: nil,
            swapUnit: false, promotionEligible: false)
    }
}
