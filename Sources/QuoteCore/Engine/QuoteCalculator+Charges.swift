extension QuoteCalculator {
    /// The status and draft lines of an outcome, and the lines if the quote is rejected (G-6).
    struct Charges {
        var status: CoverageStatus
        var lines: [DraftLine]
        var ifRejected: [DraftLine]?
    }

    static func charges(for outcome: Outcome, ctx: inout QuoteContext) throws(ValidationError) -> Charges {
        let builder = ChargeBuilder(ctx: ctx)
        switch outcome {
        case .refused(let refusal):
            ctx.cite(refusal.rule)
            ctx.addAdvice(refusal.advice)
            return Charges(
                status: .refused, lines: try builder.fixedCharges(refusal.charges, rule: refusal.rule))
        case .notRepairable(let charges, let advice):
            ctx.addAdvice(advice)
            switch charges {
            case .fixed(let fixed):
                return Charges(
                    status: .notRepairable, lines: try builder.fixedCharges(fixed, rule: ctx.rules.last))
            case .returnUnrepaired:
                let rejected = ctx.policy.outOfWarranty.rejected
                ctx.cite(rejected.rule)
                return Charges(status: .notRepairable, lines: builder.outOfWarranty(rejected))
            }
        case .returnAccepted(let status, let policy):
            ctx.cite(policy.chargesRule)
            var lines = try builder.fixedCharges(policy.charges, rule: policy.chargesRule ?? policy.rule)
            if let refund = policy.refund {
                ctx.cite(refund.rule)
                lines += try RefundBuilder(ctx: ctx, policy: refund).lines()
            }
            return Charges(status: status, lines: lines)
        case .repair(let plan):
            return plan.inWarranty
                ? try inWarranty(plan, builder: builder) : outOfWarranty(plan, builder: builder, ctx: &ctx)
        }
    }

    static func inWarranty(_ plan: RepairPlan, builder: ChargeBuilder) throws(ValidationError) -> Charges {
        var lines: [DraftLine] = []
        if plan.swapUnit {
            lines.append(try builder.swapUnit(payer: plan.payer, rule: builder.ctx.policy.panel?.rule))
        } else {
            lines += builder.labor(payer: plan.payer, rule: plan.payerRule)
            lines += builder.parts(payer: plan.payer, rule: plan.payerRule)
        }
        lines += builder.logistics(payer: plan.logisticsPayer, rule: plan.logisticsRule)
        lines += builder.emptyBox(payer: plan.logisticsPayer)
        return Charges(status: .inWarranty, lines: lines)
    }

    static func outOfWarranty(_ plan: RepairPlan, builder: ChargeBuilder, ctx: inout QuoteContext) -> Charges
    {
        let policy = ctx.policy.outOfWarranty
        let decision = ctx.serviceCase.decision
        var accepted: [DraftLine] = []
        if decision != .rejected {
            ctx.cite(policy.accepted.rule)
            accepted = builder.outOfWarranty(policy.accepted)
            if plan.promotionEligible {
                var waiver = BenefitWaiver(ctx: ctx)
                waiver.apply(to: &accepted)
                ctx = waiver.ctx
            }
        }
        let rejected = builder.outOfWarranty(policy.rejected)
        switch decision {
        case .accepted:
            return Charges(status: .outOfWarranty, lines: accepted)
        case .rejected:
            ctx.cite(policy.rejected.rule)
            return Charges(status: .outOfWarranty, lines: rejected)
        case .pending:
            ctx.cite(policy.rejected.rule)
            ctx.cite("G-6")
            return Charges(status: .outOfWarranty, lines: accepted, ifRejected: rejected)
        }
    }
}
