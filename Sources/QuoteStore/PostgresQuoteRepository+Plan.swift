import PostgresNIO

extension PostgresQuoteRepository {
    /// PostgreSQL's plan of a list page (`EXPLAIN`), one line per row of its output, such as
    /// `Bitmap Index Scan on quotes_search_trgm`; empty when the page needs no query. With
    /// `withoutSeqScan`, as the planner would choose were the table large (`enable_seqscan =
    /// off`): on a small table a sequential scan is rightly cheaper than any index.
    public func listPlan(_ query: QuoteQuery, withoutSeqScan: Bool = false) async throws -> [String] {
        let filter = QuoteListFilter(query, index: .pgTrigram)
        if filter.matchesNothing { return [] }
        let list = Self.listQuery(filter)
        return try await withConnection { connection in
            let setting = withoutSeqScan ? "off" : "on"
            try await connection.query(
                "SELECT set_config('enable_seqscan', \(setting), false)", logger: self.logger)
            let lines: [String]
            do {
                lines = try await Self.rows(
                    connection, PostgresQuery(unsafeSQL: "EXPLAIN " + list.sql, binds: list.binds),
                    logger: self.logger
                ).map { try $0[0].decode(String.self) }
            } catch {
                _ = try? await connection.query("RESET enable_seqscan", logger: self.logger)
                throw error
            }
            try await connection.query("RESET enable_seqscan", logger: self.logger)
            return lines
        }
    }
}
