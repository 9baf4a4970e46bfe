/// US-5: the refund of a return: the price of the returned items; shipping, gift wrap and taxes only
/// when the return is caused by a defect, and no shipping when only part of the order is returned.
struct RefundBuilder {
    let inputs: QuoteInputs
    let policy: RefundPolicy

    func lines() throws(ValidationError) -> [DraftLine] {
        let c = inputs.serviceCase
        guard let paid = c.purchase.amounts else {
            throw ValidationError(
                field: "purchase.amounts", "is required for a return with a refund (\(policy.rule))")
        }
        let defect = c.kind == .doa
        var parts: [(String, String, String)] = [("price", paid.price, "Refund of the purchase price")]
        if defect && policy.extrasOnDefect {
            if !(c.purchase.partialReturn && policy.noShippingOnPartialReturn) {
                parts.append(("shipping", paid.shipping, "Refund of shipping and handling"))
            }
            parts.append(("giftWrap", paid.giftWrap, "Refund of gift wrapping"))
            parts.append(("tax", paid.tax, "Refund of taxes paid"))
        }
        var lines: [DraftLine] = []
        for (field, text, description) in parts {
            let amount = try paid.money(field, text, in: inputs.settings.currency)
            guard amount.minorUnits > 0 else { continue }
            lines.append(
                DraftLine(
                    kind: .refund, description: description, quantity: 1, unitPrice: amount.negated,
                    payer: .consumer,
                    rule: policy.rule, reference: field, fromPriceList: false))
        }
        return lines
    }
}
