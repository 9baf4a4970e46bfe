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
