/// The settings of a market's `market.yaml` (contract §3).
public struct MarketSettings: Hashable, Sendable {
    public var market: MarketCode
    public var currency: Currency
    public var language: String
    /// Every language the market's rule sentences are given in: `[nl, fr, en]`. English is always
    /// one (the policy's own sentences); the others each have a `rules.<lang>.yaml` beside the policy.
    public var languages: [String]
    public var version: String
    public var effectiveFrom: CivilDate
    public var sample: Bool
    public var vatRate: Percent
    public var pricesIncludeVAT: Bool
    public var vatRounding: VATRounding
    public var roundingMode: RoundingMode
    public var quoteValidityDays: Int
    public var turnaroundDays: Int
    public var fees: Fees
    /// The IANA time zone whose calendar day is "today" for a case without a request date.
    public var timeZone: String
    /// The paper of printed documents (PDF): `paper: a4|letter`, A4 when absent.
    public var paper: PaperSize
    /// Whether e-mails carry the quote's PDF (`attachPDF: true|false`, true when absent).
    public var attachPDF: Bool
    /// The service center in the documents' header (`serviceCenter:`); nil: the header shows none.
    public var serviceCenter: ServiceCenter?
    /// Days before `validUntil` on which the customer of an undecided quote gets one reminder
    /// (`reminderDaysBeforeExpiry: N`; 0 or absent: none).
    public var reminderDaysBeforeExpiry: Int = 0

    package init(
        market: MarketCode, currency: Currency, language: String, version: String, effectiveFrom: CivilDate,
        sample: Bool, vatRate: Percent, pricesIncludeVAT: Bool, vatRounding: VATRounding,
        roundingMode: RoundingMode, quoteValidityDays: Int, turnaroundDays: Int, fees: Fees,
        timeZone: String = "UTC", languages: [String]? = nil, paper: PaperSize = .a4,
        attachPDF: Bool = true, serviceCenter: ServiceCenter? = nil
    ) {
        self.market = market
        self.currency = currency
        self.language = language
        let listed = languages ?? [language]
        self.languages = listed.contains("en") ? listed : listed + ["en"]
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.sample = sample
        self.vatRate = vatRate
        self.pricesIncludeVAT = pricesIncludeVAT
        self.vatRounding = vatRounding
        self.roundingMode = roundingMode
        self.quoteValidityDays = quoteValidityDays
        self.turnaroundDays = turnaroundDays
        self.fees = fees
        self.timeZone = timeZone
        self.paper = paper
        self.attachPDF = attachPDF
        self.serviceCenter = serviceCenter
    }

    /// The flat fees of a market. Logistics is one way, per device category.
    public struct Fees: Hashable, Sendable {
        public var logisticsDefault: Money
        public var logisticsByCategory: [DeviceCategory: Money]
        public var handling: Money
        public var inspection: Money
        public var screening: Money
        public var travel: Money
        public var call: Money
        public var emptyBox: Money

        package init(
            logisticsDefault: Money, logisticsByCategory: [DeviceCategory: Money], handling: Money,
            inspection: Money, screening: Money, travel: Money, call: Money, emptyBox: Money
        ) {
            self.logisticsDefault = logisticsDefault
            self.logisticsByCategory = logisticsByCategory
            self.handling = handling
            self.inspection = inspection
            self.screening = screening
            self.travel = travel
            self.call = call
            self.emptyBox = emptyBox
        }

        public func logistics(for category: DeviceCategory) -> Money {
            logisticsByCategory[category] ?? logisticsDefault
        }
    }
}
