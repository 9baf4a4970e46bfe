import Foundation
import PostgresNIO
import QuoteCore

extension PostgresQuoteRepository {
    /// The market and number compare in byte order (`COLLATE "C"`), as SQLite sorts them, so both
    /// stores export in the same order.
    public func exportPage(after: ExportKey?, today: CivilDate, zones: [String: TimeZone], limit: Int)
        async throws
        -> ExportPage
    {
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
            return ExportPage(
                lines: lines,
                last: records.last.map { ExportKey(market: $0.market.rawValue, number: $0.number) })
        }
    }
}
