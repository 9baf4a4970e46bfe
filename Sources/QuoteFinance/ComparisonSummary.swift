import QuoteCore

/// Totals of `reprice --compare` per market and currency, exact in minor units: the quotes
/// compared, those a version cannot price, those without charges (undecided, from the store),
/// status and payer changes, and per payer the old and new charges over the quotes priced both
/// ways, the difference and the difference in percent of the old amount.
public struct ComparisonSummary: Sendable {
    public typealias Key = MarketCurrency

    public struct Sums: Hashable, Sendable {
        public var quotes = 0
        public var unpriced = 0
        public var uncharged = 0
        public var changedStatus = 0
        public var changedPayers = 0
        public var old = PayerAmounts()
        public var new = PayerAmounts()

        mutating func merge(_ s: Sums) {
            quotes += s.quotes
            unpriced += s.unpriced
            uncharged += s.uncharged
            changedStatus += s.changedStatus
            changedPayers += s.changedPayers
            old += s.old
            new += s.new
        }
    }

    public private(set) var groups: [Key: Sums] = [:]
    /// Quotes of other markets than the versions', not compared.
    public private(set) var otherMarkets = 0

    public init() {}

    public static let header =
        ["market", "currency", "quotes", "unpriced", "uncharged", "statusChanged", "payersChanged"]
        + Payer.allCases.flatMap {
            ["\($0.rawValue)Old", "\($0.rawValue)New", "\($0.rawValue)Difference", "\($0.rawValue)Percent"]
        }

    public mutating func add(_ outcome: PriceComparer.Outcome) {
        var sums = Sums()
        let key: Key
        switch outcome {
        case .otherMarket:
            otherMarkets += 1
            return
        case .notBooked: return
        case .uncharged(let market, let currency):
            key = Key(market: market, currency: currency)
            sums.uncharged = 1
        case .compared(let c):
            key = Key(market: c.market, currency: c.currency)
            sums.quotes = 1
            switch c.priced {
            case .success(let pair):
                (sums.old, sums.new) = (pair.old.amounts, pair.new.amounts)
                sums.changedStatus = c.statusChanged ? 1 : 0
                sums.changedPayers = c.payersChanged ? 1 : 0
            case .failure: sums.unpriced = 1
            }
        }
        groups[key, default: Sums()].merge(sums)
    }

    public mutating func merge(_ other: ComparisonSummary) {
        for (key, sums) in other.groups { groups[key, default: Sums()].merge(sums) }
        otherMarkets += other.otherMarkets
    }

    public func records(_ format: CSVFormat = .standard) -> [[String]] {
        cells.map { $0.map { $0.csvField(format) } }
    }

    /// One row per market and currency, in the order of `ComparisonSummary.header`.
    public var cells: [[SpreadsheetCell]] {
        groups.keys.sorted().map { key in
            let s = groups[key]!
            let money = Payer.allCases.flatMap { payer -> [SpreadsheetCell] in
                let (o, n) = (s.old[payer], s.new[payer])
                let percent = PercentChange.text(Int128(n) - Int128(o), of: Int128(o))
                return [
                    .money(o, key.currency), .money(n, key.currency),
                    .money(n.subtractingChecked(o), key.currency),
                    percent.map(SpreadsheetCell.percent) ?? .empty,
                ]
            }
            return [
                .text(key.market), .text(key.currency.code), .integer(s.quotes), .integer(s.unpriced),
                .integer(s.uncharged), .integer(s.changedStatus), .integer(s.changedPayers),
            ] + money
        }
    }

    /// `NL EUR: 1489 quotes, 0 unpriced, 0 uncharged, 0 status changed, 0 payers changed: consumer
    /// 56437.54 → 57570.69 (+1133.15, +2.01%); manufacturer …; retailer …`, then how many quotes of
    /// other markets were left out.
    public var lines: [String] {
        groups.keys.sorted().map { key in
            let s = groups[key]!
            let scale = key.currency.minorUnits
            let payers = Payer.allCases.map {
                "\($0.rawValue) " + ComparisonReport.change(s.old[$0], s.new[$0], scale: scale, percent: true)
            }
            return "\(key.market) \(key.currency.code): \(s.quotes) quotes, \(s.unpriced) unpriced, "
                + "\(s.uncharged) uncharged, \(s.changedStatus) status changed, \(s.changedPayers) payers changed: "
                + payers.joined(separator: "; ")
        } + (otherMarkets > 0 ? ["\(otherMarkets) quotes of other markets not compared"] : [])
    }
}

/// What comparing a batch of lines gave: the report (text or CSV records, in line order), the
/// comparisons themselves for a workbook, the batch's summary and the lines that cannot be read.
public struct ComparisonBatchResult: BatchOutput, SheetBatch {
    public var output = ""
    public var results: [PriceComparison] = []
    public var summary = ComparisonSummary()
    public var invalid: [String] = []
    public var lines = 0
    public var rowCells: [[SpreadsheetCell]] { results.map(\.cells) }
}

extension ComparisonSummary: SheetSummary {}

extension PriceComparer {
    /// Compares a batch of lines; blank lines are skipped.
    public func compare(_ batch: LineBatch, style: Repricer.ReportStyle) -> ComparisonBatchResult {
        var result = ComparisonBatchResult()
        let (lines, invalid) = batch.forEachRecord { (number, bytes) throws(ValidationError) in
            let outcome = try compare(bytes, line: number)
            result.summary.add(outcome)
            guard case .compared(let c) = outcome else { return }
            switch style {
            case .text: result.output += ComparisonReport.text(c)
            case .csv(let format): result.output += format.record(c.cells.map { $0.csvField(format) })
            case .results: result.results.append(c)
            case .none: break
            }
        }
        (result.lines, result.invalid) = (lines, invalid)
        return result
    }
}
