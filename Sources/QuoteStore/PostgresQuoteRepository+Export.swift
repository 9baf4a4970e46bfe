import Foundation
import PostgresNIO
import QuoteCore

extension PostgresQuoteRepository {
    /// One page of the export (see ``SQLiteQuoteRepository/writeJSONLines(today:_:)``): the lines
    /// of up to `limit` quotes after `after` (market, number, in byte order as SQLite sorts), and
    /// the last of them; `zones` as there.
    public func jsonLines(
        after: (market: String, number: String)?, today: CivilDate, zones: [String: TimeZone] = [:],
        limit: Int = 1000
    ) async throws -> (lines: [String], last: (market: String, number: String)?) {
        let market = after?.market ?? ""
        let number = after?.number ?? ""
        return try await withConnection { connection in
            let rows = try await Self.rows(
                connection,
                Self.selectSQL(
                    """
                    WHERE (q.market COLLATE "C", q.number COLLATE "C") > (\(market), \(number))
                    ORDER BY q.market COLLATE "C", q.number COLLATE "C" LIMIT \(limit)
                    """), logger: self.logger)
            let records = try rows.map(Self.record)
            let lines = records.map { $0.exportLine(today: today, zone: zones[$0.market.rawValue]) }
            return (lines, records.last.map { ($0.market.rawValue, $0.number) })
        }
    }
}
