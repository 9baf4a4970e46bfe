import QuoteCore

/// Writes a case back as contract JSON (§1), every default spelled out, so that a stored or
/// generated case decodes to the same value.
public enum CaseEncoder {
    public static func encode(_ c: ServiceCase, pretty: Bool = true) -> String {
        JSONWriter.write(json(c), pretty: pretty)
    }

    public static func json(_ c: ServiceCase) -> JSONValue {
        var o = JSONObject()
        o.append("market", .string(c.market.rawValue))
        o.append("requestDate", .string(c.requestDate.description))
        o.append("kind", .string(c.kind.rawValue))
        o.append("serviceMode", .string(c.serviceMode.rawValue))
        var customer = JSONObject()
        customer.append("name", .string(c.customer.name))
        customer.append("email", c.customer.email.map(JSONValue.string))
        customer.append("language", c.customer.language.map(JSONValue.string))
        o.append("customer", .object(customer))
        o.append("device", device(c.device))
        o.append("item", .string(c.item.rawValue))
        o.append("purchase", purchase(c.purchase))
        o.append("findings", .array(c.findings.map { .string($0.rawValue) }))
        o.append("fault", c.fault.map(JSONValue.string))
        var repair = JSONObject()
        repair.append("labor", c.repair.labor.map(JSONValue.string))
        repair.append(
            "parts",
            .array(
                c.repair.parts.map { part in
                    var p = JSONObject()
                    p.append("sku", .string(part.sku))
                    p.append("quantity", .number(String(part.quantity)))
                    return .object(p)
                }))
        o.append("repair", .object(repair))
        o.append("history", history(c.history))
        o.append("decision", .string(c.decision.rawValue))
        o.append("salesTaxRate", c.salesTaxRate.map { .string($0.text) })
        o.append("raisedVia", c.raisedVia.map { .string($0.rawValue) })
        if c.emptyBox { o.append("emptyBox", .bool(true)) }
        o.append("reference", c.reference.map(JSONValue.string))
        return .object(o)
    }

    static func device(_ d: ServiceCase.Device) -> JSONValue {
        var o = JSONObject()
        o.append("model", .string(d.model))
        o.append("category", .string(d.category.rawValue))
        o.append("imei", d.imei.map(JSONValue.string) ?? .null)
        o.append("serial", d.serial.map(JSONValue.string) ?? .null)
        o.append(
            "screenInches",
            d.screenHundredthsOfInch.map { .number(Decimals.formatTrimmed($0, scale: 2)) } ?? .null)
        return .object(o)
    }

    static func purchase(_ p: ServiceCase.Purchase) -> JSONValue {
        var o = JSONObject()
        o.append("date", .string(p.date.description))
        o.append("deliveryDate", .string(p.deliveryDate.description))
        o.append("channel", .string(p.channel.rawValue))
        o.append("official", .bool(p.official))
        o.append("proofOfPurchase", .bool(p.proofOfPurchase))
        o.append("firstOwner", .bool(p.firstOwner))
        o.append("orderedOn", p.orderedOn.map { .string($0.description) } ?? .null)
        if let a = p.amounts {
            var amounts = JSONObject()
            amounts.append("price", .string(a.price))
            amounts.append("shipping", .string(a.shipping))
            amounts.append("giftWrap", .string(a.giftWrap))
            amounts.append("tax", .string(a.tax))
            o.append("amounts", .object(amounts))
        }
        if p.partialReturn { o.append("partialReturn", .bool(true)) }
        return .object(o)
    }

    static func history(_ h: ServiceCase.History) -> JSONValue {
        var o = JSONObject()
        o.append("benefitsUsed", .array(h.benefitsUsed.map { .string($0.rawValue) }))
        if !h.benefitQuotes.isEmpty {
            o.append(
                "benefitQuotes",
                .object(
                    JSONObject(
                        h.benefitQuotes.sorted { $0.key < $1.key }.map {
                            ($0.key.rawValue, .string($0.value))
                        })))
        }
        if let r = h.previousRepair {
            var p = JSONObject()
            p.append("completed", .string(r.completed.description))
            p.append("fault", r.fault.map(JSONValue.string))
            p.append("replacedParts", .array(r.replacedParts.map(JSONValue.string)))
            p.append("deviceReplaced", .bool(r.deviceReplaced))
            o.append("previousRepair", .object(p))
        } else {
            o.append("previousRepair", .null)
        }
        return .object(o)
    }
}
