import QuoteCore
import QuoteJSON

extension QuoteRecord {
    /// The export line of a stored quote, `{"case": …, "quote": …, "record": …}` and a newline: the
    /// record carries what the store knows beside the quote, `{"state", "issuer", "decision":
    /// {"decision", "charges"}}`, the state as of `today`. The same for either store.
    public func exportLine(today: CivilDate) -> String {
        var w = JSONStreamWriter(pretty: false, capacity: caseJSON.utf8.count + quoteJSON.utf8.count + 512)
        w.beginObject()
        w.field("case")
        w.embed(caseJSON)
        w.field("quote")
        w.embed(quoteJSON)
        w.field("record")
        w.beginObject()
        w.field("state", state(today: today).rawValue)
        w.field("issuer", issuer)
        if let decision {
            w.field("decision")
            w.beginObject()
            w.field("decision", decision.decision.rawValue)
            w.field("charges")
            w.embed(decision.finalJSON)
            w.endObject()
        }
        w.endObject()
        w.endObject()
        return w.text + "\n"
    }
}
