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

    /// Validates the case against the price list (G-5), decides coverage, builds and prices the lines.
    ///
    /// Each step returns what it found beside its result; they are merged in this order: coverage
    /// (with the warranty and return windows), the charges of the outcome, the market's rules, then
    /// the rules of the lines themselves.
    public func quote(_ serviceCase: ServiceCase, with list: PriceList) throws(ValidationError) -> Quote {
        let validator = CaseValidator(c: serviceCase, list: list)
        try validator.validate()
        let inputs = QuoteInputs(serviceCase, list, model: validator.model)
        var found = Findings()
        let outcome = try found.merging(CoverageDecider(inputs: inputs).decide())
        let charges = try found.merging(Self.charges(for: outcome, inputs: inputs))
        found.merge(Self.marketRules(inputs, status: charges.status))
        for line in charges.lines { found.cite(line.rule) }
        for line in charges.ifRejected ?? [] { found.cite(line.rule) }
        let settings = list.settings
        let pricer = LinePricer(
            currency: settings.currency, rate: serviceCase.salesTaxRate ?? settings.vatRate,
            pricesIncludeVAT: settings.pricesIncludeVAT, vatRounding: settings.vatRounding,
            mode: settings.roundingMode)
        let lines = try pricer.price(charges.lines)
        var alternative: Quote.Alternative?
        if let rejected = charges.ifRejected {
            let rejectedLines = try pricer.price(rejected)
            alternative = Quote.Alternative(
                lines: rejectedLines, totals: try Self.totals(rejectedLines, settings.currency))
        }
        let issue = serviceCase.requestDate
        return Quote(
            market: settings.market, currency: settings.currency, priceListVersion: settings.version,
            settings: Quote.AppliedSettings(
                vatRate: pricer.rate, pricesIncludeVAT: settings.pricesIncludeVAT,
                vatRounding: settings.vatRounding,
                roundingMode: settings.roundingMode),
            issueDate: issue, validUntil: issue.adding(days: settings.quoteValidityDays),
            expectedCompletion: charges.status == .refused
                ? nil : issue.adding(days: settings.turnaroundDays),
            coverage: found.coverage(status: charges.status, policy: list.policy),
            lines: lines, totals: try Self.totals(lines, settings.currency), ifRejected: alternative,
            sample: settings.sample, languages: settings.languages, serviceCenter: settings.serviceCenter)
    }

    /// The totals of priced lines; a sum too large for exact arithmetic is bad input.
    static func totals(_ lines: [ChargeLine], _ currency: Currency) throws(ValidationError) -> Totals {
        do {
            return try Totals(lines: lines, currency: currency)
        } catch {
            throw ValidationError(field: "repair", "the total is too large to compute exactly")
        }
    }

    /// Rules shown on every quote of the market: tax (HK-14, US-10), IMEI (ES-5), turnaround
    /// (BX-13), posting deadline (ES-4).
    static func marketRules(_ inputs: QuoteInputs, status: CoverageStatus) -> Findings {
        var found = Findings()
        let c = inputs.serviceCase
        let policy = inputs.policy
        found.cite(policy.taxRule)
        if c.salesTaxRate != nil { found.cite(policy.salesTaxRule) }
        if let imei = policy.imeiRequired, imei.categories.contains(c.device.category) {
            found.cite(imei.rule)
        }
        guard status != .refused else { return found }
        found.cite(policy.turnaroundRule)
        if let deadline = policy.postingDeadline, deadline.kinds.contains(c.kind),
            policy.logistics.modes.contains(c.serviceMode)
        {
            found.cite(deadline.rule)
            found.window(.postingDeadline, deadline.rule, ends: deadline.period.lastDay(from: c.requestDate))
        }
        return found
    }
}
