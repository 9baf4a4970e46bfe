import QuoteCore
import QuoteStore

extension QuoteDesk {
    /// Every quote a list's filter finds in the caller's reach, in the list's order (the console's
    /// "Download CSV"): the store's pages of 500, one after the other, to the last.
    func exportList(_ query: QuoteQuery, by principal: Principal) async throws -> [QuoteRecord] {
        try principal.authorize(.export)
        var query = query
        query.issuer = principal.listIssuer
        query.today = services.today(MarketCode(query.market ?? ""))
        (query.limit, query.after, query.offset) = (500, 0, 0)
        var records: [QuoteRecord] = []
        while true {
            let page = try await store { [query] in try await repo.list(query) }
            records += page.quotes
            guard let next = page.nextAfter else { return records }
            if query.totalOrder == nil { query.after = next } else { query.offset += query.limit }
        }
    }
}
