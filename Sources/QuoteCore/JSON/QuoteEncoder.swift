/// Writes a quote as the contract's JSON (§2). Amounts are strings with all minor digits.
public enum QuoteEncoder {
    public static func encode(_ quote: Quote, pretty: Bool = true) -> String {
        JSONWriter.write(json(quote), pretty: pretty)
    }

    public static func json(_ quote: Quote) -> JSONValue {
        var o = JSONObject()
        o.append("number", quote.number.map(JSONValue.string) ?? .null)
        o.append("market", .string(quote.market.rawValue))
        o.append("currency", .string(quote.currency.code))
        o.append("priceListVersion", .string(quote.priceListVersion))
        o.append("sample", .bool(quote.sample))
        o.append("settings", settings(quote.settings))
        o.append("issueDate", date(quote.issueDate))
        o.append("validUntil", date(quote.validUntil))
        o.append("expectedCompletion", quote.expectedCompletion.map(date) ?? .null)
        o.append("coverage", coverage(quote.coverage))
        o.append("lines", .array(quote.lines.map(line)))
        o.append("totals", totals(quote.totals))
        if let alternative = quote.ifRejected {
            var r = JSONObject()
            r.append("lines", .array(alternative.lines.map(line)))
            r.append("totals", totals(alternative.totals))
            o.append("ifRejected", .object(r))
        }
        return .object(o)
    }

    static func date(_ d: CivilDate) -> JSONValue { .string(d.description) }

    static func settings(_ s: Quote.AppliedSettings) -> JSONValue {
        var o = JSONObject()
        o.append("vatRate", .string(s.vatRate.text))
        o.append("pricesIncludeVAT", .bool(s.pricesIncludeVAT))
        o.append("vatRounding", .string(s.vatRounding.rawValue))
        o.append("roundingMode", .string(s.roundingMode.rawValue))
        return .object(o)
    }

    static func coverage(_ c: Coverage) -> JSONValue {
        var o = JSONObject()
        o.append("status", .string(c.status.rawValue))
        o.append("warrantyEnds", c.warrantyEnds.map(date) ?? .null)
        o.append(
            "rules",
            .array(
                c.rules.map { rule in
                    var r = JSONObject()
                    r.append("id", .string(rule.id.rawValue))
                    r.append("text", .string(rule.text))
                    return .object(r)
                }))
        o.append(
            "windows",
            .array(
                c.windows.map { window in
                    var w = JSONObject()
                    w.append("name", .string(window.name.rawValue))
                    w.append("rule", .string(window.rule.rawValue))
                    w.append("ends", date(window.ends))
                    return .object(w)
                }))
        o.append("advice", .array(c.advice.map { .string($0.rawValue) }))
        o.append("benefitsGranted", .array(c.benefitsGranted.map { .string($0.rawValue) }))
        o.append("notes", .array(c.notes.map(JSONValue.string)))
        return .object(o)
    }

    static func line(_ l: ChargeLine) -> JSONValue {
        var o = JSONObject()
        o.append("kind", .string(l.kind.rawValue))
        o.append("description", .string(l.description))
        o.append("quantity", .number(String(l.quantity)))
        o.append("unitPrice", .string(l.unitPrice.text))
        o.append("net", .string(l.net.text))
        o.append("vatRate", .string(l.vatRate.text))
        o.append("vat", .string(l.vat.text))
        o.append("gross", .string(l.gross.text))
        o.append("payer", .string(l.payer.rawValue))
        o.append("rule", l.rule.map { .string($0.rawValue) })
        o.append("reference", l.reference.map(JSONValue.string))
        return .object(o)
    }

    static func totals(_ t: Totals) -> JSONValue {
        var o = JSONObject()
        for payer in Payer.allCases { o.append(payer.rawValue, amounts(t[payer])) }
        o.append("all", amounts(t.all))
        return .object(o)
    }

    static func amounts(_ a: Amounts) -> JSONValue {
        var o = JSONObject()
        o.append("net", .string(a.net.text))
        o.append("vat", .string(a.vat.text))
        o.append("gross", .string(a.gross.text))
        return .object(o)
    }
}
