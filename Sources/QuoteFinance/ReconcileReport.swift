import QuoteCore

/// One thing `reconcile` found. The difference is ledger minus charged.
public struct ReconcileFinding: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// A ledger row whose quote is not in the input.
        case noQuote = "no-quote"
        /// A ledger row for a quote that charges that payer nothing.
        case noCharge = "no-charge"
        /// A charge that no ledger row books.
        case noLedgerRow = "no-ledger-row"
        /// Booked, with another amount.
        case amountDiffers = "amount-differs"
    }

    public var kind: Kind
    /// The (first) ledger line; 0 when none.
    public var ledgerLine: Int
    public var quote: String
    public var market: String
    public var currency: Currency?
    public var payer: String
    public var charged: Int64?
    public var ledger: Int64?
    /// The ledger's amount as written, for a row of an unknown quote (no currency to read it in).
    public var ledgerText: String

    public var difference: Int64? {
        guard currency != nil else { return nil }
        return (ledger ?? 0).subtractingChecked(charged ?? 0)
    }

    func amount(_ value: Int64?) -> String {
        guard let value, let currency else { return ledgerText }
        return Decimals.format(value, scale: currency.minorUnits)
    }

    /// `ledger line 17: NL-2026-000123 consumer 120.00: no such quote`
    /// `NL-2026-000125 consumer: charged 85.40, no ledger row`
    /// `NL-2026-000126 consumer (ledger line 40): charged 120.00, ledger 121.00, ledger − charged +1.00`
    public var text: String {
        switch kind {
        case .noQuote:
            return "ledger line \(ledgerLine): \(quote) \(payer) \(ledgerText): no such quote"
        case .noCharge:
            return
                "ledger line \(ledgerLine): \(quote) \(payer) \(amount(ledger)): the quote charges the \(payer) nothing"
        case .noLedgerRow:
            return "\(quote) \(payer): charged \(amount(charged)), no ledger row"
        case .amountDiffers:
            return
                "\(quote) \(payer) (ledger line \(ledgerLine)): charged \(amount(charged)), ledger \(amount(ledger)), "
                + "ledger − charged \(PayerAmounts.signed(difference ?? 0, scale: currency?.minorUnits ?? 0))"
        }
    }

    public static let header = [
        "finding", "ledgerLine", "quote", "market", "currency", "payer", "charged", "ledger", "difference",
    ]

    /// The CSV fields (`header`); amounts with the format's decimal separator.
    public func fields(_ format: CSVFormat) -> [String] {
        func money(_ value: Int64?) -> String {
            guard let value, let currency else { return "" }
            return format.amount(value, scale: currency.minorUnits)
        }
        return [
            kind.rawValue, ledgerLine == 0 ? "" : String(ledgerLine), quote, market, currency?.code ?? "",
            payer,
            money(charged), kind == .noQuote ? ledgerText : money(ledger),
            kind == .noQuote ? "" : money(difference),
        ]
    }
}

/// Totals of a reconciliation per market, currency and payer: the charges, their sum and the sum
/// the ledger booked for them, and how many matched, differ, lack a ledger row, and the ledger rows
/// for a known quote that charges that payer nothing; plus the rows of unknown quotes.
public struct ReconcileSummary: Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public var market: String
        public var currency: Currency
        public var payer: String
        public static func < (a: Key, b: Key) -> Bool {
            (a.market, a.currency.code, a.payer) < (b.market, b.currency.code, b.payer)
        }
    }

    public struct Sums: Hashable, Sendable {
        public var charges = 0
        public var charged: Int64 = 0
        public var ledger: Int64 = 0
        public var matched = 0
        public var differing = 0
        public var noLedgerRow = 0
        public var noCharge = 0
    }

    public var ledgerRows: Int
    public private(set) var groups: [Key: Sums] = [:]
    public private(set) var unknownQuoteRows = 0

    mutating func add(charge: Reconciler.Charge, payer: String, kind: ReconcileFinding.Kind?) {
        var sums = groups[Key(market: charge.market, currency: charge.currency, payer: payer)] ?? Sums()
        sums.charges += 1
        sums.charged = sums.charged.addingChecked(charge.charged)
        sums.ledger = sums.ledger.addingChecked(charge.ledger)
        switch kind {
        case nil: sums.matched += 1
        case .amountDiffers: sums.differing += 1
        case .noLedgerRow: sums.noLedgerRow += 1
        case .noQuote, .noCharge: break
        }
        groups[Key(market: charge.market, currency: charge.currency, payer: payer)] = sums
    }

    mutating func add(stray: ReconcileFinding) {
        guard let currency = stray.currency else {
            unknownQuoteRows += 1
            return
        }
        let key = Key(market: stray.market, currency: currency, payer: stray.payer)
        var sums = groups[key] ?? Sums()
        sums.noCharge += 1
        sums.ledger = sums.ledger.addingChecked(stray.ledger ?? 0)
        groups[key] = sums
    }

    /// `NL EUR consumer: 812 charges 45012.30, ledger 45013.30 (+1.00): 810 matched, 1 differing,
    /// 1 without a ledger row, 0 ledger rows without a charge`, then the ledger's count.
    public var lines: [String] {
        groups.keys.sorted().map { key in
            let s = groups[key]!
            let scale = key.currency.minorUnits
            return "\(key.market) \(key.currency.code) \(key.payer): \(s.charges) charges "
                + "\(Decimals.format(s.charged, scale: scale)), ledger \(Decimals.format(s.ledger, scale: scale)) "
                + "(\(PayerAmounts.signed(s.ledger.subtractingChecked(s.charged), scale: scale))): "
                + "\(s.matched) matched, \(s.differing) differing, \(s.noLedgerRow) without a ledger row, "
                + "\(s.noCharge) ledger rows without a charge"
        } + [
            "\(ledgerRows) ledger rows read"
                + (unknownQuoteRows > 0 ? ", \(unknownQuoteRows) of quotes not in the input" : "")
        ]
    }
}
