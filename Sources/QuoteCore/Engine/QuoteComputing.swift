/// Computes quotes: `QuoteCalculator` in production, a stand-in in tests. The store and the service
/// take an engine as a value of this type and call it; neither hands the other a closure.
public protocol QuoteComputing: Sendable {
    func quote(_ serviceCase: ServiceCase) throws(ValidationError) -> Quote
    /// Recomputes a stored quote with the price-list version it was issued with (G-7).
    func quote(_ serviceCase: ServiceCase, version: String) throws(ValidationError) -> Quote
    /// Whether the case's market grants one-time benefits (then the device's ledger is read first).
    func usesOneTimeBenefits(_ serviceCase: ServiceCase) -> Bool
}

extension QuoteComputing {
    /// Conservative default: always read the ledger.
    public func usesOneTimeBenefits(_ serviceCase: ServiceCase) -> Bool { true }
}

extension QuoteCalculator: QuoteComputing {}
