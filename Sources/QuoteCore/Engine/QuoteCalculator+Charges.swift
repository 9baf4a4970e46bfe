extension QuoteCalculator {
    /// The status and draft lines of an outcome, and the lines if the quote is rejected (G-6).
    struct Charges {
        var status: CoverageStatus
        var lines: [DraftLine]
        var ifRejected: [DraftLine]?
    }

    static func charges(for outcome: Outcome, inputs: QuoteInputs) throws(ValidationError) -> (
        Charges, Findings
    ) {
        var found = Findings()
        let builder = ChargeBuilder(inputs: inputs)
        switch outcome {
        case .refused(let refusal):
            found.cite(refusal.rule)
            found.advise(refusal.advice)
            let lines = found.merging(builder.fixedCharges(refusal.charges, rule: refusal.rule))
            return (Charges(status: .refused, lines: lines), found)
        case .notRepairable(let charges, let advice):
            found.advise(advice)
            switch charges {
            case .fixed(let fixed, let rule):
                let lines = found.merging(builder.fixedCharges(fixed, rule: rule))
                return (Charges(status: .notRepairable, lines: lines), found)
            case .returnUnrepaired:
                let rejected = inputs.policy.outOfWarranty.rejected
                found.cite(rejected.rule)
                return (Charges(status: .notRepairable, lines: builder.outOfWarranty(rejected)), found)
            }
        case .returnAccepted(let status, let policy):
            found.cite(policy.chargesRule)
            var lines = found.merging(
                builder.fixedCharges(policy.charges, rule: policy.chargesRule ?? policy.rule))
            if let refund = policy.refund {
                found.cite(refund.rule)
                lines += try RefundBuilder(inputs: inputs, policy: refund).lines()
            }
            return (Charges(status: status, lines: lines), found)
        case .repair(let plan):
            return plan.inWarranty ? inWarranty(plan, builder: builder) : outOfWarranty(plan, inputs: inputs)
        }
    }

    static func inWarranty(_ plan: RepairPlan, builder: ChargeBuilder) -> (Charges, Findings) {
        var found = Findings()
        var lines: [DraftLine] = []
        if plan.swapUnit {
            lines.append(
                found.merging(builder.swapUnit(payer: plan.payer, rule: builder.inputs.policy.panel?.rule)))
        } else {
            lines += builder.labor(payer: plan.payer, rule: plan.payerRule)
            lines += builder.parts(payer: plan.payer, rule: plan.payerRule)
        }
        lines += builder.logistics(payer: plan.logisticsPayer, rule: plan.logisticsRule)
        lines += builder.emptyBox(payer: plan.logisticsPayer)
        return (Charges(status: .inWarranty, lines: lines), found)
    }

    static func outOfWarranty(_ plan: RepairPlan, inputs: QuoteInputs) -> (Charges, Findings) {
        var found = Findings()
        let builder = ChargeBuilder(inputs: inputs)
        let policy = inputs.policy.outOfWarranty
        let decision = inputs.serviceCase.decision
        var accepted: [DraftLine] = []
        if decision != .rejected {
            found.cite(policy.accepted.rule)
            accepted = builder.outOfWarranty(policy.accepted)
            if plan.promotionEligible {
                accepted = found.merging(PromotionBenefits(inputs: inputs).applied(to: accepted))
            }
        }
        let rejected = builder.outOfWarranty(policy.rejected)
        switch decision {
        case .accepted:
            return (Charges(status: .outOfWarranty, lines: accepted), found)
        case .rejected:
            found.cite(policy.rejected.rule)
            return (Charges(status: .outOfWarranty, lines: rejected), found)
        case .pending:
            found.cite(policy.rejected.rule)
            found.cite("G-6")
            return (Charges(status: .outOfWarranty, lines: accepted, ifRejected: rejected), found)
        }
    }
}
