/// Writes a quote as the contract's JSON (§2). Amounts are strings with all minor digits. Keys come
/// in a fixed order, so the same quote always gives the same bytes.
public enum QuoteEncoder {
    public static func encode(_ quote: Quote, pretty: Bool = true) -> String {
        String(decoding: bytes(quote, pretty: pretty), as: UTF8.self)
    }

    /// The quote's JSON as UTF-8, written directly (no intermediate tree).
    public static func bytes(_ quote: Quote, pretty: Bool = false) -> [UInt8] {
        var w = JSONStreamWriter(pretty: pretty)
        write(quote, into: &w)
        return w.bytes
    }

    /// The quote as a JSON tree (for comparisons field by field).
    public static func json(_ quote: Quote) -> JSONValue {
        do {
            return try JSONParser.parse(bytes(quote))
        } catch {
            preconditionFailure("QuoteEncoder wrote JSON its parser refuses: \(error)")
        }
    }

    static func write(_ quote: Quote, into w: inout JSONStreamWriter) {
        w.beginObject()
        w.member("number", quote.number)
        w.member("market", quote.market.rawValue)
        w.member("currency", quote.currency.code)
        w.member("priceListVersion", quote.priceListVersion)
        w.key("sample")
        w.bool(quote.sample)
        w.key("settings")
        settings(quote.settings, into: &w)
        w.member("issueDate", quote.issueDate.description)
        w.member("validUntil", quote.validUntil.description)
        w.member("expectedCompletion", quote.expectedCompletion?.description)
        w.key("coverage")
        coverage(quote.coverage, into: &w)
        w.key("lines")
        lines(quote.lines, into: &w)
        w.key("totals")
        totals(quote.totals, into: &w)
        if let alternative = quote.ifRejected {
            w.key("ifRejected")
            w.beginObject()
            w.key("lines")
            lines(alternative.lines, into: &w)
            w.key("totals")
            totals(alternative.totals, into: &w)
            w.endObject()
        }
        w.endObject()
    }

    static func settings(_ s: Quote.AppliedSettings, into w: inout JSONStreamWriter) {
        w.beginObject()
        w.member("vatRate", s.vatRate.text)
        w.key("pricesIncludeVAT")
        w.bool(s.pricesIncludeVAT)
        w.member("vatRounding", s.vatRounding.rawValue)
        w.member("roundingMode", s.roundingMode.rawValue)
        w.endObject()
    }

    static func coverage(_ c: Coverage, into w: inout JSONStreamWriter) {
        w.beginObject()
        w.member("status", c.status.rawValue)
        w.member("warrantyEnds", c.warrantyEnds?.description)
        w.key("rules")
        w.beginArray()
        for rule in c.rules {
            w.beginObject()
            w.member("id", rule.id.rawValue)
            w.member("text", rule.text)
            w.endObject()
        }
        w.endArray()
        w.key("windows")
        w.beginArray()
        for window in c.windows {
            w.beginObject()
            w.member("name", window.name.rawValue)
            w.member("rule", window.rule.rawValue)
            w.member("ends", window.ends.description)
            w.endObject()
        }
        w.endArray()
        strings("advice", c.advice.map(\.rawValue), into: &w)
        strings("benefitsGranted", c.benefitsGranted.map(\.rawValue), into: &w)
        strings("notes", c.notes, into: &w)
        w.endObject()
    }

    static func strings(_ name: String, _ values: [String], into w: inout JSONStreamWriter) {
        w.key(name)
        w.beginArray()
        for value in values { w.string(value) }
        w.endArray()
    }

    static func lines(_ lines: [ChargeLine], into w: inout JSONStreamWriter) {
        w.beginArray()
        for l in lines {
            w.beginObject()
            w.member("kind", l.kind.rawValue)
            w.member("description", l.description)
            w.key("quantity")
            w.number(String(l.quantity))
            w.member("unitPrice", l.unitPrice.text)
            w.member("net", l.net.text)
            w.member("vatRate", l.vatRate.text)
            w.member("vat", l.vat.text)
            w.member("gross", l.gross.text)
            w.member("payer", l.payer.rawValue)
            if let rule = l.rule { w.member("rule", rule.rawValue) }
            if let reference = l.reference { w.member("reference", reference) }
            w.endObject()
        }
        w.endArray()
    }

    static func totals(_ t: Totals, into w: inout JSONStreamWriter) {
        w.beginObject()
        for payer in Payer.allCases {
            w.key(payer.rawValue)
            amounts(t[payer], into: &w)
        }
        w.key("all")
        amounts(t.all, into: &w)
        w.endObject()
    }

    static func amounts(_ a: Amounts, into w: inout JSONStreamWriter) {
        w.beginObject()
        w.member("net", a.net.text)
        w.member("vat", a.vat.text)
        w.member("gross", a.gross.text)
        w.endObject()
    }
}
