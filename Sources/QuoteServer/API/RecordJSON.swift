import Foundation
import QuoteCore
import QuoteJSON
import QuoteStore

/// The service's JSON of a stored quote.
enum RecordJSON {
    /// The list entry: who, when, which state; no case or amounts. `state` is the lifecycle state
    /// on the market's today (``QuoteStore/QuoteRecord/state(today:)``).
    static func summary(_ r: QuoteRecord, state: QuoteState) -> JSONObject {
        var o = JSONObject()
        o.append("number", .string(r.number))
        o.append("market", .string(r.market.rawValue))
        o.append("state", .string(state.rawValue))
        o.append("status", .string(r.status))
        o.append("coverageStatus", .string(r.coverageStatus.rawValue))
        o.append("kind", .string(r.kind.rawValue))
        o.append("reference", r.reference.map(JSONValue.string) ?? .null)
        o.append("model", r.model.map(JSONValue.string) ?? .null)
        o.append("issueDate", .string(r.issueDate.description))
        o.append("validUntil", .string(r.validUntil.description))
        o.append("issuer", .string(r.issuer))
        o.append("priceListVersion", .string(r.priceListVersion))
        o.append("createdAt", .string(timestamp(r.createdAt)))
        o.append("supersedes", r.supersedes.map(JSONValue.string) ?? .null)
        o.append("supersededBy", r.supersededBy.map(JSONValue.string) ?? .null)
        return o
    }

    /// The summary, the void, the decision with its charges, the e-mails, the quote and the case
    /// as issued, then `customerLink` when given, as compact JSON. The stored case, quote and
    /// charges are compact JSON written by this service, so they are copied in as they are
    /// (`JSONStreamWriter.embed`), not parsed again. `language` is the language the documents are
    /// shown in, when known.
    static func full(
        _ r: QuoteRecord, state: QuoteState, customerLink: String? = nil, language: String? = nil,
        emails: [OutboxMessage] = []
    ) -> [UInt8] {
        var w = JSONStreamWriter(
            pretty: false, capacity: r.quoteJSON.utf8.count + r.caseJSON.utf8.count + 1024)
        w.beginObject()
        w.members(summary(r, state: state))
        if let language { w.field("language", language) }
        w.field("void")
        if let voided = r.voided { w.value(.object(void(voided))) } else { w.null() }
        w.field("decision")
        if let decision = r.decision { self.decision(decision, into: &w) } else { w.null() }
        w.field("emails")
        w.beginArray()
        for email in emails { w.value(.object(self.email(email))) }
        w.endArray()
        w.field("quote")
        w.embed(r.quoteJSON)
        w.field("case")
        w.embed(r.caseJSON)
        if let customerLink { w.field("customerLink", customerLink) }
        w.endObject()
        return w.bytes
    }

    /// `{"decision", "decidedAt", "decidedBy": {"name", "role"}, "channel", "note", "charges"}`,
    /// with the stored charges copied in.
    static func decision(_ d: DecisionRecord, into w: inout JSONStreamWriter) {
        var o = JSONObject()
        o.append("decision", .string(d.decision.rawValue))
        o.append("decidedAt", .string(timestamp(d.decidedAt)))
        var by = JSONObject()
        by.append("name", .string(d.decidedBy))
        by.append("role", d.role.map(JSONValue.string) ?? .null)
        o.append("decidedBy", .object(by))
        o.append("channel", d.channel.map(JSONValue.string) ?? .null)
        o.append("note", d.note.map(JSONValue.string) ?? .null)
        o.append("evidence", d.evidence.map { .object(evidence($0, at: d.decidedAt)) } ?? .null)
        w.beginObject()
        w.members(o)
        w.field("charges")
        w.embed(d.finalJSON)
        w.endObject()
    }

    /// The customer's acceptance evidence: `{"typedName", "consentVersion", "consentLanguage",
    /// "at", "ip", "userAgent", "documentSHA256"}`; null for answers recorded by staff (no
    /// customer signature exists for them).
    static func evidence(_ e: AcceptanceEvidence, at: Date) -> JSONObject {
        var o = JSONObject()
        o.append("typedName", .string(e.name))
        o.append("consentVersion", .string(e.consentVersion))
        o.append("consentLanguage", .string(e.consentLanguage))
        o.append("at", .string(timestamp(at)))
        o.append("ip", e.ip.map(JSONValue.string) ?? .null)
        o.append("userAgent", e.userAgent.map(JSONValue.string) ?? .null)
        o.append("documentSHA256", .string(e.documentSHA256))
        return o
    }

    static func void(_ v: VoidRecord) -> JSONObject {
        var o = JSONObject()
        o.append("reason", .string(v.reason))
        o.append("voidedAt", .string(timestamp(v.voidedAt)))
        o.append("voidedBy", .string(v.voidedBy))
        return o
    }

    /// One e-mail of the quote and where it stands: `pending`, `sent`, `failed` (with the
    /// reason) or `cancelled`.
    static func email(_ m: OutboxMessage) -> JSONObject {
        var o = JSONObject()
        o.append("id", .number(String(m.id)))
        o.append("kind", .string(m.kind.rawValue))
        o.append("to", .string(m.recipient))
        o.append("state", .string(m.state.rawValue))
        o.append("attempts", .number(String(m.attempts)))
        if m.state == .failed { o.append("reason", .string(m.lastError ?? "unknown")) }
        o.append("queuedAt", .string(timestamp(m.queuedAt)))
        o.append("sentAt", m.sentAt.map { .string(timestamp($0)) } ?? .null)
        return o
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// The charges a decision fixes (``QuoteCore/DecidedCharges``), as compact JSON.
    static func finalCharges(quoteJSON: String, decision: Decision) throws -> String {
        guard case .object(let quote) = try JSONBody.parse(quoteJSON) else {
            throw APIError(.internalServerError, "stored quote is not an object")
        }
        return JSONWriter.write(
            .object(DecidedCharges.select(from: quote, decision: decision)), pretty: false)
    }
}
