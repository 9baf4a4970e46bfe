extension QuoteRepository {
    /// Quotes per issue month by state (``ConversionRow``), months in order.
    public func conversionReport(_ filter: ReportFilter) async throws -> [ConversionRow] {
        try await aggregate(.conversion(filter)).map { row in
            let n = row.dropFirst().map { Int($0.integer) }
            return ConversionRow(
                month: row[0].text, issued: n[0], accepted: n[1], rejected: n[2], expired: n[3], void: n[4],
                superseded: n[5], open: n[6])
        }
    }

    /// Days from issue to decision per issue month and channel (``DecisionTimeRow``).
    public func decisionTimeReport(_ filter: ReportFilter) async throws -> [DecisionTimeRow] {
        DecisionTimeRow.rows(histogram: try await aggregate(.decisionDays(filter)))
    }

    /// Decided charges per issue month, currency and payer (``PayerChargeRow``): the accepted
    /// and rejected rows of `export --summary --by issue`, summed over markets.
    public func payerReport(_ filter: ReportFilter) async throws -> [PayerChargeRow] {
        try await aggregate(.payers(filter)).map { row in
            PayerChargeRow(
                month: row[0].text, currency: row[1].text, payer: row[2].text, quotes: Int(row[3].integer),
                lines: Int(row[4].integer), net: row[5].integer, vat: row[6].integer, gross: row[7].integer)
        }
    }

    /// The `limit` models (or case kinds) the manufacturer was charged most for, per currency
    /// (currencies in code order, most net first, ties by name).
    public func topCostReport(_ filter: ReportFilter, by dimension: TopCostDimension, limit: Int = 10)
        async throws -> [TopCostRow]
    {
        let rows = try await aggregate(.manufacturerCost(filter, by: dimension.column)).map { row in
            TopCostRow(
                name: row[0].text, currency: row[1].text, quotes: Int(row[2].integer), net: row[3].integer,
                gross: row[4].integer)
        }
        // Sorted here, not by the stores' collations, so that ties fall the same way on both.
        var perCurrency: [String: Int] = [:]
        return rows.sorted { ($0.currency, -$0.net, $0.name) < ($1.currency, -$1.net, $1.name) }.filter {
            row in
            perCurrency[row.currency, default: 0] += 1
            return perCurrency[row.currency]! <= limit
        }
    }
}
