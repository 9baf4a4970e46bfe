import QuoteCore

/// Totals of charge rows by market × month (of the request date) × payer × currency, summed exactly
/// in minor units.
public struct ExportSummary: Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public var market: String
        /// `YYYY-MM`
        public var month: String
        public var payer: String
        public var currency: Currency

        public static func < (a: Key, b: Key) -> Bool {
            (a.market, a.month, a.payer, a.currency.code) < (b.market, b.month, b.payer, b.currency.code)
        }
    }

    public struct Sums: Hashable, Sendable {
        public var quotes = 0
        public var lines = 0
        public var net: Int64 = 0
        public var vat: Int64 = 0
        public var gross: Int64 = 0
    }

    public private(set) var groups: [Key: Sums] = [:]

    public init() {}

    public static let header = [
        "market", "month", "payer", "currency", "quotes", "lines", "net", "vat", "gross",
    ]

    /// Adds the rows of one quote (a quote counts once per group it has lines in).
    public mutating func add(quote rows: [ChargeRow]) {
        var seen = Set<Key>()
        for row in rows {
            let date = row.requestDate.description
            let key = Key(
                market: row.market, month: String(date.prefix(7)), payer: row.payer, currency: row.currency)
            var sums = groups[key] ?? Sums()
            if seen.insert(key).inserted { sums.quotes += 1 }
            sums.lines += 1
            sums.net += row.net
            sums.vat += row.vat
            sums.gross += row.gross
            groups[key] = sums
        }
    }

    public mutating func merge(_ other: ExportSummary) {
        for (key, s) in other.groups {
            var sums = groups[key] ?? Sums()
            sums.quotes += s.quotes
            sums.lines += s.lines
            sums.net += s.net
            sums.vat += s.vat
            sums.gross += s.gross
            groups[key] = sums
        }
    }

    /// The CSV records, sorted by market, month, payer and currency.
    public var records: [[String]] { records(.standard) }

    /// The CSV records, amounts with the format's decimal separator.
    public func records(_ format: CSVFormat) -> [[String]] {
        groups.keys.sorted().map { key in
            let s = groups[key]!
            let scale = key.currency.minorUnits
            return [
                key.market, key.month, key.payer, key.currency.code, String(s.quotes), String(s.lines),
                format.amount(s.net, scale: scale), format.amount(s.vat, scale: scale),
                format.amount(s.gross, scale: scale),
            ]
        }
    }
}

/// What exporting a batch of lines gave: CSV records (in line order), the batch's summary, and the
/// report of invalid lines.
public struct ExportBatchResult: BatchOutput {
    public var csv = ""
    public var summary = ExportSummary()
    public var invalid: [String] = []
    public var lines = 0
    public var output: String { csv }
}

public enum QuoteExporter {
    /// Exports a batch: rows as CSV text unless `summaryOnly`, always the summary.
    public static func export(_ batch: LineBatch, summaryOnly: Bool, format: CSVFormat = .standard)
        -> ExportBatchResult
    {
        var result = ExportBatchResult()
        let (lines, invalid) = batch.forEachRecord { (_, bytes) throws(ValidationError) in
            let rows = try rows(bytes)
            result.summary.add(quote: rows)
            if !summaryOnly { for row in rows { result.csv += format.record(row.fields(format)) } }
        }
        (result.lines, result.invalid) = (lines, invalid)
        return result
    }

    static func rows(_ bytes: UnsafeBufferPointer<UInt8>) throws(ValidationError) -> [ChargeRow] {
        do {
            return try ChargeRow.rows(try JSONParser.parse(Array(bytes)))
        } catch let error as JSONParser.SyntaxError {
            throw ValidationError(field: "", "malformed JSON: \(error)")
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError(field: "", "\(error)")
        }
    }
}
