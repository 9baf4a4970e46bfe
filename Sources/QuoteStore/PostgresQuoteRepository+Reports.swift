import Logging
import PostgresNIO

extension PostgresQuoteRepository {
    public func aggregate(_ statement: ReportStatement) async throws -> [[ReportStatement.Cell]] {
        let query = Self.bound(statement.render)
        let rows = try await withConnection { connection in
            try await Self.rows(connection, query, logger: self.logger)
        }
        return try rows.map { row in
            try statement.kinds.indices.map { index in
                let cell = row[index]
                guard cell.bytes != nil else {
                    return statement.kinds[index] == .integer ? .integer(0) : .text("")
                }
                return statement.kinds[index] == .integer
                    ? .integer(try cell.decode(Int64.self)) : .text(try cell.decode(String.self))
            }
        }
    }

    /// The query of a statement written once for both stores (``QuoteListFilter``,
    /// ``ReportStatement``): `$1`, `$2` … for its values, in order.
    static func bound(
        _ render: (_ literal: (String) -> Void, _ value: (QuoteListFilter.Value) -> Void) -> Void
    ) -> PostgresQuery {
        var sql = PostgresQuery.StringInterpolation(literalCapacity: 1024, interpolationCount: 8)
        render({ sql.appendLiteral($0) }) { value in
            switch value {
            case .text(let text): sql.appendInterpolation(text)
            case .integer(let integer): sql.appendInterpolation(integer)
            }
        }
        return PostgresQuery(stringInterpolation: sql)
    }

    /// The report facts of one or more quotes (``ReportFacts``), as arrays for `unnest`: written
    /// by a single issue, a batch and the migration's back-fill alike.
    struct ReportFactColumns {
        var numbers: [String] = [], currencies: [String] = [], families: [String] = []
        var chargeNumbers: [String] = [], outcomes: [String] = [], payers: [String] = []
        var lines: [Int64] = [], net: [Int64] = [], vat: [Int64] = [], gross: [Int64] = []

        init() {}

        init(_ facts: ReportFacts) { append(facts) }

        var isEmpty: Bool { numbers.isEmpty }

        mutating func append(_ facts: ReportFacts) {
            numbers.append(facts.number)
            currencies.append(facts.currency)
            families.append(facts.modelFamily)
            for charge in facts.charges {
                chargeNumbers.append(facts.number)
                outcomes.append(charge.outcome.rawValue)
                payers.append(charge.payer)
                lines.append(charge.lines)
                net.append(charge.net)
                vat.append(charge.vat)
                gross.append(charge.gross)
            }
        }

        func insert(_ connection: PostgresConnection, logger: Logger) async throws {
            guard !isEmpty else { return }
            try await connection.query(
                """
                INSERT INTO report_quotes (quote_number, currency, model_family)
                SELECT * FROM unnest(\(numbers)::text[], \(currencies)::text[], \(families)::text[])
                """, logger: logger)
            guard !chargeNumbers.isEmpty else { return }
            try await connection.query(
                """
                INSERT INTO report_charges (quote_number, outcome, payer, lines, net, vat, gross)
                SELECT * FROM unnest(\(chargeNumbers)::text[], \(outcomes)::text[], \(payers)::text[],
                    \(lines)::int8[], \(net)::int8[], \(vat)::int8[], \(gross)::int8[])
                """, logger: logger)
        }
    }
}
