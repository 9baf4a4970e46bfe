import Crypto
import Foundation
import GRDB
import Logging
import PostgresNIO

/// `repairquote store copy`: a whole SQLite store into an empty PostgreSQL database, in one
/// transaction, verified by row counts and a SHA-256 of every table's rows read back from both
/// sides before it commits.
public enum StoreCopy {
    /// Counts per table, in copy order.
    public struct Report: Sendable, Equatable {
        public var counts: [(table: String, rows: Int)]
        public static func == (a: Report, b: Report) -> Bool {
            a.counts.map(\.table) == b.counts.map(\.table) && a.counts.map(\.rows) == b.counts.map(\.rows)
        }
    }

    public struct Refused: Error, CustomStringConvertible {
        public let description: String
    }

    public static func copy(from source: SQLiteQuoteRepository, to target: PostgresQuoteRepository)
        async throws
        -> Report
    {
        try await target.transaction { connection in
            for table in StoreTable.all {
                let rows = try await connection.query(
                    PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table.name)"), logger: target.logger
                ).collect()
                let count = try rows.first?.decode(Int.self) ?? 0
                guard count == 0 else {
                    throw Refused(description: "the target is not empty: \(table.name) has \(count) rows")
                }
            }
            var report = Report(counts: [])
            for table in StoreTable.all {
                let rows = try await source.writer.read { db in try sqliteRows(db, table) }
                for start in stride(from: 0, to: rows.count, by: 500) {
                    try await insert(
                        connection, table, rows[start..<min(rows.count, start + 500)], logger: target.logger)
                }
                if table.hasIdentity {
                    try await connection.query(
                        PostgresQuery(
                            unsafeSQL: """
                                SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'),
                                    COALESCE((SELECT max(id) FROM \(table.name)), 0) + 1, false)
                                """), logger: target.logger)
                }
                let copied = try await postgresRows(connection, table, logger: target.logger)
                guard copied.count == rows.count else {
                    throw Refused(
                        description: "\(table.name): \(rows.count) rows read, \(copied.count) written")
                }
                guard checksum(copied) == checksum(rows) else {
                    throw Refused(description: "\(table.name): the rows written differ from the rows read")
                }
                report.counts.append((table.name, rows.count))
            }
            return report
        }
    }

    /// SHA-256 (hex) of the rows, one canonical line each.
    static func checksum(_ rows: [[StoreValue]]) -> String {
        var hash = SHA256()
        for row in rows {
            hash.update(data: Array((row.map(\.canonical).joined(separator: "\u{1F}") + "\n").utf8))
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Written as plain loops: the closure form (`map` over rows, then over columns) crashed the
    /// Swift 6.3.1 optimizer in release builds (CopyPropagation, an ownership verifier failure).
    static func sqliteRows(_ db: Database, _ table: StoreTable) throws -> [[StoreValue]] {
        let order = table.key.map { "\($0) COLLATE BINARY" }.joined(separator: ", ")
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(table.columnList) FROM \(table.name) ORDER BY \(order)")
        var values: [[StoreValue]] = []
        values.reserveCapacity(rows.count)
        for row in rows {
            var line: [StoreValue] = []
            for (index, column) in table.columns.enumerated() {
                line.append(storeValue(row[index], kind: column.kind))
            }
            values.append(line)
        }
        return values
    }

    static func storeValue(_ value: DatabaseValue, kind: StoreTable.Kind) -> StoreValue {
        if value.isNull { return .null }
        switch kind {
        case .text: return String.fromDatabaseValue(value).map(StoreValue.text) ?? .null
        case .integer: return Int64.fromDatabaseValue(value).map(StoreValue.integer) ?? .null
        case .double: return Double.fromDatabaseValue(value).map(StoreValue.double) ?? .null
        }
    }

    static func postgresRows(_ connection: PostgresConnection, _ table: StoreTable, logger: Logger)
        async throws
        -> [[StoreValue]]
    {
        let order = table.key.map { key in
            table.columns.first { $0.name == key }?.kind == .text ? "\(key) COLLATE \"C\"" : key
        }
        let query = "SELECT \(table.columnList) FROM \(table.name) ORDER BY \(order.joined(separator: ", "))"
        var rows: [[StoreValue]] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: query), logger: logger) {
            let cells = row.makeRandomAccess()
            rows.append(
                try table.columns.indices.map { index in
                    let cell = cells[index]
                    guard cell.bytes != nil else { return .null }
                    switch table.columns[index].kind {
                    case .text: return .text(try cell.decode(String.self))
                    case .integer: return .integer(try cell.decode(Int64.self))
                    case .double: return .double(try cell.decode(Double.self))
                    }
                })
        }
        return rows
    }

    static func insert(
        _ connection: PostgresConnection, _ table: StoreTable, _ rows: ArraySlice<[StoreValue]>,
        logger: Logger
    ) async throws {
        guard !rows.isEmpty else { return }
        var bindings = PostgresBindings(capacity: rows.count * table.columns.count)
        var tuples: [String] = []
        for row in rows {
            var placeholders: [String] = []
            for (index, value) in row.enumerated() {
                switch value {
                case .null:
                    switch table.columns[index].kind {
                    case .text: bindings.append(String?.none)
                    case .integer: bindings.append(Int64?.none)
                    case .double: bindings.append(Double?.none)
                    }
                case .text(let text): bindings.append(text)
                case .integer(let integer): bindings.append(integer)
                case .double(let double): bindings.append(double)
                }
                placeholders.append("$\(bindings.count)")
            }
            tuples.append("(" + placeholders.joined(separator: ", ") + ")")
        }
        let overriding = table.hasIdentity ? " OVERRIDING SYSTEM VALUE" : ""
        let sql =
            "INSERT INTO \(table.name) (\(table.columnList))\(overriding) VALUES "
            + tuples.joined(separator: ", ")
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
    }
}
