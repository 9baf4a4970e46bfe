import Foundation
import GRDB
import PostgresNIO

/// A result row read by column name, the little the row mapping needs of a driver: GRDB's `Row`
/// and PostgresNIO's `PostgresRandomAccessRow` both conform, so ``QuoteRecord/init(row:)`` and
/// ``OutboxMessage/init(row:)`` are written once for both stores.
protocol ColumnReader {
    func string(_ column: String) throws -> String
    func optionalString(_ column: String) throws -> String?
    func integer(_ column: String) throws -> Int64
    func optionalInteger(_ column: String) throws -> Int64?
    func double(_ column: String) throws -> Double
    func optionalDouble(_ column: String) throws -> Double?
}

extension ColumnReader {
    /// A date column, stored as seconds since 1970.
    func date(_ column: String) throws -> Date { Date(timeIntervalSince1970: try double(column)) }

    func optionalDate(_ column: String) throws -> Date? {
        try optionalDouble(column).map(Date.init(timeIntervalSince1970:))
    }

    /// A text column converted to its type by `convert`; a value it refuses is a
    /// ``StoredRowError`` naming the quote, never a default.
    func typed<Value>(_ column: String, quote: String, _ convert: (String) -> Value?) throws -> Value {
        let raw = try string(column)
        guard let value = convert(raw) else { throw StoredRowError(quote: quote, column: column, value: raw) }
        return value
    }
}

extension Row: ColumnReader {
    func string(_ column: String) throws -> String { try decode(String.self, forColumn: column) }
    func optionalString(_ column: String) throws -> String? { try decode(String?.self, forColumn: column) }
    func integer(_ column: String) throws -> Int64 { try decode(Int64.self, forColumn: column) }
    func optionalInteger(_ column: String) throws -> Int64? { try decode(Int64?.self, forColumn: column) }
    func double(_ column: String) throws -> Double { try decode(Double.self, forColumn: column) }
    func optionalDouble(_ column: String) throws -> Double? { try decode(Double?.self, forColumn: column) }
}

extension PostgresRandomAccessRow: ColumnReader {
    func string(_ column: String) throws -> String { try self[column].decode(String.self) }
    func optionalString(_ column: String) throws -> String? { try self[column].decode(String?.self) }
    func integer(_ column: String) throws -> Int64 { try self[column].decode(Int64.self) }
    func optionalInteger(_ column: String) throws -> Int64? { try self[column].decode(Int64?.self) }
    func double(_ column: String) throws -> Double { try self[column].decode(Double.self) }
    func optionalDouble(_ column: String) throws -> Double? { try self[column].decode(Double?.self) }
}

/// A stored row whose value does not convert to its type (a market code, a date, a coverage
/// status, a case kind or a state the code does not know): the store was written by something
/// else, or by hand.
public struct StoredRowError: Error, Equatable, CustomStringConvertible {
    /// The quote the row belongs to.
    public var quote: String
    public var column: String
    public var value: String

    public var description: String { "quote \(quote): stored \(column) \"\(value)\" is not valid" }
}
