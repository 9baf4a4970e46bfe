/// Builds the draft lines of an outcome from the price list: labor, parts, logistics, fees.
/// Pure, except for the swap unit of a model the parts list does not price, whose note is returned
/// with the line.
struct ChargeBuilder {
    let inputs: QuoteInputs

    var c: ServiceCase { inputs.serviceCase }
    var fees: MarketSettings.Fees { inputs.settings.fees }

    /// Whether the device travels by courier in this service mode.
    var movesByCourier: Bool { inputs.policy.logistics.modes.contains(c.serviceMode) }

    func labor(payer: Payer, rule: RuleID?) -> [DraftLine] {
        guard let code = c.repair.labor,
            let rate = inputs.list.labor[PriceList.LaborKey(category: c.device.category, code: code)]
        else { return [] }
        return [
            DraftLine(
                kind: .labor, description: rate.description, quantity: 1, unitPrice: rate.price,
                payer: payer,
                rule: rule, reference: code, names: rate.names)
        ]
    }

    func parts(payer: Payer, rule: RuleID?) -> [DraftLine] {
        c.repair.parts.compactMap { request in
            guard let part = inputs.list.parts[request.sku] else { return nil }
            return DraftLine(
                kind: part.category == .swapUnit ? .swapUnit : .part, description: part.description,
                quantity: request.quantity, unitPrice: part.price, payer: payer, rule: rule,
                reference: part.sku, names: part.names)
        }
    }

    /// The swap unit for the device's model. A model without one in the parts list still gets the
    /// line (the device is swapped), unpriced, and the quote says so in a note.
    func swapUnit(payer: Payer, rule: RuleID?) -> (DraftLine, Findings) {
        var found = Findings()
        guard let part = inputs.list.swapPart(normalizedModel: inputs.model, requested: c.repair.parts) else {
            found.note(.swapUnitNotPriced(market: c.market, model: c.device.model))
            let line = DraftLine(
                kind: .swapUnit, description: "Swap unit \(c.device.model)", quantity: 1,
                unitPrice: .zero(inputs.settings.currency), payer: payer, rule: rule)
            return (line, found)
        }
        let line = DraftLine(
            kind: .swapUnit, description: part.description, quantity: 1, unitPrice: part.price,
            payer: payer, rule: rule, reference: part.sku, names: part.names)
        return (line, found)
    }

    /// Two-way logistics, or on site the travel fee and the repair-avoidance call (BX-10).
    func logistics(payer: Payer, rule: RuleID?) -> [DraftLine] {
        if c.serviceMode == .onSite, let onSite = inputs.policy.onSite {
            return [
                fixed(.travel, payer: payer, rule: onSite.rule),
                fixed(.call, payer: onSite.callPayer, rule: onSite.rule),
            ]
        }
        guard movesByCourier else { return [] }
        let lineRule =
            inputs.policy.logistics.categoryRules[c.device.category] ?? inputs.policy.logistics.rule ?? rule
        return [
            fixed(.logisticsOutbound, payer: payer, rule: lineRule),
            fixed(.logisticsReturn, payer: payer, rule: lineRule),
        ]
    }

    /// An empty box shipped to the customer, when the case asks for one (BX-10).
    func emptyBox(payer: Payer) -> [DraftLine] {
        guard c.emptyBox, let onSite = inputs.policy.onSite else { return [] }
        return [fixed(.emptyBox, payer: payer, rule: onSite.rule)]
    }

    /// A flat fee of the market's `fees:`.
    func fixed(_ kind: LineKind, payer: Payer, rule: RuleID?) -> DraftLine {
        let (price, description): (Money, String) =
            switch kind {
            case .logisticsOutbound:
                (fees.logistics(for: c.device.category), "Transport to the service center")
            case .logisticsReturn: (fees.logistics(for: c.device.category), "Transport back to the customer")
            case .handling: (fees.handling, "Handling fee")
            case .inspection: (fees.inspection, "Inspection fee")
            case .screening: (fees.screening, "DOA / remorse screening")
            case .travel: (fees.travel, "On-site travel")
            case .call: (fees.call, "Repair-avoidance call")
            case .emptyBox: (fees.emptyBox, "Empty box shipment")
            default: (.zero(inputs.settings.currency), kind.rawValue)
            }
        return DraftLine(
            kind: kind, description: description, quantity: 1, unitPrice: price, payer: payer, rule: rule)
    }

    /// Fixed charges of a refusal or return; courier legs only where the device travels by courier.
    func fixedCharges(_ charges: [FixedCharge], rule: RuleID?) -> ([DraftLine], Findings) {
        var found = Findings()
        var lines: [DraftLine] = []
        for charge in charges {
            switch charge.line {
            case .logisticsOutbound, .logisticsReturn:
                if movesByCourier { lines.append(fixed(charge.line, payer: charge.payer, rule: rule)) }
            case .swapUnit:
                lines.append(found.merging(swapUnit(payer: charge.payer, rule: rule)))
            default:
                lines.append(fixed(charge.line, payer: charge.payer, rule: rule))
            }
        }
        return (lines, found)
    }

    /// The charges of an out-of-warranty outcome (accepted or rejected), all paid by the consumer.
    func outOfWarranty(_ outcome: OutOfWarrantyPolicy.Outcome) -> [DraftLine] {
        var lines: [DraftLine] = []
        for group in outcome.charges {
            switch group {
            case .logistics:
                lines += logistics(payer: .consumer, rule: outcome.rule) + emptyBox(payer: .consumer)
            case .labor: lines += labor(payer: .consumer, rule: outcome.rule)
            case .parts: lines += parts(payer: .consumer, rule: outcome.rule)
            case .handling: lines.append(fixed(.handling, payer: .consumer, rule: outcome.rule))
            case .inspection: lines.append(fixed(.inspection, payer: .consumer, rule: outcome.rule))
            }
        }
        return lines
    }
}
