import Foundation
import QuoteCore

/// The events each change of the store records, the same in both stores (each runs only its
/// SQL): who, when and the few details a reader of the history needs.
enum EventDrafts {
    static func issued(_ request: IssueRequest) -> EventDraft {
        var details = EventDetails()
        details.set("revises", request.supersedes)
        return EventDraft(
            kind: .issued, at: request.now,
            actor: request.actor ?? EventActor(kind: .staff, name: request.issuer),
            details: details)
    }

    /// The first event of a quote just inserted: linked to the SHA-256 of its stored JSON.
    static func issuedEvent(_ request: IssueRequest, _ record: QuoteRecord) -> QuoteEvent {
        EventChain.link(
            issued(request), number: record.number, sequence: 1,
            previousHash: EventChain.quoteHash(record.quoteJSON))
    }

    /// On the revised quote, in the revision's transaction.
    static func superseded(_ request: IssueRequest, by number: String) -> EventDraft {
        EventDraft(
            kind: .superseded, at: request.now,
            actor: request.actor ?? EventActor(kind: .staff, name: request.issuer),
            details: EventDetails(["by": .text(number)]))
    }

    static func decided(_ request: DecisionRequest) -> EventDraft {
        var details = EventDetails()
        details.set("decision", request.decision.rawValue)
        details.set("channel", request.channel)
        details.set("note", request.note)
        details.set("finalSHA256", Digest.sha256Hex(Array(request.finalJSON.utf8)))
        if let evidence = request.evidence {
            details.set("typedName", evidence.name)
            details.set("consentVersion", evidence.consentVersion)
            details.set("consentLanguage", evidence.consentLanguage)
            details.set("documentSHA256", evidence.documentSHA256)
        }
        return EventDraft(
            kind: .decided, at: request.at,
            actor: request.actor ?? decider(request.decidedBy, role: request.role),
            client: request.client, details: details)
    }

    /// The actor of a decision recorded without one: the customer when the role says so, else staff.
    static func decider(_ name: String, role: String?) -> EventActor {
        role == "customer"
            ? EventActor(kind: .customer, name: name, role: role)
            : EventActor(kind: .staff, name: name, role: role)
    }

    static func voided(_ request: VoidRequest) -> EventDraft {
        EventDraft(
            kind: .voided, at: request.at,
            actor: request.actor ?? EventActor(kind: .staff, name: request.voidedBy),
            details: EventDetails(["reason": .text(request.reason)]))
    }

    static func linkMade(at: Date, actor: EventActor?) -> EventDraft {
        EventDraft(kind: .linkMade, at: at, actor: actor ?? .system("service"))
    }

    /// An e-mail queued.
    static func queued(_ message: OutboxMessage, at: Date, actor: EventActor?) -> EventDraft {
        emailed("queued", message, at: at, actor: actor)
    }

    /// An e-mail sent by the outbox sender.
    static func sent(at: Date) -> (OutboxMessage) -> EventDraft {
        { emailed("sent", $0, at: at, actor: nil) }
    }

    /// A failed attempt: retried later (`retrying`), or given up (`failed`), with why.
    static func failed(_ reason: String, retryAt: Date?) -> (OutboxMessage) -> EventDraft {
        { emailed(retryAt == nil ? "failed" : "retrying", $0, at: Date(), actor: nil, reason: reason) }
    }

    private static func emailed(
        _ state: String, _ message: OutboxMessage, at: Date, actor: EventActor?, reason: String? = nil
    ) -> EventDraft {
        var details = EventDetails()
        details.set("state", state)
        details.set("outboxID", Int(message.id))
        details.set("message", message.kind.rawValue)
        details.set("reason", reason)
        return EventDraft(kind: .emailed, at: at, actor: actor ?? .system("outbox"), details: details)
    }

    /// The expiry sweep found the quote undecided past its `validUntil` (recorded once).
    static func expired(at: Date) -> EventDraft {
        EventDraft(kind: .expired, at: at, actor: .system("expiry-sweep"), details: EventDetails())
    }

    /// The sweep queued the reminder e-mail of an undecided quote (once), before `validUntil`.
    static func reminded(at: Date, validUntil: CivilDate, outboxID: Int64) -> EventDraft {
        var details = EventDetails()
        details.set("validUntil", validUntil.description)
        details.set("outboxID", Int(outboxID))
        return EventDraft(kind: .reminded, at: at, actor: .system("expiry-sweep"), details: details)
    }

    /// The first time the customer opened the link (later views only count, in `quote_views`).
    static func viewed(at: Date, via: String, client: EventClient?) -> EventDraft {
        EventDraft(
            kind: .viewed, at: at, actor: EventActor(kind: .customer, name: "customer", role: "customer"),
            client: client, details: EventDetails(["via": .text(via)]))
    }
}
