import Foundation
import QuoteCore

extension QuoteRepository {
    /// The retry loop of ``QuoteRepository/issue(_:engine:)``, the same for both stores: prepare
    /// (compute with the ledger as it stands), `submit` to the store's group commit, and compute
    /// again when the ledger changed meanwhile (``IssueRetry/ledgerChanged``, or an error
    /// `isLedgerConflict` recognises: the ledger's UNIQUE constraint, a serialisation failure).
    /// A replay is answered by `replayed`. After 8 attempts, ``StoreError/contention``.
    func issue(
        _ request: IssueRequest, engine: any QuoteComputing,
        submit: (PreparedIssue) async throws -> IssueResult,
        isLedgerConflict: (any Error) -> Bool,
        replayed: (String) async throws -> IssueResult
    ) async throws -> IssueResult {
        for _ in 0..<8 {
            let prepared = try await prepare(request, engine: engine)
            do {
                return try await submit(prepared)
            } catch IssueRetry.ledgerChanged {
                continue
            } catch IssueRetry.replay(let number) {
                return try await replayed(number)
            } catch  where isLedgerConflict(error) {
                continue
            }
        }
        throw StoreError.contention
    }
}
