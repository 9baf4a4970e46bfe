import GRDB

extension SQLiteQuoteRepository {
    public func aggregate(_ statement: ReportStatement) async throws -> [[ReportStatement.Cell]] {
        let (sql, arguments) = Self.bound(statement.render)
        let kinds = statement.kinds
        return try await writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                kinds.indices.map { index in
                    kinds[index] == .integer
                        ? .integer(row[index] as Int64? ?? 0) : .text(row[index] as String? ?? "")
                }
            }
        }
    }

    /// The SQL and arguments of a statement written once for both stores (``QuoteListFilter``,
    /// ``ReportStatement``): `?` for each value, in order.
    static func bound(
        _ render: (_ literal: (String) -> Void, _ value: (QuoteListFilter.Value) -> Void) -> Void
    ) -> (String, StatementArguments) {
        var sql = ""
        var arguments: [DatabaseValue] = []
        render({ sql += $0 }) { value in
            sql += "?"
            switch value {
            case .text(let text): arguments.append(text.databaseValue)
            case .integer(let integer): arguments.append(integer.databaseValue)
            }
        }
        return (sql, StatementArguments(arguments))
    }

    /// Writes the report facts of a quote just inserted (``ReportFacts``).
    static func insertReportFacts(_ db: Database, _ facts: ReportFacts) throws {
        try db.cachedStatement(
            sql: "INSERT INTO report_quotes (quote_number, currency, model_family) VALUES (?, ?, ?)"
        ).execute(arguments: [facts.number, facts.currency, facts.modelFamily])
        for charge in facts.charges {
            try db.cachedStatement(
                sql: """
                    INSERT INTO report_charges (quote_number, outcome, payer, lines, net, vat, gross)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                facts.number, charge.outcome.rawValue, charge.payer, charge.lines, charge.net, charge.vat,
                charge.gross,
            ])
        }
    }
}
