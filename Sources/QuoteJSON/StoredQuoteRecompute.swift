import QuoteCore

/// Rule G-7 for a stored quote: its stored case is priced again with the quote's own price-list
/// version, dated the day the quote was issued and numbered as stored, and comes out with the same
/// amounts. The one recompute of the service (documents, console, customer pages), the outbox
/// mailer and `repairquote check`.
///
/// A stored case is read as of its issue day: the service stores `CaseEncoder`'s JSON, which
/// always carries its `requestDate`, so the day only fills a case written without one. For a
/// quote issued on 2026-03-02 and priced "120.00" with version 2026.1, the recompute prices the
/// case with 2026.1 (not today's list) and dates the quote 2026-03-02 again, so `validUntil`
/// moves with it: "120.00", valid as stored.
public enum StoredQuoteRecompute {
    /// The "today" a stored case is decoded with: its quote's issue day (day 0, 1970-01-01,
    /// when that is not known).
    public static func today(issuedOn: CivilDate?) -> @Sendable (MarketCode) -> CivilDate {
        let day = issuedOn ?? CivilDate(dayNumber: 0)
        return { _ in day }
    }

    /// The stored case (text), decoded as of the issue day.
    public static func serviceCase(_ caseJSON: String, issuedOn: CivilDate?) throws(ValidationError)
        -> ServiceCase
    {
        try CaseDecoder.decode(caseJSON, today: today(issuedOn: issuedOn))
    }

    /// The stored case (parsed), decoded as of the issue day; `plainText` as
    /// ``CaseDecoder/decode(_:today:plainText:)`` takes it.
    public static func serviceCase(_ caseJSON: JSONValue, issuedOn: CivilDate?, plainText: Bool = false)
        throws(ValidationError) -> ServiceCase
    {
        try CaseDecoder.decode(caseJSON, today: today(issuedOn: issuedOn), plainText: plainText)
    }

    /// The quote `price` makes of the stored case (with the stored price-list version), dated the
    /// issue day and given the stored number (`nil` keeps the quote unnumbered).
    public static func quote<E: Error>(
        issuedOn: CivilDate?, number: String?, price: () throws(E) -> Quote
    ) throws(E) -> Quote {
        var quote = try price()
        if let issuedOn { quote = quote.issued(on: issuedOn) }
        if let number { quote.number = number }
        return quote
    }

    /// A stored quote recomputed by an engine: the stored case decoded, priced with `version`,
    /// dated and numbered.
    public static func recompute(
        caseJSON: String, version: String, issuedOn: CivilDate?, number: String?,
        engine: any QuoteComputing
    ) throws(ValidationError) -> (quote: Quote, serviceCase: ServiceCase) {
        let serviceCase = try serviceCase(caseJSON, issuedOn: issuedOn)
        let quote = try quote(issuedOn: issuedOn, number: number) { () throws(ValidationError) in
            try engine.quote(serviceCase, version: version)
        }
        return (quote, serviceCase)
    }
}
