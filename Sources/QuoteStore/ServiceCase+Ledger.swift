import QuoteCore

extension ServiceCase {
    /// Adds benefits from the ledger to the history (keeping those the case already names), with
    /// the quote that used each.
    public mutating func recordBenefitsUsed(_ used: [RuleID: String]) {
        for (benefit, number) in used.sorted(by: { $0.key < $1.key }) {
            if !history.benefitsUsed.contains(benefit) { history.benefitsUsed.append(benefit) }
            history.benefitQuotes[benefit] = number
        }
    }
}
