import QuoteCore

extension QuoteRecord {
    /// The export line of a stored quote, `{"case": …, "quote": …, "record": …}` and a newline: the
    /// record carries what the store knows beside the quote, `{"state", "issuer", "decision":
    /// {"decision", "charges"}}`, the state as of `today`. The same for either store.
    public func exportLine(today: CivilDate) -> String {
        var head = JSONObject()
        head.append("state", .string(state(today: today).rawValue))
        head.append("issuer", .string(issuer))
        var out = JSONWriter.bytes(.object(head), pretty: false)
        if let decision {
            out.removeLast()
            out.append(contentsOf: #","decision":{"decision":"#.utf8)
            JSONWriter.writeString(decision.decision.rawValue, into: &out)
            out.append(contentsOf: #","charges":"#.utf8)
            out.append(contentsOf: decision.finalJSON.utf8)
            out.append(contentsOf: "}}".utf8)
        }
        return "{\"case\":\(caseJSON),\"quote\":\(quoteJSON),\"record\":"
            + String(decoding: out, as: UTF8.self) + "}\n"
    }
}
