/// Turns draft lines into priced lines: net, VAT and gross with the market's rounding (G-2, G-3).
///
/// Only lines the consumer pays carry VAT; a manufacturer's or retailer's line is internal cost and
/// is recorded net. With `vatRounding: line` every line's VAT is rounded on its own. With
/// `document`, the VAT of each rate is computed once on the running sum of the consumer's lines,
/// and each line carries the difference between consecutive rounded running totals, so the lines
/// add up exactly to the once-rounded document VAT.
///
/// Worked example (21 %, half-up): two consumer lines of € 0.50. Per line: 0.105 → 0.11 each,
/// € 0.22 in all. Per document: 21 % of € 1.00 = € 0.21, spread as 0.11 + 0.10.
struct LinePricer {
    var currency: Currency
    var rate: Percent
    var pricesIncludeVAT: Bool
    var vatRounding: VATRounding
    var mode: RoundingMode

    /// Prices every line with checked ``Money`` arithmetic: an amount that does not fit is a
    /// ``ValidationError`` naming the field it comes from, never a trap. Tax is computed at double
    /// width (``RoundingMode/divide(_:times:by:)``), so the only bound is Int64 itself on
    /// `unit price × quantity`, `net + VAT` and the running sum; with rates below 100 % a tax is
    /// always smaller than its amount, and `net = amount − VAT` cannot overflow.
    func price(_ drafts: [DraftLine]) throws(ValidationError) -> [ChargeLine] {
        var runningAmount = Money.zero(currency)
        var runningTax: Int64 = 0
        var lines: [ChargeLine] = []
        lines.reserveCapacity(drafts.count)
        for draft in drafts {
            do {
                lines.append(try price(draft, runningAmount: &runningAmount, runningTax: &runningTax))
            } catch {
                throw ValidationError(
                    field: Self.field(of: draft),
                    error == .overflow
                        ? "the amount of \"\(draft.description)\" is too large"
                        : "\(error) in \"\(draft.description)\"")
            }
        }
        return lines
    }

    /// One line; `runningAmount` and `runningTax` carry the document's VAT (`vatRounding: document`).
    private func price(_ draft: DraftLine, runningAmount: inout Money, runningTax: inout Int64)
        throws(MoneyError)
        -> ChargeLine
    {
        let amount = try draft.unitPrice.times(draft.quantity)
        let taxable = draft.fromPriceList && draft.payer == .consumer && !rate.isZero
        var net = amount.minorUnits
        var vat: Int64 = 0
        if taxable {
            switch vatRounding {
            case .line:
                vat = tax(amount.minorUnits)
            case .document:
                runningAmount = try runningAmount.adding(amount)
                let newTax = tax(runningAmount.minorUnits)
                vat = newTax - runningTax
                runningTax = newTax
            }
            if pricesIncludeVAT { net = amount.minorUnits - vat }
        } else if draft.fromPriceList && pricesIncludeVAT && !rate.isZero {
            net = amount.minorUnits - rate.tax(inGross: amount.minorUnits, rounding: mode)
        }
        let netMoney = money(net)
        let gross = try netMoney.adding(money(vat))
        return ChargeLine(
            kind: draft.kind, description: draft.description, quantity: draft.quantity,
            unitPrice: draft.unitPrice, net: netMoney, vatRate: taxable ? rate : .zero,
            vat: money(vat), gross: gross, payer: draft.payer, rule: draft.rule, reference: draft.reference,
            names: draft.names)
    }

    /// The case field a line's amount comes from: a refund's paid amount, the parts, or the repair.
    static func field(of draft: DraftLine) -> String {
        switch draft.kind {
        case .refund: "purchase.amounts" + (draft.reference.map { ".\($0)" } ?? "")
        case .part: "repair.parts"
        default: "repair"
        }
    }

    private func tax(_ amount: Int64) -> Int64 {
        pricesIncludeVAT ? rate.tax(inGross: amount, rounding: mode) : rate.tax(onNet: amount, rounding: mode)
    }

    private func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
}
