/// Decides coverage for a case: refusals first, then end of service, returns, and finally the
/// warranty of a repair. Every step returns the rules it applied with its result.
struct CoverageDecider {
    let inputs: QuoteInputs

    var c: ServiceCase { inputs.serviceCase }
    var policy: Policy { inputs.policy }

    func decide() throws(ValidationError) -> (Outcome, Findings) {
        var found = Findings()
        if policy.models[inputs.model] == nil, let rule = policy.unlistedModelRule {
            found.cite(rule)
            found.note(.unlistedModel(model: c.device.model, market: c.market, category: c.device.category))
        }
        if c.kind == .installation, let refusal = policy.installation { return (.refused(refusal), found) }
        for finding in c.findings {
            if let refusal = policy.refusedFindings[finding] { return (.refused(refusal), found) }
        }
        var international = false
        if !c.purchase.official, let nonOfficial = policy.nonOfficial {
            if nonOfficial.internationalModels.contains(inputs.model) {
                found.cite(nonOfficial.internationalRule)
                international = true
            } else if nonOfficial.outcome == .refused {
                return (.refused(nonOfficial.refusal), found)
            }
        }
        if c.kind == .repair, let eos = policy.endOfService, let from = eos.from[inputs.model],
            c.requestDate > from
        {
            found.cite(eos.rules)
            found.note(.endOfService(model: c.device.model, after: from))
            return (
                .notRepairable(charges: .fixed(eos.charges, rule: eos.chargeRule), advice: eos.advice), found
            )
        }
        let promotion = found.merging(PromotionBenefits(inputs: inputs).eligibility())
        let warranty = found.merging(warrantyEnd(promotion: promotion))
        if c.kind == .doa || c.kind == .remorse {
            if let outcome = try found.merging(decideReturn()) { return (outcome, found) }
        }
        let outcome = found.merging(
            decideRepair(warranty: warranty, international: international, promotion: promotion))
        return (outcome, found)
    }

    /// A return's outcome, or nil when a failed DOA is to be quoted as a repair instead.
    func decideReturn() throws(ValidationError) -> (Outcome?, Findings) {
        var found = Findings()
        let kind: ReturnKind = c.kind == .doa ? .doa : .remorse
        guard let returnPolicy = c.kind == .doa ? policy.doa : policy.remorse else {
            found.note(.noReturnPolicy(market: c.market, kind: kind))
            return (nil, found)
        }
        let verdict = found.merging(ReturnEvaluator(inputs: inputs, policy: returnPolicy).evaluate())
        switch verdict {
        case .accepted:
            return (.returnAccepted(c.kind == .doa ? .doa : .remorse, returnPolicy), found)
        case .refused(let rule):
            return (.refused(Refusal(rule: rule, advice: [.contactSeller])), found)
        case .failed(let reason):
            found.cite(returnPolicy.rule)
            if returnPolicy.onFailure == .refused {
                found.note(.returnNotAccepted(kind: kind, reason: reason))
                return (.refused(Refusal(rule: returnPolicy.rule)), found)
            }
            found.note(.claimQuotedAsRepair(kind: kind, reason: reason))
            return (nil, found)
        }
    }
}
