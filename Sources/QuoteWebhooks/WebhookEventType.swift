import QuoteCore

/// The events an endpoint can subscribe to; the raw value is the payload's `type` and the name in
/// a registration's `events`.
public enum WebhookEventType: String, CaseIterable, Sendable {
    case issued = "quote.issued"
    /// The customer's first view only.
    case viewed = "quote.viewed"
    case decided = "quote.decided"
    /// Sent for the old quote, naming the new one.
    case revised = "quote.revised"
    case voided = "quote.voided"
    case expired = "quote.expired"
    case reminded = "quote.reminded"

    /// Reads an event name; an unknown one is a `ValidationError` naming `field`.
    public init(name: String, field: String) throws(ValidationError) {
        guard let type = WebhookEventType(rawValue: name) else {
            let known = WebhookEventType.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(field: field, "unknown event \"\(name)\"; known: \(known)")
        }
        self = type
    }
}
