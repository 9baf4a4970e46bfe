import QuoteCore
import QuoteJSON

/// `reconcile`: the decided charges of stored quotes (per quote and payer) against the rows an
/// ERP booked. Charges are collected first (``add(_:)``, from the finance pipeline), then the
/// ledger streams through ``book(_:)`` row by row, so memory grows with the quotes, not the ledger.
/// Two ledger rows of one quote and payer are added up. A charge of zero without a ledger row is
/// no difference.
public final class Reconciler {
    struct Key: Hashable, Comparable {
        var quote: String
        var payer: String
        static func < (a: Key, b: Key) -> Bool { (a.quote, a.payer) < (b.quote, b.payer) }
    }

    struct Charge {
        var market: String
        var currency: Currency
        var charged: Int64
        var ledger: Int64 = 0
        /// The first ledger line booking it; 0 when none.
        var ledgerLine = 0
    }

    struct QuoteInfo {
        var market: String
        var currency: Currency
    }

    let format: CSVFormat
    var charges: [Key: Charge] = [:]
    var quotes: [String: QuoteInfo] = [:]
    /// Ledger rows with no such quote or charge, in ledger order.
    var strays: [ReconcileFinding] = []
    public private(set) var ledgerRows = 0

    /// `format` says the ledger's decimal separator.
    public init(format: CSVFormat) { self.format = format }

    /// Adds the charges of a batch of stored quotes.
    public func add(_ batch: ChargeBatch) {
        for quote in batch.quotes {
            quotes[quote.number] = QuoteInfo(market: quote.market, currency: quote.currency)
            for (payer, gross) in quote.charges {
                let key = Key(quote: quote.number, payer: payer)
                var charge =
                    charges[key] ?? Charge(market: quote.market, currency: quote.currency, charged: 0)
                charge.charged = charge.charged.addingChecked(gross)
                charges[key] = charge
            }
        }
    }

    /// Matches one ledger row; a malformed amount or payer is bad input.
    public func book(_ row: LedgerRow, columns: LedgerReader.Columns) throws(LedgerError) {
        ledgerRows += 1
        guard !row.quote.isEmpty else {
            throw LedgerError(line: row.line, column: columns.quote, message: "is empty")
        }
        guard Payer(rawValue: row.payer) != nil else {
            throw LedgerError(
                line: row.line, column: columns.payer,
                message: "\"\(row.payer)\" is not a payer (consumer, manufacturer or retailer)")
        }
        let key = Key(quote: row.quote, payer: row.payer)
        let currency = charges[key]?.currency ?? quotes[row.quote]?.currency
        let amount = try parse(
            row.amount, scale: currency?.minorUnits ?? 6, line: row.line, column: columns.amount)
        if var charge = charges[key] {
            charge.ledger = charge.ledger.addingChecked(amount)
            if charge.ledgerLine == 0 { charge.ledgerLine = row.line }
            charges[key] = charge
            return
        }
        let info = quotes[row.quote]
        strays.append(
            ReconcileFinding(
                kind: info == nil ? .noQuote : .noCharge, ledgerLine: row.line, quote: row.quote,
                market: info?.market ?? "", currency: info?.currency, payer: row.payer, charged: nil,
                ledger: info == nil ? nil : amount, ledgerText: row.amount))
    }

    /// An amount strictly: `-?digits` with at most `scale` decimals after the format's decimal
    /// separator; no thousands separators, spaces or signs other than a leading minus.
    func parse(_ text: String, scale: Int, line: Int, column: String) throws(LedgerError) -> Int64 {
        let separator: Character = format.decimalComma ? "," : "."
        let other: Character = format.decimalComma ? "." : ","
        guard !text.contains(other) else {
            throw LedgerError(
                line: line, column: column,
                message:
                    "\"\(text)\": expected '\(separator)' as the decimal separator and no thousands separator"
            )
        }
        do {
            return try Decimals.parse(
                format.decimalComma ? String(text.map { $0 == "," ? "." : $0 }) : text, scale: scale)
        } catch {
            let message: String
            switch error {
            case .tooManyDecimals: message = "\"\(text)\" has more than \(scale) decimals"
            case .tooLarge: message = "\"\(text)\" is too large"
            default: message = "\"\(text)\" is not an amount (e.g. \"12\(separator)50\")"
            }
            throw LedgerError(line: line, column: column, message: message)
        }
    }

    /// Everything found, in order: the ledger rows without a quote or charge (ledger order), then
    /// the charges without a ledger row and the amounts that differ (by quote and payer), and the
    /// summary.
    public func finish() -> Reconciliation {
        var summary = ReconcileSummary(ledgerRows: ledgerRows)
        var found: [ReconcileFinding] = []
        for (key, c) in charges {
            guard c.charged != 0 || c.ledgerLine != 0 else { continue }
            let kind: ReconcileFinding.Kind? =
                c.ledgerLine == 0 ? .noLedgerRow : c.ledger != c.charged ? .amountDiffers : nil
            summary.add(charge: c, payer: key.payer, kind: kind)
            guard let kind else { continue }
            found.append(
                ReconcileFinding(
                    kind: kind, ledgerLine: c.ledgerLine, quote: key.quote, market: c.market,
                    currency: c.currency,
                    payer: key.payer, charged: c.charged, ledger: kind == .noLedgerRow ? nil : c.ledger,
                    ledgerText: ""))
        }
        for stray in strays { summary.add(stray: stray) }
        found.sort { ($0.quote, $0.payer) < ($1.quote, $1.payer) }
        return Reconciliation(findings: strays + found, summary: summary)
    }
}

/// What reconciling found, and its exit status: 0 everything matched, 1 something differs.
public struct Reconciliation: Sendable {
    public var findings: [ReconcileFinding]
    public var summary: ReconcileSummary
    public var exitCode: Int32 { findings.isEmpty ? 0 : 1 }
}

/// The charges of a batch of stored quotes, per quote and payer (the decided charges from the
/// store, the quote's lines from a file), with the lines that cannot be read.
public struct ChargeBatch: BatchOutput {
    public struct QuoteCharges: Sendable {
        public var number: String
        public var market: String
        public var currency: Currency
        public var charges: [(payer: String, gross: Int64)]
    }

    public var quotes: [QuoteCharges] = []
    public var invalid: [String] = []
    public var lines = 0
    public var output: String { "" }

    /// The charges of every quote in `batch` that has a number (drafts cannot be booked) and whose
    /// date on `booking`'s basis lies in its range (`--by decision --from … --to …`: one month).
    public static func read(_ batch: LineBatch, booking: BookingFilter = BookingFilter()) -> ChargeBatch {
        var result = ChargeBatch()
        let (lines, invalid) = batch.forEachRecord { (_, bytes) throws(ValidationError) in
            let json: JSONValue
            do {
                json = try JSONParser.parse(Array(bytes))
            } catch {
                throw ValidationError(field: "", "malformed JSON: \(error)")
            }
            let quote = try ChargeRow.rows(json)
            guard booking.keeps(booking.date(of: quote)) else { return }
            guard case .object(let o) = json, case .object(let q)? = o["quote"],
                case .string(let number)? = q["number"],
                !number.isEmpty
            else { return }
            result.quotes.append(
                QuoteCharges(
                    number: number, market: quote.market, currency: quote.currency,
                    charges: quote.rows.map { ($0.payer, $0.gross) }))
        }
        (result.lines, result.invalid) = (lines, invalid)
        return result
    }
}
