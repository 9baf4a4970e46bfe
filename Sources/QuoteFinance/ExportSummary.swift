import QuoteCore
import QuoteJSON

/// Totals of charge rows by market × month (of the booking date, ``BookingBasis``: the request date
/// unless told otherwise) × currency × state × payer,
/// summed exactly in minor units. A quote without exported charges (undecided, replaced or void,
/// from the store) is counted in a row of its state with an empty payer and zero amounts, so the
/// summary counts quotes per state and totals only what was decided.
public struct ExportSummary: Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public var market: String
        /// `YYYY-MM`; empty for a quote without a booking date (undecided, by decision).
        public var month: String
        public var currency: Currency
        /// The lifecycle state; empty for lines without the store's record.
        public var state: String
        public var payer: String

        public static func < (a: Key, b: Key) -> Bool {
            (a.market, a.month, a.currency.code, a.state, a.payer)
                < (b.market, b.month, b.currency.code, b.state, b.payer)
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
        "market", "month", "currency", "state", "payer", "quotes", "lines", "net", "vat", "gross",
    ]

    /// Adds the rows of one quote (a quote counts once per group it has lines in, or once in its
    /// state's row without a payer when it has none).
    public mutating func add(quote: QuoteRows) { add(quote: quote, bookedOn: quote.requestDate) }

    /// Adds the rows of one quote in the month of `bookedOn` (an empty month when nil).
    public mutating func add(quote: QuoteRows, bookedOn: CivilDate?) {
        let month = bookedOn.map { String($0.description.prefix(7)) } ?? ""
        guard !quote.rows.isEmpty else {
            guard !quote.state.isEmpty else { return }  // a file's quote without lines
            let key = Key(
                market: quote.market, month: month, currency: quote.currency, state: quote.state, payer: "")
            groups[key, default: Sums()].quotes += 1
            return
        }
        var seen = Set<Key>()
        for row in quote.rows {
            let key = Key(
                market: row.market, month: month, currency: row.currency, state: quote.state, payer: row.payer
            )
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

    /// The CSV records, sorted by market, month, currency, state and payer.
    public var records: [[String]] { records(.standard) }

    /// The CSV records, amounts with the format's decimal separator.
    public func records(_ format: CSVFormat) -> [[String]] { cells.map { $0.map { $0.csvField(format) } } }

    /// One row per group, in the order of the CSV (`ExportSummary.header`).
    public var cells: [[SpreadsheetCell]] {
        groups.keys.sorted().map { key in
            let s = groups[key]!
            return [
                .text(key.market), CivilDate(key.month + "-01").map(SpreadsheetCell.month) ?? .empty,
                .text(key.currency.code), .text(key.state),
                .text(key.payer), .integer(s.quotes), .integer(s.lines), .money(s.net, key.currency),
                .money(s.vat, key.currency), .money(s.gross, key.currency),
            ]
        }
    }
}

/// What exporting a batch of lines gave: CSV records (in line order), the batch's summary, and the
/// report of invalid lines.
public struct ExportBatchResult: BatchOutput {
    public var csv = ""
    /// The rows themselves, instead of `csv`, when asked for (a workbook writes them).
    public var rows: [ChargeRow] = []
    public var summary = ExportSummary()
    public var invalid: [String] = []
    public var lines = 0
    public var output: String { csv }
}

public enum QuoteExporter {
    /// Exports a batch: rows as CSV text (or as `rows` when `keepRows`) unless `summaryOnly`, always
    /// the summary.
    /// Only quotes whose date on `booking`'s basis lies in its range are exported; the summary
    /// books them in that date's month.
    public static func export(
        _ batch: LineBatch, summaryOnly: Bool, allStates: Bool = false, format: CSVFormat = .standard,
        keepRows: Bool = false, booking: BookingFilter = BookingFilter()
    ) -> ExportBatchResult {
        var result = ExportBatchResult()
        let (lines, invalid) = batch.forEachRecord { (_, bytes) throws(ValidationError) in
            let quote = try rows(bytes, allStates: allStates)
            let date = booking.date(of: quote)
            guard booking.keeps(date) else { return }
            result.summary.add(quote: quote, bookedOn: date)
            guard !summaryOnly else { return }
            if keepRows {
                result.rows += quote.rows
            } else {
                for row in quote.rows { result.csv += format.record(row.fields(format)) }
            }
        }
        (result.lines, result.invalid) = (lines, invalid)
        return result
    }

    static func rows(_ bytes: UnsafeBufferPointer<UInt8>, allStates: Bool) throws(ValidationError)
        -> QuoteRows
    {
        do {
            return try ChargeRow.rows(try JSONParser.parse(Array(bytes)), allStates: allStates)
        } catch let error as JSONParser.SyntaxError {
            throw ValidationError(field: "", "malformed JSON: \(error)")
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError(field: "", "\(error)")
        }
    }
}
