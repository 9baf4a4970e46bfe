import QuoteCore

/// The charges a decision fixes, chosen from a quote's JSON: the quote's lines and totals when
/// accepted; when rejected, its `ifRejected` alternative, or its own lines where it has none (the
/// charges then do not depend on the answer).
///
/// The one function the service (decision records), the export and the check use, so finance
/// totals are what the customer agreed to: a rejected out-of-warranty repair counts at its
/// inspection fee, not at its repair price.
public enum DecidedCharges {
    /// `{"lines": [...], "totals": {...}}` of `quote` (a quote object as the contract writes it).
    public static func select(from quote: JSONObject, decision: Decision) -> JSONObject {
        var source = quote
        if decision == .rejected, case .object(let alternative)? = quote["ifRejected"] {
            source = alternative
        }
        var charges = JSONObject()
        charges.append("lines", source["lines"] ?? .array([]))
        charges.append("totals", source["totals"] ?? .null)
        return charges
    }

    /// The decided lines of `quote` (the array of line objects).
    public static func lines(from quote: JSONObject, decision: Decision) -> [JSONValue] {
        guard case .array(let lines)? = select(from: quote, decision: decision)["lines"] else { return [] }
        return lines
    }
}
