import QuoteCore

/// A quote the expiry sweep looks at, with what it needs to judge it without reading the quote
/// again: its market and last valid day, and for a reminder its case (the customer's e-mail
/// address and language). Only quotes that are still open are candidates: undecided, not void,
/// not replaced, not recorded expired.
public struct SweepCandidate: Sendable, Equatable {
    /// The quote's row id: the next page starts after it.
    public var id: Int64
    public var number: String
    public var market: MarketCode
    public var validUntil: CivilDate
    /// The stored case (reminder candidates only; nil for expiry candidates).
    public var caseJSON: String?

    public init(id: Int64, number: String, market: MarketCode, validUntil: CivilDate, caseJSON: String? = nil)
    {
        self.id = id
        self.number = number
        self.market = market
        self.validUntil = validUntil
        self.caseJSON = caseJSON
    }
}

extension SweepCandidate {
    /// The candidate of a row (`id`, `number`, `market`, `valid_until`, `case_json`), for both stores.
    init(row: some ColumnReader) throws {
        let number = try row.string("number")
        self.init(
            id: try row.integer("id"), number: number, market: MarketCode(try row.string("market")),
            validUntil: try row.typed("valid_until", quote: number, CivilDate.init),
            caseJSON: try row.optionalString("case_json"))
    }
}
