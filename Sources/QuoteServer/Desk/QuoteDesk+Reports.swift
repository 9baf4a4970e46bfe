import QuoteCore
import QuoteStore

extension QuoteDesk {
    /// The finance reports of `kinds` over the quotes `principal` reaches: a retailer's own,
    /// whatever issuer the input names (never an error that would tell another retailer's quotes
    /// exist). A refused filter comes back as its refusals, for the form to show beside each field.
    func reports(
        _ kinds: [ReportTable.Kind], _ input: ReportFilterInput, markets: Set<String>, by principal: Principal
    ) async throws -> Result<(ReportFilter, [ReportTable]), ReportFilterInput.Refusals> {
        try principal.authorize(.readReports)
        let today = services.today(MarketCode(input.market ?? ""))
        switch input.filter(today: today, markets: markets, issuer: principal.listIssuer) {
        case .failure(let refusals): return .failure(refusals)
        case .success(let filter):
            var tables: [ReportTable] = []
            for kind in kinds {
                tables.append(try await store { try await ReportTable.load(kind, filter, from: repo) })
            }
            return .success((filter, tables))
        }
    }
}
