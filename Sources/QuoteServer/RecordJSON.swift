import Foundation
import QuoteCore
import QuoteStore

/// The service's JSON of a stored quote.
enum RecordJSON {
    /// The list entry: who, when, which state; no case or amounts.
    static func summary(_ r: QuoteRecord) -> JSONObject {
        var o = JSONObject()
        o.append("number", .string(r.number))
        o.append("market", .string(r.market))
        o.append("status", .string(r.status))
        o.append("coverageStatus", .string(r.coverageStatus))
        o.append("kind", .string(r.kind))
        o.append("issueDate", .string(r.issueDate))
        o.append("validUntil", .string(r.validUntil))
        o.append("issuer", .string(r.issuer))
        o.append("priceListVersion", .string(r.priceListVersion))
        o.append("createdAt", .string(timestamp(r.createdAt)))
        return o
    }

    /// The summary, the decision with its final charges, the quote and the case as issued.
    static func full(_ r: QuoteRecord) throws -> JSONObject {
        var o = summary(r)
        o.append("decision", try r.decision.map(decision) ?? .null)
        o.append("quote", try JSONBody.parse(r.quoteJSON))
        o.append("case", try JSONBody.parse(r.caseJSON))
        return o
    }

    static func decision(_ d: DecisionRecord) throws -> JSONValue {
        var o = JSONObject()
        o.append("decision", .string(d.decision.rawValue))
        o.append("decidedAt", .string(timestamp(d.decidedAt)))
        o.append("decidedBy", .string(d.decidedBy))
        o.append("final", try JSONBody.parse(d.finalJSON))
        return .object(o)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// The charges a decision fixes: the quote's lines and totals when accepted; when rejected the
    /// `ifRejected` alternative, or the quote's own lines where it has none (the charges then do
    /// not depend on the answer).
    static func finalCharges(quoteJSON: String, decision: Decision) throws -> String {
        guard case .object(let quote) = try JSONBody.parse(quoteJSON) else {
            throw APIError(.internalServerError, "stored quote is not an object")
        }
        var source = quote
        if decision == .rejected, case .object(let alternative)? = quote["ifRejected"] {
            source = alternative
        }
        var o = JSONObject()
        o.append("lines", source["lines"] ?? .array([]))
        o.append("totals", source["totals"] ?? .null)
        return JSONWriter.write(.object(o), pretty: false)
    }
}
