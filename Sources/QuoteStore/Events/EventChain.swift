import Crypto
import QuoteJSON

/// The hash chain of a quote's events, the same in both stores (they only run its SQL).
///
/// Each event's hash is `SHA-256(previous hash ‖ canonical bytes)`, where the previous hash is the
/// 64 lowercase hex characters of the event before, or, for the first event, of the SHA-256 of
/// the quote's stored JSON: changing the quote's amounts, or any field of any event, or removing
/// an event, breaks the chain from that point on (``ChainVerifier``).
public enum EventChain {
    /// The hash the first event of a quote links to: SHA-256 of its stored quote JSON.
    public static func quoteHash(_ quoteJSON: String) -> String { Digest.sha256Hex(Array(quoteJSON.utf8)) }

    /// Links `draft` as event `sequence` of `number` after `previousHash`.
    public static func link(_ draft: EventDraft, number: String, sequence: Int, previousHash: String)
        -> QuoteEvent
    {
        // An empty role, address or agent is kept as none (both stores read NULL back).
        func present(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }
        var actor = draft.actor
        actor.role = present(actor.role)
        let ip = present(draft.client?.ip)
        let userAgent = present(draft.client?.userAgent)
        var event = QuoteEvent(
            quoteNumber: number, sequence: sequence, kind: draft.kind, atMilliseconds: draft.atMilliseconds,
            actor: actor, client: ip == nil && userAgent == nil ? nil : EventClient(ip: ip, userAgent: userAgent),
            details: draft.details.json, previousHash: previousHash, hash: "")
        event.hash = hash(event)
        return event
    }

    /// The hash `event` must carry, from its previous hash and its canonical bytes.
    public static func hash(_ event: QuoteEvent) -> String {
        Digest.sha256Hex(Array(event.previousHash.utf8) + canonicalBytes(event))
    }

    /// The event as compact JSON with its members in this fixed order:
    /// `{"seq":2,"quote":"NL-2026-000001","kind":"decided","at":1765116600000,`
    /// `"actor":{"kind":"customer","name":"Anna de Vries","role":"customer"},"ip":"203.0.113.9",`
    /// `"userAgent":"…","details":{…}}` (a missing role, address or agent is `null`; `details` is
    /// the stored text itself).
    public static func canonicalBytes(_ event: QuoteEvent) -> [UInt8] {
        var writer = JSONStreamWriter(pretty: false, capacity: 256 + event.details.utf8.count)
        writer.beginObject()
        writer.field("seq", event.sequence)
        writer.field("quote", event.quoteNumber)
        writer.field("kind", event.kind.rawValue)
        writer.key("at")
        writer.number(Int(event.atMilliseconds))
        writer.key("actor")
        writer.beginObject()
        writer.field("kind", event.actor.kind.rawValue)
        writer.field("name", event.actor.name)
        writer.field("role", event.actor.role)
        writer.endObject()
        writer.field("ip", event.client?.ip)
        writer.field("userAgent", event.client?.userAgent)
        writer.key("details")
        writer.embed(event.details)
        writer.endObject()
        return writer.bytes
    }
}
