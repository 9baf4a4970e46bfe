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
    public static func quoteHash(_ quoteJSON: String) -> String { Digest.sha256Hex(utf8: quoteJSON) }

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
            actor: actor,
            client: ip == nil && userAgent == nil ? nil : EventClient(ip: ip, userAgent: userAgent),
            details: draft.details.json, previousHash: previousHash, hash: "")
        event.hash = hash(event)
        return event
    }

    /// The hash `event` must carry, from its previous hash and its canonical bytes.
    public static func hash(_ event: QuoteEvent) -> String {
        Digest.sha256Hex(utf8: event.previousHash, then: canonicalBytes(event))
    }

    /// The event as compact JSON, its members in the fixed order of
    /// ``QuoteEvent/writeMembers(into:layout:)`` (canonical layout).
    public static func canonicalBytes(_ event: QuoteEvent) -> [UInt8] {
        var writer = JSONStreamWriter(pretty: false, capacity: 256 + event.details.utf8.count)
        writer.beginObject()
        event.writeMembers(into: &writer, layout: .canonical)
        writer.endObject()
        return writer.bytes
    }
}
