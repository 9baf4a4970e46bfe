/// The promotion of a market (PK-1, PK-6) and its one-time benefits (PK-3 free labor, PK-4 free
/// screen; G-10: each at most once per device), in one place: when the promotion applies, when a
/// benefit is granted, and what it does to the lines.
///
/// The service's part is only to tell the case which benefits the device already used (its
/// ledger, read before computing when ``QuoteCalculator/usesOneTimeBenefits(_:)``) and to record
/// the quote's `benefitsGranted`.
///
/// A waiver is a consumer line of equal and opposite amount to the line it waives, at the same VAT
/// rate, so the labor stays visible on the quote: labor Rs 2,500 + waiver −Rs 2,500 = 0.
struct PromotionBenefits {
    let inputs: QuoteInputs

    var c: ServiceCase { inputs.serviceCase }
    var promotion: Promotion? { inputs.policy.promotion }

    /// PK-1/PK-6: whether the promotion applies to this device (its warranty and benefits).
    func eligibility() -> (Bool, Findings) {
        var found = Findings()
        guard let promotion, promotion.models.contains(inputs.model) else { return (false, found) }
        guard c.requestDate >= promotion.starts else {
            found.note(.promotionNotStarted(rule: promotion.rule, starts: promotion.starts))
            return (false, found)
        }
        let voided = c.findings.contains { promotion.voidedBy.contains($0) }
        if voided || (promotion.requiresOfficial && !c.purchase.official) || !c.purchase.proofOfPurchase {
            found.cite(promotion.voidRule)
            return (false, found)
        }
        found.cite(promotion.rule)
        return (true, found)
    }

    /// The accepted out-of-warranty lines with the waiver of the first benefit that applies (the
    /// free screen before free labor), and the grant recorded.
    func applied(to lines: [DraftLine]) -> ([DraftLine], Findings) {
        var found = Findings()
        guard let promotion else { return (lines, found) }
        if let screen = promotion.freeScreen, qualifiesForFreeScreen(screen), grant(screen, &found) {
            let waived = lines.filter { $0.kind == .labor || isScreenPart($0) }
            return (
                lines + waived.map { waiver(for: $0, rule: screen.rule, label: "Free screen repair") }, found
            )
        }
        if let labor = promotion.freeLabor, lines.contains(where: { $0.kind == .labor }), grant(labor, &found)
        {
            let waived = lines.filter { $0.kind == .labor }
            return (lines + waived.map { waiver(for: $0, rule: labor.rule, label: "Free labor") }, found)
        }
        return (lines, found)
    }

    /// Whether the benefit is still available and in its window; cites it, records the window and
    /// the grant, or notes that the device already used it (G-10).
    func grant(_ benefit: Promotion.Benefit, _ found: inout Findings) -> Bool {
        let ends = benefit.period.lastDay(from: c.purchase.date)
        guard c.requestDate <= ends else { return false }
        found.cite(benefit.rule)
        found.cite(promotion?.oneTimeRule)
        if c.history.benefitsUsed.contains(benefit.rule) {
            found.note(
                c.history.benefitQuotes[benefit.rule].map {
                    .benefitUsedOnQuote(rule: benefit.rule, quote: $0)
                }
                    ?? .benefitUsed(rule: benefit.rule))
            return false
        }
        found.window(
            benefit.rule == promotion?.freeScreen?.rule ? .freeScreen : .freeLabor, benefit.rule, ends: ends)
        found.grant(benefit.rule)
        return true
    }

    func qualifiesForFreeScreen(_ benefit: Promotion.Benefit) -> Bool {
        let screenRepair =
            c.item == .screen || c.repair.parts.contains { inputs.list.parts[$0.sku]?.category == .screen }
        guard screenRepair, !c.findings.contains(where: benefit.excludedBy.contains) else { return false }
        let damage = c.findings.filter { $0 != .noFaultFound }
        let cosmeticOnly = !damage.isEmpty && damage.allSatisfy(benefit.cosmeticOnly.contains)
        return !cosmeticOnly
    }

    func isScreenPart(_ line: DraftLine) -> Bool {
        line.kind == .part && line.reference.flatMap { inputs.list.parts[$0] }?.category == .screen
    }

    func waiver(for line: DraftLine, rule: RuleID, label: String) -> DraftLine {
        DraftLine(
            kind: .waiver, description: "\(label): \(line.description)", quantity: line.quantity,
            unitPrice: line.unitPrice.negated, payer: line.payer, rule: rule, reference: line.reference)
    }
}

extension QuoteCalculator {
    /// Whether a case's market grants one-time benefits (G-10): only then does the service need to
    /// read the device's benefit ledger before computing.
    public func usesOneTimeBenefits(_ serviceCase: ServiceCase) -> Bool {
        guard let list = try? catalog.priceList(for: serviceCase.market, on: serviceCase.requestDate),
            let promotion = list.policy.promotion
        else { return false }
        return promotion.freeLabor != nil || promotion.freeScreen != nil
    }
}
