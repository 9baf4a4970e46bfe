/// Computes quotes from cases with loaded price lists. Pure and deterministic: the same case and
/// price list always give the same quote (G-7).
public struct QuoteCalculator: Sendable {
    public let catalog: PriceListCatalog

    public init(catalog: PriceListCatalog) { self.catalog = catalog }

    /// The quote of a case, with the price list in force on its request date.
    public func quote(_ serviceCase: ServiceCase) throws(ValidationError) -> Quote {
        let list = try catalog.priceList(for: serviceCase.market, on: serviceCase.requestDate)
        return try quote(serviceCase, with: list)
    }

    /// The quote of a case with a named price-list version (recomputing a stored quote).
    public func quote(_ serviceCase: ServiceCase, version: String) throws(ValidationError) -> Quote {
        try quote(serviceCase, with: try catalog.priceList(for: serviceCase.market, version: version))
    }

    public func quote(_ serviceCase: ServiceCase, with list: PriceList) throws(ValidationError) -> Quote {
        throw ValidationError(field: "", "not implemented yet")
    }
}
