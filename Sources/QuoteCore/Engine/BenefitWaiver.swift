/// One-time promotion benefits on an out-of-warranty repair (PK-3 free labor, PK-4 free screen;
/// G-10: each at most once per device).
///
/// A waiver is a consumer line of equal and opposite amount to the line it waives, at the same VAT
/// rate, so the labor stays visible on the quote: labor Rs 2,500 + waiver −Rs 2,500 = 0.
struct BenefitWaiver {
    var ctx: QuoteContext

    var c: ServiceCase { ctx.serviceCase }

    /// Appends waiver lines to `lines` for the first benefit that applies, and records the grant.
    mutating func apply(to lines: inout [DraftLine]) {
        guard let promotion = ctx.policy.promotion else { return }
        if let screen = promotion.freeScreen, qualifiesForFreeScreen(screen), grant(screen) {
            let waived = lines.filter { $0.kind == .labor || isScreenPart($0) }
            lines += waived.map { waiver(for: $0, rule: screen.rule, label: "Free screen repair") }
            return
        }
        if let labor = promotion.freeLabor, lines.contains(where: { $0.kind == .labor }), grant(labor) {
            let waived = lines.filter { $0.kind == .labor }
            lines += waived.map { waiver(for: $0, rule: labor.rule, label: "Free labor") }
        }
    }

    /// Whether the benefit is still available and in its window; cites it and records the window.
    mutating func grant(_ benefit: Promotion.Benefit) -> Bool {
        let ends = benefit.period.lastDay(from: c.purchase.date)
        guard c.requestDate <= ends else { return false }
        ctx.cite(benefit.rule)
        ctx.cite(ctx.policy.promotion?.oneTimeRule)
        if c.history.benefitsUsed.contains(benefit.rule) {
            let quote = c.history.benefitQuotes[benefit.rule].map { " on quote \($0)" } ?? ""
            ctx.notes.append("The one-time benefit \(benefit.rule) was already used for this device\(quote).")
            return false
        }
        ctx.window(
            benefit.rule == ctx.policy.promotion?.freeScreen?.rule ? .freeScreen : .freeLabor, benefit.rule,
            ends: ends)
        ctx.benefitsGranted.append(benefit.rule)
        return true
    }

    func qualifiesForFreeScreen(_ benefit: Promotion.Benefit) -> Bool {
        let screenRepair =
            c.item == .screen || c.repair.parts.contains { ctx.list.parts[$0.sku]?.category == "screen" }
        guard screenRepair, !c.findings.contains(where: benefit.excludedBy.contains) else { return false }
        let damage = c.findings.filter { $0 != .noFaultFound }
        let cosmeticOnly = !damage.isEmpty && damage.allSatisfy(benefit.cosmeticOnly.contains)
        return !cosmeticOnly
    }

    func isScreenPart(_ line: DraftLine) -> Bool {
        line.kind == .part && line.reference.flatMap { ctx.list.parts[$0] }?.category == "screen"
    }

    func waiver(for line: DraftLine, rule: RuleID, label: String) -> DraftLine {
        DraftLine(
            kind: .waiver, description: "\(label): \(line.description)", quantity: line.quantity,
            unitPrice: -line.unitPrice,
            payer: line.payer, rule: rule, reference: line.reference)
    }
}
