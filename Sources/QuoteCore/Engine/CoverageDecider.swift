/// Decides coverage for a case: refusals first, then end of service, returns, and finally the
/// warranty of a repair. Every step cites the rule it applied.
struct CoverageDecider {
    var ctx: QuoteContext

    var c: ServiceCase { ctx.serviceCase }
    var policy: Policy { ctx.policy }

    mutating func decide() throws(ValidationError) -> Outcome {
        if policy.models[ctx.model] == nil, let rule = policy.unlistedModelRule {
            ctx.cite(rule)
            ctx.notes.append(
                "\(c.device.model) is not listed in the \(c.market) policy: the defaults of its category (\(c.device.category.rawValue)) apply."
            )
        }
        if c.kind == .installation, let refusal = policy.installation { return .refused(refusal) }
        for finding in c.findings {
            if let refusal = policy.refusedFindings[finding] { return .refused(refusal) }
        }
        var international = false
        if !c.purchase.official, let nonOfficial = policy.nonOfficial {
            if nonOfficial.internationalModels.contains(ctx.model) {
                ctx.cite(nonOfficial.internationalRule)
                international = true
            } else if nonOfficial.outcome == .refused {
                return .refused(nonOfficial.refusal)
            }
        }
        if c.kind == .repair, let eos = policy.endOfService, let from = eos.from[ctx.model],
            c.requestDate >= from
        {
            ctx.cite(eos.rules)
            ctx.notes.append(
                "Service for \(c.device.model) ended on \(from): inspection, adjustment and cleaning only.")
            return .notRepairable(charges: .fixed(eos.charges), advice: eos.advice)
        }
        let promotion = promotionEligibility()
        let warranty = warrantyEnd(promotion: promotion)
        if c.kind == .doa || c.kind == .remorse {
            if let outcome = try decideReturn() { return outcome }
        }
        return decideRepair(warranty: warranty, international: international, promotion: promotion)
    }

    /// A return's outcome, or nil when a failed DOA is to be quoted as a repair instead.
    mutating func decideReturn() throws(ValidationError) -> Outcome? {
        guard let returnPolicy = c.kind == .doa ? policy.doa : policy.remorse else {
            ctx.notes.append(
                "The \(c.market) policy has no \(c.kind.rawValue) return: the case is quoted as a repair.")
            return nil
        }
        var evaluator = ReturnEvaluator(ctx: ctx, policy: returnPolicy)
        let verdict = evaluator.evaluate()
        ctx = evaluator.ctx
        switch verdict {
        case .accepted:
            return .returnAccepted(c.kind == .doa ? .doa : .remorse, returnPolicy)
        case .refused(let rule):
            return .refused(Refusal(rule: rule, advice: [.contactSeller]))
        case .failed(let reason):
            ctx.cite(returnPolicy.rule)
            if returnPolicy.onFailure == .refused {
                ctx.notes.append("The \(c.kind.rawValue) return is not accepted: \(reason).")
                return .refused(Refusal(rule: returnPolicy.rule))
            }
            ctx.notes.append(
                "The \(c.kind.rawValue) claim is not accepted (\(reason)): the case is quoted as a repair.")
            return nil
        }
    }

    /// PK-1/PK-6: whether the promotion applies to this device.
    mutating func promotionEligibility() -> Bool {
        guard let promotion = policy.promotion, promotion.models.contains(ctx.model) else { return false }
        guard c.requestDate >= promotion.starts else {
            ctx.notes.append("The \(promotion.rule) promotion starts on \(promotion.starts).")
            return false
        }
        let voided = c.findings.contains { promotion.voidedBy.contains($0) }
        if voided || (promotion.requiresOfficial && !c.purchase.official) {
            ctx.cite(promotion.voidRule)
            return false
        }
        ctx.cite(promotion.rule)
        return true
    }
}
