/// Why one attempt of an issue stopped before writing, the same in both stores: the ledger
/// changed since the quote was computed (compute it again), or the idempotency key names a quote
/// already issued with the same body (answer with that one).
enum IssueRetry: Error {
    case ledgerChanged
    case replay(String)
}

extension QuoteRepository {
    typealias IssueRetry = QuoteStore.IssueRetry
}
