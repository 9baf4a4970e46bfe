extension ServiceCase.PaidAmounts {
    /// The amounts by their field name under `purchase.amounts`, in the contract's order.
    public var fields: [(name: String, text: String)] {
        [("price", price), ("shipping", shipping), ("giftWrap", giftWrap), ("tax", tax)]
    }

    /// Every amount parsed in the market's currency: run by ``CaseValidator`` for every case,
    /// whether or not a rule then uses the amounts, so `"0.001"` is refused in EUR even on a
    /// repair (the decoder, which does not know the market's currency, checks the form only).
    func validate(in currency: Currency) throws(ValidationError) {
        for (name, text) in fields { _ = try money(name, text, in: currency) }
    }

    /// One amount in `currency`, or a ``ValidationError`` naming `purchase.amounts.<name>`; too
    /// many decimals names the currency's own:
    /// `purchase.amounts.price: "0.001" has more than 2 decimals (EUR has 2 decimals)`.
    func money(_ name: String, _ text: String, in currency: Currency) throws(ValidationError) -> Money {
        do {
            return Money(
                minorUnits: try Decimals.parseAmount(text, scale: currency.minorUnits), currency: currency)
        } catch .tooManyDecimals(let text, let allowed) {
            let has =
                allowed == 0
                ? "\(currency.code) has no decimals"
                : "\(currency.code) has \(allowed) decimal\(allowed == 1 ? "" : "s")"
            throw ValidationError(
                field: "purchase.amounts.\(name)",
                "\(Decimals.ParseError.tooManyDecimals(text, allowed: allowed)) (\(has))")
        } catch {
            throw ValidationError(field: "purchase.amounts.\(name)", "\(error)")
        }
    }
}
