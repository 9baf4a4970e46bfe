/// Builds the draft lines of an outcome from the price list: labor, parts, logistics, fees.
struct ChargeBuilder {
    let ctx: QuoteContext

    var c: ServiceCase { ctx.serviceCase }
    var fees: MarketSettings.Fees { ctx.settings.fees }

    /// Whether the device travels by courier in this service mode.
    var movesByCourier: Bool { ctx.policy.logistics.modes.contains(c.serviceMode) }

    func labor(payer: Payer, rule: RuleID?) -> [DraftLine] {
        guard let code = c.repair.labor,
            let rate = ctx.list.labor[PriceList.LaborKey(category: c.device.category, code: code)]
        else { return [] }
        return [
            DraftLine(
                kind: .labor, description: rate.description, quantity: 1, unitPrice: rate.price.minorUnits,
                payer: payer,
                rule: rule, reference: code)
        ]
    }

    func parts(payer: Payer, rule: RuleID?) -> [DraftLine] {
        c.repair.parts.compactMap { request in
            guard let part = ctx.list.parts[request.sku] else { return nil }
            return DraftLine(
                kind: part.category == "swap-unit" ? .swapUnit : .part, description: part.description,
                quantity: request.quantity, unitPrice: part.price.minorUnits, payer: payer, rule: rule,
                reference: part.sku)
        }
    }

    /// The swap unit for the device's model: one requested in the case, else the price list's.
    func swapUnit(payer: Payer, rule: RuleID?) throws(ValidationError) -> DraftLine {
        let requested = c.repair.parts.lazy.compactMap { ctx.list.parts[$0.sku] }.first {
            $0.category == "swap-unit"
        }
        let listed = ctx.list.parts.values.filter {
            $0.category == "swap-unit" && $0.fits(model: c.device.model)
        }
        .min { $0.sku < $1.sku }
        guard let part = requested ?? listed else {
            throw ValidationError(
                field: "device.model", "no swap unit for \(c.device.model) in the \(c.market) parts list")
        }
        return DraftLine(
            kind: .swapUnit, description: part.description, quantity: 1, unitPrice: part.price.minorUnits,
            payer: payer,
            rule: rule, reference: part.sku)
    }

    /// Two-way logistics, or on site the travel fee and the repair-avoidance call (BX-10).
    func logistics(payer: Payer, rule: RuleID?) -> [DraftLine] {
        if c.serviceMode == .onSite, let onSite = ctx.policy.onSite {
            return [
                fixed(.travel, payer: payer, rule: onSite.rule),
                fixed(.call, payer: onSite.callPayer, rule: onSite.rule),
            ]
        }
        guard movesByCourier else { return [] }
        let lineRule =
            ctx.policy.logistics.categoryRules[c.device.category] ?? ctx.policy.logistics.rule ?? rule
        return [
            fixed(.logisticsOutbound, payer: payer, rule: lineRule),
            fixed(.logisticsReturn, payer: payer, rule: lineRule),
        ]
    }

    /// An empty box shipped to the customer, when the case asks for one (BX-10).
    func emptyBox(payer: Payer) -> [DraftLine] {
        guard c.emptyBox, let onSite = ctx.policy.onSite else { return [] }
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
            default: (.zero(ctx.settings.currency), kind.rawValue)
            }
        return DraftLine(
            kind: kind, description: description, quantity: 1, unitPrice: price.minorUnits, payer: payer,
            rule: rule)
    }

    /// Fixed charges of a refusal or return; courier legs only where the device travels by courier.
    func fixedCharges(_ charges: [FixedCharge], rule: RuleID?) throws(ValidationError) -> [DraftLine] {
        var lines: [DraftLine] = []
        for charge in charges {
            switch charge.line {
            case .logisticsOutbound, .logisticsReturn:
                if movesByCourier { lines.append(fixed(charge.line, payer: charge.payer, rule: rule)) }
            case .swapUnit:
                lines.append(try swapUnit(payer: charge.payer, rule: rule))
            default:
                lines.append(fixed(charge.line, payer: charge.payer, rule: rule))
            }
        }
        return lines
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
