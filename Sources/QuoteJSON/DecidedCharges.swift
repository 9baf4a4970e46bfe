import QuoteCore

/// The charges a decision fixes, chosen from a stored quote's JSON by the rule of
/// ``QuoteCore/DecisionCharges`` (the same one `Quote.charges(for:)` follows): the quote's lines and
/// totals when accepted; when rejected, its `ifRejected` alternative, or its own lines where it
/// has none.
///
/// The one function the service (decision records), the export and the check use on stored
/// quotes, so finance totals are what the customer agreed to: a rejected out-of-warranty repair
/// counts at its inspection fee, not at its repair price.
public enum DecidedCharges {
    /// `{"lines": [...], "totals": {...}}` of `quote` (a quote object as the contract writes it).
    public static func select(from quote: JSONObject, decision: Decision) -> JSONObject {
        StoredQuote(object: quote).charges(for: decision)
    }

    /// The decided lines of `quote` (the array of line objects).
    public static func lines(from quote: JSONObject, decision: Decision) -> [JSONValue] {
        guard case .array(let lines)? = select(from: quote, decision: decision)["lines"] else { return [] }
        return lines
    }

    /// A stored quote's JSON seen as ``QuoteCore/DecisionCharges``.
    struct StoredQuote: DecisionCharges {
        let object: JSONObject

        var quotedCharges: JSONObject { Self.charges(object) }

        var chargesIfRejected: JSONObject? {
            guard case .object(let alternative)? = object["ifRejected"] else { return nil }
            return Self.charges(alternative)
        }

        static func charges(_ source: JSONObject) -> JSONObject {
            var charges = JSONObject()
            charges.append("lines", source["lines"] ?? .array([]))
            charges.append("totals", source["totals"] ?? .null)
            return charges
        }
    }
}
