import QuoteCore

/// Writes a quote as the contract's JSON (§2). Amounts are strings with all minor digits. Keys come
/// in a fixed order, so the same quote always gives the same bytes.
public enum QuoteEncoder {
    public static func encode(_ quote: Quote, pretty: Bool = true) -> String {
        String(decoding: bytes(quote, pretty: pretty), as: UTF8.self)
    }

    /// The quote's JSON as UTF-8, written directly (no intermediate tree).
    public static func bytes(_ quote: Quote, pretty: Bool = false) -> [UInt8] {
        var w = JSONStreamWriter(pretty: pretty, capacity: 2048 + 512 * quote.lines.count)
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
        w.field("number", quote.number)
        w.field("market", quote.market.rawValue)
        w.field("currency", quote.currency.code)
        w.field("priceListVersion", quote.priceListVersion)
        w.field("sample", quote.sample)
        w.field("settings")
        settings(quote.settings, into: &w)
        w.field("issueDate", quote.issueDate)
        w.field("validUntil", quote.validUntil)
        w.field("expectedCompletion", quote.expectedCompletion)
        w.field("coverage")
        coverage(quote.coverage, into: &w)
        w.field("lines")
        lines(quote.lines, into: &w)
        w.field("totals")
        totals(quote.totals, into: &w)
        if let alternative = quote.ifRejected {
            w.field("ifRejected")
            w.beginObject()
            w.field("lines")
            lines(alternative.lines, into: &w)
            w.field("totals")
            totals(alternative.totals, into: &w)
            w.endObject()
        }
        w.endObject()
    }

    static func settings(_ s: Quote.AppliedSettings, into w: inout JSONStreamWriter) {
        w.beginObject()
        w.field("vatRate", s.vatRate)
        w.field("pricesIncludeVAT", s.pricesIncludeVAT)
        w.field("vatRounding", s.vatRounding.rawValue)
        w.field("roundingMode", s.roundingMode.rawValue)
        w.endObject()
    }

    static func coverage(_ c: Coverage, into w: inout JSONStreamWriter) {
        w.beginObject()
        w.field("status", c.status.rawValue)
        w.field("warrantyEnds", c.warrantyEnds)
        w.field("rules")
        w.beginArray()
        for rule in c.rules {
            w.beginObject()
            w.field("id", rule.id.rawValue)
            w.field("text", rule.text)
            w.endObject()
        }
        w.endArray()
        w.field("windows")
        w.beginArray()
        for window in c.windows {
            w.beginObject()
            w.field("name", window.name.rawValue)
            w.field("rule", window.rule.rawValue)
            w.field("ends", window.ends)
            w.endObject()
        }
        w.endArray()
        strings("advice", c.advice.map(\.rawValue), into: &w)
        strings("benefitsGranted", c.benefitsGranted.map(\.rawValue), into: &w)
        strings("notes", c.notes.map(\.text), into: &w)
        if !c.notes.isEmpty { noteCodes(c.notes, into: &w) }
        w.endObject()
    }

    static func strings(_ name: StaticString, _ values: [String], into w: inout JSONStreamWriter) {
        w.field(name)
        w.beginArray()
        for value in values { w.string(value) }
        w.endArray()
    }

    static func lines(_ lines: [ChargeLine], into w: inout JSONStreamWriter) {
        w.beginArray()
        for l in lines {
            w.beginObject()
            w.field("kind", l.kind.rawValue)
            w.field("description", l.description)
            w.field("quantity", l.quantity)
            w.field("unitPrice", l.unitPrice)
            w.field("net", l.net)
            w.field("vatRate", l.vatRate)
            w.field("vat", l.vat)
            w.field("gross", l.gross)
            w.field("payer", l.payer.rawValue)
            if let rule = l.rule { w.field("rule", rule.rawValue) }
            if let reference = l.reference { w.field("reference", reference) }
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
        w.field("all")
        amounts(t.all, into: &w)
        w.endObject()
    }

    static func amounts(_ a: Amounts, into w: inout JSONStreamWriter) {
        w.beginObject()
        w.field("net", a.net)
        w.field("vat", a.vat)
        w.field("gross", a.gross)
        w.endObject()
    }
}
