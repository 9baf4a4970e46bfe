import QuoteCore
import QuoteStore

/// Why a use case of ``QuoteDesk`` refused, in the domain's words. The API answers each with a
/// status and JSON body in one place (``APIError/mapping(_:)-(DeskError)``); the console shows it
/// as a page in one place (``ConsoleAccess/page(_:_:)``). A case that breaks the engine's rules
/// stays QuoteCore's `ValidationError`, named by its field path.
public enum DeskError: Error, Equatable, Sendable {
    /// No such quote, or one the caller may not see (answered alike, so numbers cannot be probed).
    case notFound
    /// The caller's role may not do this (``Role/may(_:)``).
    case forbidden(Role)
    /// The quote's state does not allow this now (answered, replaced, void).
    case conflict(String)
    /// A request field is wrong: the field (nil: the whole request) and what is wrong.
    case invalid(field: String?, String)
    /// Too many concurrent changes of one device's ledger: retry.
    case busy(String)
    /// No such thing other than a quote (a webhook endpoint, a delivery), or another caller's.
    case missing(String)

    /// The domain error of a store refusal.
    init(_ error: StoreError) {
        switch error {
        case .notFound: self = .notFound
        case .alreadyDecided(let decision): self = .conflict("the quote was already \(decision.rawValue)")
        case .idempotencyKeyReused:
            self = .invalid(field: "Idempotency-Key", "the key was used with another request")
        case .contention: self = .busy("too many concurrent issues for this device, retry")
        case .lifecycle(.otherMarket(let market)):
            self = .invalid(field: "market", LifecycleError.otherMarket(expected: market).description)
        case .lifecycle(let error): self = .conflict(error.description)
        }
    }

    /// The field a refusal names, if any.
    var field: String? {
        if case .invalid(let field, _) = self { field } else { nil }
    }
}
