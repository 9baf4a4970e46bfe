import QuoteCore

/// One finance report as the rows it shows: a header and typed cells, the same rows for the
/// console's table and chart, its "Download CSV" and `repairquote export --report` (whose text
/// is each cell's ``Cell/csv``: amounts with all their minor digits and a `.`).
public struct ReportTable: Sendable, Equatable {
    /// The four reports, by the name `--report` takes.
    public enum Kind: String, Sendable, CaseIterable {
        case conversion
        case decisionTime = "decision-time"
        case payers
        case topModels = "top-models"
    }

    /// A cell, typed so that a page can write it in the user's language.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case count(Int)
        case month(String)
        /// Minor units of a currency (its code).
        case amount(Int64, String)
        /// Per mille, with one decimal when written as a percentage; nil: nothing to rate.
        case perMille(Int?)

        /// The CSV text: 13900 EUR → `139.00`, 375 per mille → `37.5`.
        public var csv: String {
            switch self {
            case .text(let text), .month(let text): text
            case .count(let n): String(n)
            case .amount(let minor, let code):
                Decimals.format(minor, scale: Currency.known[code]?.minorUnits ?? 2)
            case .perMille(let value): value.map { Decimals.format(Int64($0), scale: 1) } ?? ""
            }
        }
    }

    public var kind: Kind
    public var header: [String]
    public var cells: [[Cell]]

    /// The rows as CSV text.
    public var rows: [[String]] { cells.map { $0.map(\.csv) } }

    /// The report of `kind` over the quotes of `filter`.
    public static func load(_ kind: Kind, _ filter: ReportFilter, from repo: some QuoteRepository)
        async throws
        -> ReportTable
    {
        switch kind {
        case .conversion:
            return ReportTable(
                kind: kind,
                header: [
                    "month", "issued", "accepted", "rejected", "expired", "void", "superseded", "open",
                    "decidedOrExpired", "acceptanceRate",
                ],
                cells: try await repo.conversionReport(filter).map { r in
                    [.month(r.month)]
                        + [
                            r.issued, r.accepted, r.rejected, r.expired, r.void, r.superseded, r.open,
                            r.decidedOrExpired,
                        ]
                        .map(Cell.count) + [.perMille(r.acceptancePerMille)]
                })
        case .decisionTime:
            return ReportTable(
                kind: kind, header: ["month", "channel", "decided", "medianDays", "p90Days"],
                cells: try await repo.decisionTimeReport(filter).map { r in
                    [
                        .month(r.month), .text(r.channel), .count(r.decided), .count(r.medianDays),
                        .count(r.p90Days),
                    ]
                })
        case .payers:
            return ReportTable(
                kind: kind, header: ["month", "currency", "payer", "quotes", "lines", "net", "vat", "gross"],
                cells: try await repo.payerReport(filter).map { r in
                    [.month(r.month), .text(r.currency), .text(r.payer), .count(r.quotes), .count(r.lines)]
                        + [r.net, r.vat, r.gross].map { .amount($0, r.currency) }
                })
        case .topModels:
            var cells: [[Cell]] = []
            for dimension in TopCostDimension.allCases {
                cells += try await repo.topCostReport(filter, by: dimension).map { r in
                    [
                        .text(dimension.rawValue), .text(r.name), .text(r.currency), .count(r.quotes),
                        .amount(r.net, r.currency), .amount(r.gross, r.currency),
                    ]
                }
            }
            return ReportTable(
                kind: kind, header: ["ranks", "name", "currency", "quotes", "net", "gross"], cells: cells)
        }
    }
}
