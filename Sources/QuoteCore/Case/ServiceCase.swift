/// A service case as a service center describes it (contract §1), after validation (G-5).
public struct ServiceCase: Hashable, Sendable {
    public var market: MarketCode
    /// The case's request date; absent in the JSON means today in the market.
    public var requestDate: CivilDate
    public var kind: CaseKind
    public var serviceMode: ServiceMode
    public var customer: Customer
    public var device: Device
    public var item: Item
    public var purchase: Purchase
    public var findings: [Finding]
    public var fault: String?
    public var repair: RepairRequest
    public var history: History
    public var decision: Decision
    /// US-10: a sales-tax percent for markets without a single rate.
    public var salesTaxRate: Percent?
    /// BX-5: where a DOA or remorse claim was raised.
    public var raisedVia: RaisedVia?
    /// BX-10: an empty box is shipped to the customer to pack the device.
    public var emptyBox: Bool
    /// The issuer's own job or ticket number (1–64 printable characters), printed and searchable.
    public var reference: String?

    public init(
        market: MarketCode, requestDate: CivilDate, kind: CaseKind, serviceMode: ServiceMode,
        customer: Customer, device: Device, item: Item, purchase: Purchase, findings: [Finding] = [],
        fault: String? = nil, repair: RepairRequest = RepairRequest(), history: History = History(),
        decision: Decision = .pending, salesTaxRate: Percent? = nil, raisedVia: RaisedVia? = nil,
        emptyBox: Bool = false, reference: String? = nil
    ) {
        self.market = market
        self.requestDate = requestDate
        self.kind = kind
        self.serviceMode = serviceMode
        self.customer = customer
        self.device = device
        self.item = item
        self.purchase = purchase
        self.findings = findings
        self.fault = fault
        self.repair = repair
        self.history = history
        self.decision = decision
        self.salesTaxRate = salesTaxRate
        self.raisedVia = raisedVia
        self.emptyBox = emptyBox
        self.reference = reference
    }

    public struct Customer: Hashable, Sendable {
        public var name: String
        public var email: String?
        public var language: String?
        public init(name: String, email: String? = nil, language: String? = nil) {
            self.name = name
            self.email = email
            self.language = language
        }
    }

    public struct Device: Hashable, Sendable {
        public var model: String
        public var category: DeviceCategory
        /// 15 digits, Luhn-checked, spaces and dashes removed.
        public var imei: String?
        public var serial: String?
        /// Screen diagonal in inches, exact to two decimals (hundredths): 55" is 5500.
        public var screenHundredthsOfInch: Int64?
        public init(
            model: String, category: DeviceCategory, imei: String? = nil, serial: String? = nil,
            screenHundredthsOfInch: Int64? = nil
        ) {
            self.model = model
            self.category = category
            self.imei = imei
            self.serial = serial
            self.screenHundredthsOfInch = screenHundredthsOfInch
        }

        /// Every identity a one-time benefit is recorded against (G-10), normalised by
        /// ``DeviceIdentity``: the IMEI's first 14 digits and the serial, each when given. A benefit
        /// is used when any of them is in the ledger.
        public var benefitKeys: [String] { DeviceIdentity.keys(imei: imei, serial: serial) }
    }

    public struct Purchase: Hashable, Sendable {
        public var date: CivilDate
        /// Absent in the JSON means the purchase date.
        public var deliveryDate: CivilDate
        public var channel: Channel
        public var official: Bool
        public var proofOfPurchase: Bool
        public var firstOwner: Bool
        /// US-3: the order date, for November/December orders.
        public var orderedOn: CivilDate?
        /// US-5: what the customer paid (in the market's currency).
        public var amounts: PaidAmounts?
        /// US-5: only part of the order is returned.
        public var partialReturn: Bool

        public init(
            date: CivilDate, deliveryDate: CivilDate? = nil, channel: Channel, official: Bool = true,
            proofOfPurchase: Bool = true, firstOwner: Bool = true, orderedOn: CivilDate? = nil,
            amounts: PaidAmounts? = nil, partialReturn: Bool = false
        ) {
            self.date = date
            self.deliveryDate = deliveryDate ?? date
            self.channel = channel
            self.official = official
            self.proofOfPurchase = proofOfPurchase
            self.firstOwner = firstOwner
            self.orderedOn = orderedOn
            self.amounts = amounts
            self.partialReturn = partialReturn
        }
    }

    /// US-5: the amounts of the original order, as exact decimal texts ("49.99"); the engine parses
    /// them in the market's currency.
    public struct PaidAmounts: Hashable, Sendable {
        public var price: String
        public var shipping: String
        public var giftWrap: String
        public var tax: String
        public init(price: String, shipping: String = "0", giftWrap: String = "0", tax: String = "0") {
            self.price = price
            self.shipping = shipping
            self.giftWrap = giftWrap
            self.tax = tax
        }
    }

    public struct RepairRequest: Hashable, Sendable {
        /// A labor code of the market's `labor.csv` for the device category ("L2").
        public var labor: String?
        public var parts: [PartRequest]
        public init(labor: String? = nil, parts: [PartRequest] = []) {
            self.labor = labor
            self.parts = parts
        }
    }

    public struct PartRequest: Hashable, Sendable {
        public var sku: String
        public var quantity: Int
        public init(sku: String, quantity: Int) {
            self.sku = sku
            self.quantity = quantity
        }
    }

    public struct History: Hashable, Sendable {
        /// Rule IDs of one-time benefits already granted to this device (G-10): "PK-3", "PK-4".
        public var benefitsUsed: [RuleID]
        /// The quote that used each benefit, when the service knows it (shown on the quote).
        public var benefitQuotes: [RuleID: String]
        public var previousRepair: PreviousRepair?
        public init(
            benefitsUsed: [RuleID] = [], benefitQuotes: [RuleID: String] = [:],
            previousRepair: PreviousRepair? = nil
        ) {
            self.benefitsUsed = benefitsUsed
            self.benefitQuotes = benefitQuotes
            self.previousRepair = previousRepair
        }
    }

    public struct PreviousRepair: Hashable, Sendable {
        public var completed: CivilDate
        public var fault: String?
        public var replacedParts: [String]
        public var deviceReplaced: Bool
        public init(
            completed: CivilDate, fault: String? = nil, replacedParts: [String] = [],
            deviceReplaced: Bool = false
        ) {
            self.completed = completed
            self.fault = fault
            self.replacedParts = replacedParts
            self.deviceReplaced = deviceReplaced
        }
    }
}
