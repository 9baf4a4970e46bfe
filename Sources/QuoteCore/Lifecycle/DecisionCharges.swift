/// Which charges a customer's answer fixes, the rule written once: accepting fixes the quote's own
/// lines and totals; rejecting fixes what the quote says a rejection costs (`ifRejected`: an
/// inspection fee, the device returned unrepaired), or the quote's own lines where it says nothing
/// (its charges do not depend on the answer). A quote still pending is counted as quoted.
///
/// A computed ``Quote`` follows it (`quote.charges(for: .rejected)`), and so does a stored quote's
/// JSON (QuoteJSON's `DecidedCharges`), which the service records with a decision and finance
/// exports: both read the same rule, so the totals finance reports are what the customer agreed to.
public protocol DecisionCharges {
    associatedtype Charges
    /// The quote's own lines and totals.
    var quotedCharges: Charges { get }
    /// What a rejection costs, when the quote says.
    var chargesIfRejected: Charges? { get }
}

extension DecisionCharges {
    /// The charges `decision` fixes.
    public func charges(for decision: Decision) -> Charges {
        switch decision {
        case .rejected: chargesIfRejected ?? quotedCharges
        case .accepted, .pending: quotedCharges
        }
    }
}

extension Quote: DecisionCharges {
    public var quotedCharges: Alternative { Alternative(lines: lines, totals: totals) }
    public var chargesIfRejected: Alternative? { ifRejected }
}
