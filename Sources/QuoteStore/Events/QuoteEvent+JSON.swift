import Foundation
import QuoteJSON

/// Where an event's JSON goes: the bytes its hash covers, or the API's answer.
public enum EventLayout: Sendable {
    /// `"seq"`, `"quote"` and `"at"` in milliseconds (``EventChain/canonicalBytes(_:)``).
    case canonical
    /// `"sequence"` and `"at"` as an ISO 8601 time; the quote number is in the path.
    case api
}

extension QuoteEvent {
    /// Writes the event's own members, in the fixed order the hash covers, into the object `writer`
    /// has open: `"seq":2,"quote":"NL-2026-000001","kind":"decided","at":1765116600000,`
    /// `"actor":{"kind":"customer","name":"Anna de Vries","role":"customer"},"ip":"203.0.113.9",`
    /// `"userAgent":"…","details":{…}` (canonical; the API names the first `sequence`, leaves out
    /// the quote and writes `at` as ``timestamp``). A missing role, address or agent is `null`;
    /// `details` is the stored text itself. The one writer of an event's fields: the hash, the API
    /// and the history export all read them from here.
    public func writeMembers(into writer: inout JSONStreamWriter, layout: EventLayout) {
        switch layout {
        case .canonical:
            writer.field("seq", sequence)
            writer.field("quote", quoteNumber)
        case .api:
            writer.field("sequence", sequence)
        }
        writer.field("kind", kind.rawValue)
        writer.field("at")
        switch layout {
        case .canonical: writer.number(Int(atMilliseconds))
        case .api: writer.string(timestamp)
        }
        writer.field("actor")
        writer.beginObject()
        writer.field("kind", actor.kind.rawValue)
        writer.field("name", actor.name)
        writer.field("role", actor.role)
        writer.endObject()
        writer.field("ip", client?.ip)
        writer.field("userAgent", client?.userAgent)
        writer.field("details")
        writer.embed(details)
    }

    /// The time as ISO 8601 in UTC with milliseconds, as stored: `2026-12-07T13:10:00.000Z`.
    public var timestamp: String { at.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) }
}
