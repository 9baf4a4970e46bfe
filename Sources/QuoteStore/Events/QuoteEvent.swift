import Foundation

/// One entry of a quote's append-only history (``EventChain``): what happened, when, by whom, and
/// the hash that links it to the entry before it.
public struct QuoteEvent: Sendable, Equatable {
    public var quoteNumber: String
    /// 1, 2, 3, … within the quote; unique per quote (the table's primary key).
    public var sequence: Int
    public var kind: QuoteEventKind
    /// The service's clock, in whole milliseconds (stored as such, so that the hash is exact).
    public var atMilliseconds: Int64
    public var actor: EventActor
    /// The client's address and User-Agent, for customer events.
    public var client: EventClient?
    /// A small compact JSON object (``EventDetails``), stored as written.
    public var details: String
    /// The previous event's hash; for the first event, the SHA-256 of the stored quote JSON.
    public var previousHash: String
    /// `SHA-256(previousHash ‖ canonical bytes)`, lowercase hex (``EventChain/canonicalBytes(_:)``).
    public var hash: String

    public var at: Date { Date(timeIntervalSince1970: Double(atMilliseconds) / 1000) }
}

/// Where a page of all events continues: after this quote's event `sequence`.
public struct EventCursor: Sendable, Equatable {
    public var quoteNumber: String
    public var sequence: Int

    public init(_ event: QuoteEvent) {
        quoteNumber = event.quoteNumber
        sequence = event.sequence
    }
}

/// What an event records. `expired` and `reminded` are written by the expiry sweep.
public enum QuoteEventKind: String, Sendable, CaseIterable {
    case issued, viewed, emailed, linkMade = "link-made", decided, superseded, voided, expired, reminded
}

/// Who did it: a signed-in staff user, an API key, the customer through the link, or the
/// service itself (the outbox sender, a sweep, a migration).
public struct EventActor: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case staff, apiKey = "api-key", customer, system
    }

    public var kind: Kind
    public var name: String
    public var role: String?

    public init(kind: Kind, name: String, role: String? = nil) {
        self.kind = kind
        self.name = name
        self.role = role
    }

    /// The service itself (`name` says which part: `outbox`, `migration`, `expiry`).
    public static func system(_ name: String) -> EventActor { EventActor(kind: .system, name: name) }
}

/// Where a customer's request came from: the address the service trusts (the socket's, or
/// `X-Forwarded-For` from a trusted proxy) and the User-Agent header.
public struct EventClient: Sendable, Equatable {
    public var ip: String?
    public var userAgent: String?

    public init(ip: String?, userAgent: String?) {
        self.ip = ip
        self.userAgent = userAgent
    }
}

/// An event before it is linked into its quote's chain: the store gives it its sequence number
/// and hashes, in the transaction of the change it records.
public struct EventDraft: Sendable {
    public var kind: QuoteEventKind
    public var at: Date
    public var actor: EventActor
    public var client: EventClient?
    public var details: EventDetails

    public init(
        kind: QuoteEventKind, at: Date, actor: EventActor, client: EventClient? = nil,
        details: EventDetails = EventDetails()
    ) {
        self.kind = kind
        self.at = at
        self.actor = actor
        self.client = client
        self.details = details
    }

    /// The time in whole milliseconds, as stored and hashed.
    var atMilliseconds: Int64 { Int64((at.timeIntervalSince1970 * 1000).rounded(.down)) }
}
