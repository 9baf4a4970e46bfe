import QuoteStore

/// The stored quotes a caller may see.
struct QuoteAccess<Repository: QuoteRepository> {
    let repo: Repository

    /// The quote, when `principal` may read it. Another retailer's quote is answered 404 exactly
    /// like a number that does not exist, so numbers cannot be probed.
    func readable(_ number: String, by principal: Principal) async throws -> QuoteRecord {
        guard let record = try await repo.quote(number: number), principal.mayRead(issuer: record.issuer)
        else { throw StoreError.notFound }
        return record
    }
}
