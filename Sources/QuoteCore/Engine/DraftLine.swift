/// A charge before tax: what, how many, at which list price, for whom, and why.
struct DraftLine {
    var kind: LineKind
    var description: String
    var quantity: Int
    /// The list price of one unit.
    var unitPrice: Money
    var payer: Payer
    var rule: RuleID?
    var reference: String?
    /// The description in other languages (``ChargeLine/names``).
    var names: [String: String] = [:]
    /// False for amounts that do not come from the price list (refunds of what was paid): they carry
    /// no VAT and are never split into net and VAT.
    var fromPriceList = true
}
