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

    /// The summary, the decision with its final charges, the quote and the case as issued, then
    /// `customerLink` when given, as compact JSON. The stored case, quote and final charges are
    /// compact JSON written by this service, so they are copied in as they are, not parsed again.
    static func full(_ r: QuoteRecord, customerLink: String? = nil, emails: [OutboxMessage]? = nil)
        -> [UInt8]
    {
        var out = JSONWriter.bytes(.object(summary(r)), pretty: false)
        out.removeLast()  // the summary's closing brace
        out.reserveCapacity(out.count + r.quoteJSON.utf8.count + r.caseJSON.utf8.count + 512)
        out.append(contentsOf: #","decision":"#.utf8)
        out.append(contentsOf: r.decision.map(decision) ?? Array("null".utf8))
        if let emails {
            out.append(contentsOf: #","emails":"#.utf8)
            out.append(contentsOf: JSONWriter.bytes(.array(emails.map(email)), pretty: false))
        }
        out.append(contentsOf: #","quote":"#.utf8)
        out.append(contentsOf: r.quoteJSON.utf8)
        out.append(contentsOf: #","case":"#.utf8)
        out.append(contentsOf: r.caseJSON.utf8)
        if let customerLink {
            out.append(contentsOf: #","customerLink":"#.utf8)
            JSONWriter.writeString(customerLink, into: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// One e-mail of the quote's outbox: `{"id", "to", "state", "reason" (when failed), "queuedAt",
    /// "sentAt"}`; staff see the full address.
    static func email(_ m: OutboxMessage) -> JSONValue {
        var o = JSONObject()
        o.append("id", .number(String(m.id)))
        o.append("to", .string(m.recipient))
        o.append("state", .string(m.state))
        if m.state == "failed" { o.append("reason", .string(m.lastError ?? "unknown")) }
        o.append("queuedAt", .string(timestamp(m.queuedAt)))
        o.append("sentAt", m.sentAt.map { .string(timestamp($0)) } ?? .null)
        return .object(o)
    }

    /// The decision with its final charges, as compact JSON (the stored charges copied in).
    static func decision(_ d: DecisionRecord) -> [UInt8] {
        var o = JSONObject()
        o.append("decision", .string(d.decision.rawValue))
        o.append("decidedAt", .string(timestamp(d.decidedAt)))
        o.append("decidedBy", .string(d.decidedBy))
        var out = JSONWriter.bytes(.object(o), pretty: false)
        out.removeLast()  // the closing brace
        out.append(contentsOf: #","final":"#.utf8)
        out.append(contentsOf: d.finalJSON.utf8)
        out.append(UInt8(ascii: "}"))
        return out
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
