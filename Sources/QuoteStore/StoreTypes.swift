import Foundation
import QuoteCore

/// A request to issue a quote.
public struct IssueRequest: Sendable {
    public var serviceCase: ServiceCase
    /// Who issued it: a retailer id, or the service center's key name.
    public var issuer: String
    public var idempotencyKey: String?
    /// SHA-256 (hex) of the request body and issuer, to recognise a retry of the same request.
    public var requestHash: String
    public var now: Date
    /// Whether the market grants one-time benefits, so the device's ledger must be read (G-10).
    public var checksBenefits: Bool
    /// The number of the quote this one revises: it becomes `superseded`, and the one-time
    /// benefits it granted are released to this one.
    public var supersedes: String?
    /// The day the quote is issued in its market: its dates run from then (``QuoteCore/Quote/issued(on:)``).
    /// Nil keeps the engine's dates, which run from the case's request date.
    public var issuedOn: CivilDate?
    /// Who issues it, for the quote's history (nil: staff named by `issuer`).
    public var actor: EventActor? = nil

    public init(
        serviceCase: ServiceCase, issuer: String, idempotencyKey: String?, requestHash: String,
        now: Date = Date(), checksBenefits: Bool = true, supersedes: String? = nil, issuedOn: CivilDate? = nil
    ) {
        self.supersedes = supersedes
        self.issuedOn = issuedOn
        self.serviceCase = serviceCase
        self.issuer = issuer
        self.idempotencyKey = idempotencyKey
        self.requestHash = requestHash
        self.now = now
        self.checksBenefits = checksBenefits
    }
}

/// An issued quote and the customer token of its link (only the hash is stored).
public struct IssuedQuote: Sendable {
    public var record: QuoteRecord
    public var customerToken: String
}

/// A first issue, or the replay of an earlier one with the same idempotency key and body.
public enum IssueResult: Sendable {
    case issued(IssuedQuote)
    case replayed(IssuedQuote)

    public var issued: IssuedQuote {
        switch self {
        case .issued(let q), .replayed(let q): q
        }
    }
}

/// A stored quote: its case and quote JSON exactly as issued, and the decision when there is one.
public struct QuoteRecord: Sendable, Equatable {
    public var number: String
    public var market: MarketCode
    public var year: Int
    /// The kind of the case (`repair`, `doa`, …).
    public var kind: CaseKind
    /// The coverage status of the quote (`in-warranty`, `out-of-warranty`, …).
    public var coverageStatus: CoverageStatus
    public var issueDate: CivilDate
    public var validUntil: CivilDate
    public var issuer: String
    public var caseJSON: String
    public var quoteJSON: String
    public var priceListVersion: String
    public var createdAt: Date
    public var decision: DecisionRecord?
    /// The case's `reference`, the device model (for lists and exports).
    public var reference: String? = nil
    public var model: String? = nil
    /// The revision that replaced this quote, and the quote this one revises.
    public var supersededBy: String? = nil
    public var supersedes: String? = nil
    public var voided: VoidRecord? = nil
    /// What the consumer pays (the gross total), stored beside the quote so that a list shows it
    /// without recomputing the quote (``ConsumerTotal``).
    public var consumerTotal: Money? = nil

    /// `issued` until decided, then `accepted` or `rejected` (the decision alone; see `state`).
    public var status: String { decision?.decision.rawValue ?? "issued" }

    /// The lifecycle state on `today` (the market's today: expiry depends on it).
    public func state(today: CivilDate) -> QuoteState {
        QuoteState(
            decision: decision?.decision, superseded: supersededBy != nil, voided: voided != nil,
            validUntil: validUntil, today: today)
    }
}

/// Why and by whom a quote was withdrawn.
public struct VoidRecord: Sendable, Equatable {
    public var reason: String
    public var voidedAt: Date
    public var voidedBy: String
}

public struct VoidRequest: Sendable {
    public var number: String
    public var reason: String
    public var voidedBy: String
    public var today: CivilDate
    public var at: Date
    /// Who withdraws it, for the quote's history (nil: staff named by `voidedBy`).
    public var actor: EventActor? = nil
    public init(number: String, reason: String, voidedBy: String, today: CivilDate, at: Date = Date()) {
        self.number = number
        self.reason = reason
        self.voidedBy = voidedBy
        self.today = today
        self.at = at
    }
}

/// A customer's or staff member's final answer to a quote and the charges it fixes.
public struct DecisionRecord: Sendable, Equatable {
    public var decision: Decision
    public var decidedAt: Date
    /// `customer` for the token link, else the staff key's or user's name.
    public var decidedBy: String
    /// `{"lines": [...], "totals": {...}}`: the accepted lines, or the return-unrepaired ones.
    public var finalJSON: String
    /// The role of who recorded it (`service-center`, `retailer`, `customer`); nil for decisions
    /// recorded before roles were kept.
    public var role: String? = nil
    /// How the answer came (``QuoteCore/DecisionChannel``), and the recorder's note.
    public var channel: String? = nil
    public var note: String? = nil
    /// The customer's typed name, consent and client, for an acceptance through the link.
    public var evidence: AcceptanceEvidence? = nil
}

public struct DecisionRequest: Sendable {
    public var number: String
    public var decision: Decision
    public var decidedBy: String
    public var finalJSON: String
    public var role: String?
    public var channel: String?
    public var note: String?
    public var at: Date
    /// The market's today, for the state check.
    public var today: CivilDate?
    /// The e-mail address to send the confirmation to, when the case has one.
    public var confirmTo: String?
    public var language: String?
    /// Who decides, for the quote's history (nil: from `decidedBy` and `role`), and the client
    /// a customer decided from.
    public var actor: EventActor? = nil
    public var client: EventClient? = nil
    /// The customer's acceptance evidence (kept on the decision and in its event).
    public var evidence: AcceptanceEvidence? = nil
    public init(
        number: String, decision: Decision, decidedBy: String, finalJSON: String, role: String? = nil,
        channel: String? = nil, note: String? = nil, at: Date = Date(), today: CivilDate? = nil,
        confirmTo: String? = nil, language: String? = nil
    ) {
        self.number = number
        self.decision = decision
        self.decidedBy = decidedBy
        self.finalJSON = finalJSON
        self.role = role
        self.channel = channel
        self.note = note
        self.at = at
        self.today = today
        self.confirmTo = confirmTo
        self.language = language
    }
}

/// A new decision, or the same decision repeated (idempotent).
public enum DecisionResult: Sendable, Equatable {
    case recorded(DecisionRecord)
    case unchanged(DecisionRecord)
}

/// Filters of the quote list. Dates are `YYYY-MM-DD` issue dates, inclusive.
public struct QuoteQuery: Sendable, Equatable {
    public var market: String?
    /// `issued` `accepted` `rejected`, or a coverage status.
    public var status: String?
    /// A ``QuoteCore/QuoteState`` (needs `today` for `issued` and `expired`).
    public var state: QuoteState?
    /// Case-insensitive text in the number, reference, IMEI, serial, customer name, e-mail or model.
    public var text: String?
    /// The day `expired` is judged on.
    public var today: CivilDate?
    public var from: String?
    public var to: String?
    /// Only quotes of this issuer (retailers see their own).
    public var issuer: String?
    /// Only quotes of this device model (exactly as the case names it).
    public var model: String?
    /// The id after which the page starts (decoded from the opaque cursor).
    public var after: Int64
    public var limit: Int
    /// Newest first (the console's list): the page starts before `after` (0: at the newest).
    public var newestFirst = false
    /// Only quotes whose customer link was opened (true) or never opened (false).
    public var viewed: Bool?
    /// By the consumer total instead of issue order (currency by currency, quotes without a total
    /// last, the newest first among equal totals); such a list pages by `offset`, not `after`.
    public var totalOrder: TotalOrder?
    /// Rows skipped before the page (lists in ``totalOrder``).
    public var offset = 0

    /// The order of a list by the consumer total.
    public enum TotalOrder: String, Sendable, CaseIterable {
        case highestFirst, lowestFirst
    }

    public init(
        market: String? = nil, status: String? = nil, from: String? = nil, to: String? = nil,
        issuer: String? = nil, after: Int64 = 0, limit: Int = 50
    ) {
        self.market = market
        self.status = status
        self.from = from
        self.to = to
        self.issuer = issuer
        self.after = after
        self.limit = limit
    }
}

public struct QuotePage: Sendable {
    public var quotes: [QuoteRecord]
    /// The id to continue after, when there may be more.
    public var nextAfter: Int64?
}

public struct EmailRequest: Sendable {
    public var number: String
    public var recipient: String
    public var language: String?
    public var kind: OutboxMessage.Kind
    public var now: Date
    /// Who queues it, for the quote's history (nil: the service).
    public var actor: EventActor? = nil
    public init(
        number: String, recipient: String, language: String?, kind: OutboxMessage.Kind = .quote,
        now: Date = Date()
    ) {
        self.number = number
        self.recipient = recipient
        self.language = language
        self.kind = kind
        self.now = now
    }
}

/// One e-mail in the outbox. `messageID` is fixed per row, so a resend after a crash carries the
/// same Message-ID and the receiving side can drop the duplicate.
public struct OutboxMessage: Sendable, Equatable {
    public var id: Int64
    public var quoteNumber: String
    public var recipient: String
    public var language: String?
    public var messageID: String
    /// The customer link token; erased once the message is sent.
    public var customerToken: String?
    public var state: State
    public var attempts: Int
    /// Why the last attempt failed; for a `failed` message, why it was given up.
    public var lastError: String?
    public var queuedAt: Date
    public var sentAt: Date?
    public var kind: Kind = .quote

    /// The quote itself, the confirmation of a decision, or the reminder before its expiry.
    public enum Kind: String, Sendable {
        case quote, confirmation, reminder
    }

    /// Where a message stands: `pending` until it is sent or given up (`failed`), or `cancelled`
    /// when its quote was replaced or withdrawn first.
    public enum State: String, Sendable {
        case pending, sent, failed, cancelled
    }
}
