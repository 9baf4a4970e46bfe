/// Where a stored quote stands in its life (issue → answer, or revision, void, expiry).
///
/// `void` and `superseded` end a quote whatever else holds; a decided quote is `accepted` or
/// `rejected` for good; an undecided one is `issued` until its `validUntil` has passed, then
/// `expired`.
public enum QuoteState: String, Sendable, CaseIterable, Codable {
    /// No answer yet, still valid.
    case issued
    /// No answer, past `validUntil`.
    case expired
    case accepted
    case rejected
    /// Replaced by a revision (`supersededBy` names it).
    case superseded
    /// Withdrawn by the issuer, with a reason.
    case void

    /// The state of a quote from what is stored about it, on `today` in its market.
    ///
    /// `QuoteState(decision: nil, superseded: false, voided: false, validUntil: 2026-03-16, today: 2026-03-17)`
    /// is `.expired`.
    public init(decision: Decision?, superseded: Bool, voided: Bool, validUntil: CivilDate, today: CivilDate)
    {
        if voided {
            self = .void
        } else if superseded {
            self = .superseded
        } else if let decision, decision != .pending {
            self = decision == .accepted ? .accepted : .rejected
        } else {
            self = today > validUntil ? .expired : .issued
        }
    }

    /// Whether an answer may still be recorded: not once replaced or withdrawn. (An expired quote
    /// may still be answered by staff who heard the customer in time; the customer link refuses.)
    public var isOpen: Bool { self == .issued || self == .expired }

    /// Whether the quote is decided.
    public var isDecided: Bool { self == .accepted || self == .rejected }
}
