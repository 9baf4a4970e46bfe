/// The rules of a quote's life after issue: who may answer, revise or void it, and when. Each
/// check returns the refusal as a ``LifecycleError`` (HTTP 409) rather than a Bool, so the reason
/// reaches the user.
public enum QuoteLifecycle {
    /// The longest note or reason, in characters.
    public static let maxNoteLength = 500
    /// How far back a case's `requestDate` (the intake date) may lie when it is issued.
    public static let maxRequestAgeDays = 30

    /// A decision may be recorded on an open quote; the same decision again changes nothing; a
    /// different one is refused.
    public static func checkDecision(_ decision: Decision, state: QuoteState) throws(LifecycleError) {
        switch state {
        case .issued, .expired: return
        case .accepted, .rejected:
            guard state.rawValue == decision.rawValue else { throw .alreadyDecided(state) }
        case .superseded: throw .superseded
        case .void: throw .void
        }
    }

    /// Only an undecided quote that is neither replaced nor void can be revised.
    public static func checkRevision(state: QuoteState) throws(LifecycleError) {
        switch state {
        case .issued, .expired: return
        case .accepted, .rejected: throw .alreadyDecided(state)
        case .superseded: throw .superseded
        case .void: throw .void
        }
    }

    /// Only an undecided quote can be voided; a void quote stays void.
    public static func checkVoid(state: QuoteState) throws(LifecycleError) {
        try checkRevision(state: state)
    }

    /// The intake date of a case to issue on `today`: not later than today, and at most
    /// ``maxRequestAgeDays`` back (the warranty windows count from it).
    public static func checkRequestDate(_ requestDate: CivilDate, today: CivilDate) throws(ValidationError) {
        if requestDate > today {
            throw ValidationError(field: "requestDate", "\(requestDate) is after today (\(today))")
        }
        if requestDate < today.adding(days: -maxRequestAgeDays) {
            throw ValidationError(
                field: "requestDate",
                "\(requestDate) is more than \(maxRequestAgeDays) days before today (\(today))")
        }
    }

    /// A note or a reason: 1 to 500 characters of one line (no control or text-direction
    /// characters).
    public static func checkText(_ text: String, field: String, required: Bool) throws(ValidationError) {
        if required && text.trimmingSpaces.isEmpty {
            throw ValidationError(field: field, "must not be empty")
        }
        if text.count > maxNoteLength {
            throw ValidationError(field: field, "is longer than \(maxNoteLength) characters")
        }
        guard TextSafety.isClean(text) else {
            throw ValidationError(field: field, "contains a control or text-direction character")
        }
    }
}

/// Why a quote cannot move on (HTTP 409).
public enum LifecycleError: Error, Equatable, Sendable, CustomStringConvertible {
    case alreadyDecided(QuoteState)
    case superseded
    case void
    /// A revision must stay in the market of the quote it replaces (HTTP 422).
    case otherMarket(expected: String)

    public var description: String {
        switch self {
        case .alreadyDecided(let state): "the quote was already \(state.rawValue)"
        case .superseded: "the quote was replaced by a revision"
        case .void: "the quote is void"
        case .otherMarket(let market): "a revision must be in the market of the quote it revises (\(market))"
        }
    }
}
