import QuoteCore

/// The customer's answer to a quote, as its documents, pages and e-mails show it.
///
/// Passed to `QuoteRenderer.render(…, decision:)`, a decided document says what was decided, when
/// and through which channel ("You accepted this quote on 12 March 2026 (by phone)."), and drops
/// the "if you decline" alternative; a rejected quote shows the charges of the return unrepaired
/// (`quote.ifRejected`) as its charges. A `pending` decision renders as no decision.
public struct DocumentDecision: Sendable, Equatable {
    /// `accepted` or `rejected`.
    public var decision: Decision
    /// The day it was decided, in the market's calendar.
    public var decidedOn: CivilDate
    /// How the answer was given: `in-person`, `phone`, `email`, `letter`, `customer-link` (the
    /// words come from the labels' `channel` section; an unknown code is shown as it is).
    public var channel: String
    /// The customer's typed-name signature of an acceptance through the link; nil for an answer
    /// recorded by staff (whose documents say that no customer signature exists).
    public var signature: Signature?

    public init(decision: Decision, decidedOn: CivilDate, channel: String, signature: Signature? = nil) {
        self.decision = decision
        self.decidedOn = decidedOn
        self.channel = channel
        self.signature = signature
    }

    /// Who accepted through the link, at what time of day (`14:10`) in which time zone
    /// (`Europe/Amsterdam`): "Accepted by Anna de Vries on 7 December 2026 at 14:10
    /// (Europe/Amsterdam) via the customer link."
    public struct Signature: Sendable, Equatable {
        public var name: String
        public var time: String
        public var zone: String

        public init(name: String, time: String, zone: String) {
            self.name = name
            self.time = time
            self.zone = zone
        }
    }

    /// Whether staff recorded the answer (any channel but the customer's link).
    var recordedByStaff: Bool { channel != DecisionChannel.customerLink.rawValue }
}

/// The pages of the customer link (`GET|POST /q/{token}`), rendered from
/// `Templates/customer.html.mustache` by `QuoteRenderer.customerPage(_:quote:case:language:marketLanguage:)`.
public enum CustomerPageKind: Sendable, Equatable {
    /// The quote document with the decision form (each button states its amount), or with the
    /// answer given once `decision` is set.
    case quote(decision: DocumentDecision?)
    /// After the customer's click: the quote number, the decision, the amount now due and what
    /// happens next.
    case confirmation(DocumentDecision)
    /// The link was used after the quote's last valid day, `on`.
    case expired(on: CivilDate)
    /// A newer quote replaces this one; `by` is its number when known.
    case superseded(by: String?)
    /// The service center withdrew the quote.
    case void
    /// No quote has this link (no quote is needed: pass nil).
    case unknownLink
    /// The form was sent without a choice.
    case badAnswer
    /// The quote was already answered (differently, or before): the answer given.
    case alreadyAnswered(DocumentDecision)
    /// The answer was refused before it was read, and nothing was recorded (see
    /// ``CustomerRefusal``); the page links back to the quote when one is known.
    case refused(CustomerRefusal)

    /// Its name in errors and CSS classes: "quote", "confirmation", "expired", …
    public var name: String {
        switch self {
        case .quote: "quote"
        case .confirmation: "confirmation"
        case .expired: "expired"
        case .superseded: "superseded"
        case .void: "void"
        case .unknownLink: "unknown-link"
        case .badAnswer: "bad-answer"
        case .alreadyAnswered: "already-answered"
        case .refused(let refusal): "refused-\(refusal.code)"
        }
    }
}

/// Why the customer link refused an answer without reading it. Each has a heading
/// (`page.<rawValue>Title`) and a sentence (`page.<rawValue>`) in every label file.
public enum CustomerRefusal: String, Sendable, Equatable, CaseIterable {
    /// The form was posted from another site's page (403).
    case crossSite
    /// The form was larger than an answer can be (413).
    case tooLarge
    /// The body was not the page's form (415).
    case notAForm
    /// The answer could not be recorded (the quote changed meanwhile, or the store refused it).
    case notRecorded
    /// The form did not arrive whole within the body deadline (408).
    case tooLate
    /// The form's HTTP framing was broken, such as a bad chunk size (400).
    case malformed

    /// Its name in CSS classes: `cross-site`, `too-large`, `not-a-form`, `not-recorded`,
    /// `too-late`, `malformed`.
    public var code: String {
        switch self {
        case .crossSite: "cross-site"
        case .tooLarge: "too-large"
        case .notAForm: "not-a-form"
        case .notRecorded: "not-recorded"
        case .tooLate: "too-late"
        case .malformed: "malformed"
        }
    }
}

extension LabelSet {
    /// The labels of decided documents, customer pages and confirmation e-mails, read by key
    /// (their sentences have placeholders): every label file must have them.
    static let decisionKeys: [String] = {
        var keys = [
            "title", "accepted", "rejected", "acceptedNext", "acceptedNextBy", "rejectedNext",
            "rejectedSummary",
        ].map {
            "decided.\($0)"
        }
        keys += ["in-person", "phone", "email", "letter", "customer-link"].map { "channel.\($0)" }
        keys += [
            "formTitle", "formIntro", "accept", "acceptRefund", "reject", "rejectRefund", "yourDecision",
            "decisionAccepted", "decisionRejected", "confirmationTitle", "alreadyAnsweredTitle",
            "alreadyAnswered", "expiredTitle", "expired", "supersededTitle", "superseded", "supersededBy",
            "replacedBy", "voidTitle", "void", "unknownLinkTitle", "unknownLink", "badAnswerTitle",
            "badAnswer",
            "back",
        ].map { "page.\($0)" }
        keys += CustomerRefusal.allCases.flatMap { ["page.\($0.rawValue)Title", "page.\($0.rawValue)"] }
        return keys + ["email.confirmationSubject", "email.reminderSubject", "email.reminder"]
    }()
}
