/// A quotation (contract §2): the coverage decision, the charge lines with payers, totals per payer,
/// and, while the customer has not answered an out-of-warranty quote, what rejecting it costs (G-6).
public struct Quote: Hashable, Sendable {
    /// `<MARKET>-<YYYY>-<NNNNNN>` once issued by the service; nil for a draft.
    public var number: String?
    public var market: MarketCode
    public var currency: Currency
    public var priceListVersion: String
    /// The market settings the quote was computed with (G-7).
    public var settings: AppliedSettings
    public var issueDate: CivilDate
    public var validUntil: CivilDate
    public var expectedCompletion: CivilDate?
    public var coverage: Coverage
    public var lines: [ChargeLine]
    public var totals: Totals
    public var ifRejected: Alternative?
    /// True when the price list is illustrative sample data.
    public var sample: Bool
    /// The languages the market's rule sentences are written in (`languages:` of its `market.yaml`,
    /// English always one): the languages a document of this quote can be written in throughout.
    /// Empty when not known (a hand-built quote): then any language with label files.
    public var languages: [String]
    /// The service center that issues the quote (`serviceCenter:` of its market's `market.yaml`),
    /// shown in the documents' header; nil when the market names none (or a hand-built quote).
    public var serviceCenter: ServiceCenter?

    public init(
        number: String? = nil, market: MarketCode, currency: Currency, priceListVersion: String,
        settings: AppliedSettings, issueDate: CivilDate, validUntil: CivilDate,
        expectedCompletion: CivilDate?,
        coverage: Coverage, lines: [ChargeLine], totals: Totals, ifRejected: Alternative?, sample: Bool,
        languages: [String] = [], serviceCenter: ServiceCenter? = nil
    ) {
        self.number = number
        self.market = market
        self.currency = currency
        self.priceListVersion = priceListVersion
        self.settings = settings
        self.issueDate = issueDate
        self.validUntil = validUntil
        self.expectedCompletion = expectedCompletion
        self.coverage = coverage
        self.lines = lines
        self.totals = totals
        self.ifRejected = ifRejected
        self.sample = sample
        self.languages = languages
        self.serviceCenter = serviceCenter
    }

    /// The lines and totals of the other outcome (return unrepaired).
    public struct Alternative: Hashable, Sendable {
        public var lines: [ChargeLine]
        public var totals: Totals
        public init(lines: [ChargeLine], totals: Totals) {
            self.lines = lines
            self.totals = totals
        }
    }

    /// The settings of `market.yaml` that shaped the amounts (G-7).
    public struct AppliedSettings: Hashable, Sendable {
        public var vatRate: Percent
        public var pricesIncludeVAT: Bool
        public var vatRounding: VATRounding
        public var roundingMode: RoundingMode
        public init(
            vatRate: Percent, pricesIncludeVAT: Bool, vatRounding: VATRounding, roundingMode: RoundingMode
        ) {
            self.vatRate = vatRate
            self.pricesIncludeVAT = pricesIncludeVAT
            self.vatRounding = vatRounding
            self.roundingMode = roundingMode
        }
    }
}

/// Where VAT is rounded (G-2).
public enum VATRounding: String, Sendable, CaseIterable {
    /// VAT rounded on every line.
    case line
    /// VAT computed per rate on the summed net of the document, rounded once, then spread over the
    /// lines so that they add up to it.
    case document
}
