import PostgresNIO

extension PostgresQuoteRepository {
    /// One page of the export (see ``SQLiteQuoteRepository/writeJSONLines(_:)``): the JSON lines
    /// of up to `limit` quotes after `after` (market, number), and the last of them.
    public func jsonLines(after: (market: String, number: String)?, limit: Int = 1000) async throws
        -> (lines: [String], last: (market: String, number: String)?)
    {
        let market = after?.market ?? ""
        let number = after?.number ?? ""
        return try await withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT market, number, case_json, quote_json FROM quotes
                WHERE (market COLLATE "C", number COLLATE "C") > (\(market), \(number))
                ORDER BY market COLLATE "C", number COLLATE "C" LIMIT \(limit)
                """, logger: self.logger)
            var lines: [String] = []
            var last: (market: String, number: String)?
            for try await (market, number, caseJSON, quoteJSON) in rows.decode((String, String, String, String).self) {
                lines.append("{\"case\":\(caseJSON),\"quote\":\(quoteJSON)}\n")
                last = (market, number)
            }
            return (lines, last)
        }
    }
}
