/// One line of a quote: what is charged, to whom, and why (G-3).
public struct ChargeLine: Hashable, Sendable {
    public var kind: LineKind
    public var description: String
    public var quantity: Int
    /// The list price of one unit as the price list states it (net, or gross where the market's
    /// prices include VAT).
    public var unitPrice: Money
    public var net: Money
    /// The VAT rate applied: the market's rate on consumer lines, 0 on lines a manufacturer or
    /// retailer bears (internal cost, recorded net) and on refunds.
    public var vatRate: Percent
    public var vat: Money
    public var gross: Money
    public var payer: Payer
    /// The rule that decided this line (its payer or its being free).
    public var rule: RuleID?
    /// The labor code or part SKU the line prices, when it prices one.
    public var reference: String?
    /// `description` in the market's other languages (language code → text), as the price list
    /// names the labour code or part. Documents only: the quote JSON keeps the English description.
    public var names: [String: String]

    public init(
        kind: LineKind, description: String, quantity: Int, unitPrice: Money, net: Money, vatRate: Percent,
        vat: Money, gross: Money, payer: Payer, rule: RuleID? = nil, reference: String? = nil,
        names: [String: String] = [:]
    ) {
        self.kind = kind
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.net = net
        self.vatRate = vatRate
        self.vat = vat
        self.gross = gross
        self.payer = payer
        self.rule = rule
        self.reference = reference
        self.names = names
    }

    /// The description in `language`, else the English one: `names["nl"] ?? description`.
    public func description(in language: String) -> String { names[language] ?? description }
}
