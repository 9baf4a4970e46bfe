/// Checks a DOA or remorse return against its policy (BX-5, BX-6, HK-1, US-2, US-3, US-6).
struct ReturnEvaluator {
    enum Verdict {
        case accepted
        /// Refused outright under this rule (US-6).
        case refused(RuleID)
        /// A condition is not met, for this reason.
        case failed(String)
    }

    let ctx: QuoteContext
    let policy: ReturnPolicy

    var c: ServiceCase { ctx.serviceCase }

    func evaluate() -> Verdict {
        let ends = windowEnd()
        ctx.window(
            c.kind == .doa ? .doa : (policy.refund != nil ? .return : .remorse), policy.rule, ends: ends)
        if let channels = policy.channels, !channels.contains(c.purchase.channel) {
            return .failed(
                "only purchases through \(channels.map(\.rawValue).sorted().joined(separator: ", ")) qualify")
        }
        if !policy.applies.matches(c.device.category, c.item) {
            return .failed("this \(c.device.category.rawValue) \(c.item.rawValue) does not qualify")
        }
        let allowed = policy.raisedVia[c.purchase.channel] ?? policy.raisedViaDefault
        if let allowed, let via = c.raisedVia, !allowed.contains(via) {
            let places = allowed.map(\.rawValue).sorted().joined(separator: " or ")
            return .failed("it must be raised via \(places), not \(via.rawValue)")
        }
        if c.requestDate > ends { return .failed("the window ended on \(ends)") }
        if let refusing = c.findings.first(where: policy.refusingFindings.contains),
            let rule = policy.refusingRule
        {
            ctx.cite(policy.rule)
            ctx.notes.append("The return is refused: \(refusing.rawValue).")
            return .refused(rule)
        }
        if policy.requiresProofOfPurchase && !c.purchase.proofOfPurchase {
            return .failed("there is no proof of purchase")
        }
        if !c.purchase.official, !(ctx.policy.nonOfficial?.internationalModels.contains(ctx.model) ?? false) {
            return .failed("the product was not sold through the official channels")
        }
        if !c.purchase.firstOwner, ctx.policy.firstOwnerRule != nil {
            return .failed("the customer is not the first owner")
        }
        if let finding = c.findings.first(where: policy.disqualifyingFindings.contains) {
            return .failed("inspection found \(finding.rawValue)")
        }
        if policy.charges.contains(where: { $0.line == .swapUnit }),
            ctx.list.swapPart(normalizedModel: ctx.model, requested: c.repair.parts) == nil,
            !exchangesUnpriced
        {
            return .failed("the parts list has no swap unit for this model, so it is repaired instead")
        }
        if policy.requiresDefect && c.findings.contains(.noFaultFound) {
            return .failed("no manufacturing fault was found")
        }
        ctx.cite(policy.rule)
        return .accepted
    }

    /// HK-1: without a priced swap unit, a claim with no repair lines is still an exchange (the
    /// customer's choice): accepted, its swap unit line unpriced and noted (`ChargeBuilder`).
    var exchangesUnpriced: Bool {
        policy.withoutSwapUnit == .customerChoice && c.repair.labor == nil && c.repair.parts.isEmpty
    }

    /// The last day of the window, extended for late-year orders (US-3).
    func windowEnd() -> CivilDate {
        let start = policy.startsFrom == .purchase ? c.purchase.date : c.purchase.deliveryDate
        var ends = policy.window.lastDay(from: start)
        let ordered = c.purchase.orderedOn ?? c.purchase.date
        if policy.lateOrderMonths.contains(ordered.month),
            let until = policy.lateOrderUntil,
            let extended = CivilDate(year: ordered.year + 1, month: until.month, day: until.day),
            extended > ends
        {
            ends = extended
            ctx.cite(policy.lateOrderRule)
        }
        return ends
    }
}
