/// Checks a DOA or remorse return against its policy (BX-5, BX-6, HK-1, US-2, US-3, US-6).
struct ReturnEvaluator {
    enum Verdict {
        case accepted
        /// Refused outright under this rule (US-6).
        case refused(RuleID)
        /// A condition is not met, for this reason.
        case failed(ReturnFailure)
    }

    let inputs: QuoteInputs
    let policy: ReturnPolicy

    var c: ServiceCase { inputs.serviceCase }

    func evaluate() -> (Verdict, Findings) {
        var found = Findings()
        let verdict = evaluate(&found)
        return (verdict, found)
    }

    private func evaluate(_ found: inout Findings) -> Verdict {
        let ends = found.merging(windowEnd())
        found.window(
            c.kind == .doa ? .doa : (policy.refund != nil ? .return : .remorse), policy.rule, ends: ends)
        if let channels = policy.channels, !channels.contains(c.purchase.channel) {
            return .failed(.channel(allowed: channels.sorted { $0.rawValue < $1.rawValue }))
        }
        if !policy.applies.matches(c.device.category, c.item) {
            return .failed(.notApplicable(category: c.device.category, item: c.item))
        }
        let allowed = policy.raisedVia[c.purchase.channel] ?? policy.raisedViaDefault
        if let allowed, let via = c.raisedVia, !allowed.contains(via) {
            return .failed(.raisedVia(allowed: allowed.sorted { $0.rawValue < $1.rawValue }, via: via))
        }
        if c.requestDate > ends { return .failed(.windowEnded(ends)) }
        if let refusing = c.findings.first(where: policy.refusingFindings.contains),
            let rule = policy.refusingRule
        {
            found.cite(policy.rule)
            found.note(.returnRefused(finding: refusing))
            return .refused(rule)
        }
        if policy.requiresProofOfPurchase && !c.purchase.proofOfPurchase {
            return .failed(.noProofOfPurchase)
        }
        if !c.purchase.official,
            !(inputs.policy.nonOfficial?.internationalModels.contains(inputs.model) ?? false)
        {
            return .failed(.notOfficial)
        }
        if !c.purchase.firstOwner, inputs.policy.firstOwnerRule != nil {
            return .failed(.notFirstOwner)
        }
        if let finding = c.findings.first(where: policy.disqualifyingFindings.contains) {
            return .failed(.finding(finding))
        }
        if policy.charges.contains(where: { $0.line == .swapUnit }),
            inputs.list.swapPart(normalizedModel: inputs.model, requested: c.repair.parts) == nil,
            !exchangesUnpriced
        {
            return .failed(.noSwapUnit)
        }
        if policy.requiresDefect && c.findings.contains(.noFaultFound) {
            return .failed(.noDefect)
        }
        found.cite(policy.rule)
        return .accepted
    }

    /// HK-1: without a priced swap unit, a claim with no repair lines is still an exchange (the
    /// customer's choice): accepted, its swap unit line unpriced and noted (`ChargeBuilder`).
    var exchangesUnpriced: Bool {
        policy.withoutSwapUnit == .customerChoice && c.repair.labor == nil && c.repair.parts.isEmpty
    }

    /// The last day of the window, extended for late-year orders (US-3).
    func windowEnd() -> (CivilDate, Findings) {
        var found = Findings()
        let start = policy.startsFrom == .purchase ? c.purchase.date : c.purchase.deliveryDate
        var ends = policy.window.lastDay(from: start)
        let ordered = c.purchase.orderedOn ?? c.purchase.date
        if policy.lateOrderMonths.contains(ordered.month),
            let until = policy.lateOrderUntil,
            let extended = CivilDate(year: ordered.year + 1, month: until.month, day: until.day),
            extended > ends
        {
            ends = extended
            found.cite(policy.lateOrderRule)
        }
        return (ends, found)
    }
}
