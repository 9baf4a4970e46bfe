import QuoteCore

/// Bad ledger input: the line (1-based, as an editor numbers it), the column and why.
/// `ledger.csv:17: gross: "12.345" has more than 2 decimals`.
public struct LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: String
    public var message: String
    public var description: String { "\(line): " + (column.isEmpty ? "" : "\(column): ") + message }
}

/// One ledger row: where it is, the quote number, the payer and the amount as written.
public struct LedgerRow: Sendable {
    public var line: Int
    public var quote: String
    public var payer: String
    public var amount: String
}

/// Reads an ERP's ledger CSV as a stream, in batches of lines: the header names the columns
/// (found by name, in any order, among others), then one row per quote and payer. Fields are
/// separated by the format's delimiter and may be quoted (RFC 4180, inner quotes doubled); a
/// quoted field may not span lines. A UTF-8 byte-order mark before the header is skipped.
public struct LedgerReader {
    public struct Columns: Sendable {
        public var quote: String
        public var payer: String
        public var amount: String
        public init(quote: String = "quote", payer: String = "payer", amount: String = "gross") {
            self.quote = quote
            self.payer = payer
            self.amount = amount
        }
    }

    let reader: any LineSource
    let delimiter: UInt8
    let columns: Columns

    public init(_ reader: any LineSource, delimiter: UInt8, columns: Columns) {
        self.reader = reader
        self.delimiter = delimiter
        self.columns = columns
    }

    /// Calls `body` with every row in order; stops at the first bad line.
    public func forEachRow(_ body: (LedgerRow) throws(LedgerError) -> Void) throws(LedgerError) {
        var indexes: [Int]?
        while let batch = reader.next(maxLines: 8192) {
            try batch.buffer.withUnsafeBufferPointer { (buffer) throws(LedgerError) in
                for line in batch.lines {
                    var bytes = UnsafeBufferPointer(rebasing: buffer[line.range])
                    if line.number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                        bytes = UnsafeBufferPointer(rebasing: bytes[3...])
                    }
                    if line.overlong {
                        throw LedgerError(line: line.number, column: "", message: "line too long")
                    }
                    if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
                    let fields = try Self.fields(bytes, delimiter: delimiter, line: line.number)
                    guard let indexes else {
                        indexes = try header(fields, line: line.number)
                        continue
                    }
                    func field(_ i: Int, _ name: String) throws(LedgerError) -> String {
                        guard indexes[i] < fields.count else {
                            throw LedgerError(
                                line: line.number, column: name,
                                message: "missing (the row has \(fields.count) fields)")
                        }
                        return fields[indexes[i]]
                    }
                    try body(
                        LedgerRow(
                            line: line.number, quote: try field(0, columns.quote),
                            payer: try field(1, columns.payer), amount: try field(2, columns.amount)))
                }
            }
        }
        if indexes == nil {
            throw LedgerError(line: 1, column: "", message: "no header row (the ledger is empty)")
        }
    }

    /// The positions of the quote, payer and amount columns in the header.
    func header(_ names: [String], line: Int) throws(LedgerError) -> [Int] {
        var found: [Int] = []
        for (name, option) in [
            (columns.quote, "--quote-column"), (columns.payer, "--payer-column"),
            (columns.amount, "--amount-column"),
        ] {
            guard let index = names.firstIndex(of: name) else {
                throw LedgerError(
                    line: line, column: name,
                    message:
                        "no such column in the header (\(names.joined(separator: ", "))); name it with \(option)"
                )
            }
            found.append(index)
        }
        return found
    }

    /// The fields of one CSV record on one line.
    static func fields(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, line: Int) throws(LedgerError)
        -> [String]
    {
        var fields: [String] = []
        var i = 0
        let quote = UInt8(ascii: "\"")
        while true {
            if i < bytes.count, bytes[i] == quote {
                var text: [UInt8] = []
                i += 1
                while true {
                    guard i < bytes.count else {
                        throw LedgerError(
                            line: line, column: "",
                            message: "field \(fields.count + 1): a quoted field is not closed")
                    }
                    if bytes[i] == quote {
                        if i + 1 < bytes.count, bytes[i + 1] == quote {
                            text.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    text.append(bytes[i])
                    i += 1
                }
                guard i == bytes.count || bytes[i] == delimiter else {
                    throw LedgerError(
                        line: line, column: "",
                        message: "field \(fields.count + 1): text after a closing quote")
                }
                fields.append(String(decoding: text, as: UTF8.self))
            } else {
                var end = i
                while end < bytes.count, bytes[end] != delimiter { end += 1 }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self))
                i = end
            }
            guard i < bytes.count else { return fields }
            i += 1  // the delimiter
        }
    }
}
