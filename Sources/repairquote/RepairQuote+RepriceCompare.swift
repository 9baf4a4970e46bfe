import ArgumentParser
import Foundation
import PriceListLoading
import QuoteCore
import QuoteFinance

/// `reprice --compare OLD NEW`: the cost of a price change per payer (see `PriceComparer`).
extension RepriceCommand {
    /// Exactly one of `--on DATE` and `--compare OLD NEW`; `--all-states` only with `--compare --db`.
    func validateDateOrCompare() throws {
        switch (on, compare.isEmpty) {
        case (nil, true): throw ValidationError("give --on DATE or --compare OLD NEW")
        case (.some, false): throw ValidationError("give either --on DATE or --compare OLD NEW, not both")
        case (.some(let on), true):
            guard CivilDate(on) != nil else {
                throw ValidationError("--on: \"\(on)\" is not a date YYYY-MM-DD")
            }
            if allStates { throw ValidationError("--all-states: only with --compare OLD NEW") }
        case (nil, false):
            guard compare.count == 2 else {
                throw ValidationError("--compare: expected two version folders OLD NEW, got \(compare.count)")
            }
            if allStates, db == nil {
                throw ValidationError("--all-states: only with --db (a file has no states)")
            }
        }
    }

    /// Loads OLD and NEW (general rules as `prices diff` finds them); two markets are exit 2.
    func loadVersions() throws -> (old: PriceList, new: PriceList) {
        try CLIError.guarding {
            do {
                let defaults = priceLists.directory()
                let (a, b) = (compare[0], compare[1])
                let old = try PriceListLoader.loadVersion(
                    folder: a,
                    generalFolder: GeneralRulesSource.resolve(
                        side: a, other: b, priceLists: priceLists.priceLists, defaultPriceLists: defaults
                    ).folder)
                let new = try PriceListLoader.loadVersion(
                    folder: b,
                    generalFolder: GeneralRulesSource.resolve(
                        side: b, other: a, priceLists: priceLists.priceLists, defaultPriceLists: defaults
                    ).folder)
                guard old.settings.market == new.settings.market,
                    old.settings.currency == new.settings.currency
                else {
                    throw CLIError.badInput(
                        "--compare: \(a) is \(old.settings.market) (\(old.settings.currency.code)), \(b) is "
                            + "\(new.settings.market) (\(new.settings.currency.code)): give two versions of one market"
                    )
                }
                return (old, new)
            } catch let error as PriceListError {
                throw CLIError.badInput("--compare: \(error)")
            }
        }
    }

    func runCompare() throws {
        let (book, (catalog, versions, input)) = try workbook.open(before: {
            try CLIError.guarding {
                (
                    try priceLists.loadCatalog(), try loadVersions(),
                    try storeInput()
                        ?? InputFile(file ?? "-")
                )
            }
        })
        let comparer = {
            var comparer = PriceComparer(
                old: versions.old, new: versions.new, catalog: catalog, allStates: allStates)
            comparer.booking = booking.filter(fromStore: db != nil)
            return comparer
        }()
        if let book {
            return try book.fill(
                from: input, jobs: jobs.jobs, rows: summary ? nil : ("Quotes", ComparisonReport.header),
                summaryHeader: ComparisonSummary.header, skipInvalid: invalidLines.skipInvalid,
                process: { comparer.compare($0, style: $1 ? .none : .results) })
        }
        let (format, csv, summary) = (spreadsheet.format, csv, summary)
        let style: Repricer.ReportStyle = summary ? .none : csv ? .csv(format) : .text
        try ReportRun.run(
            input: input, jobs: jobs.jobs, skipInvalid: invalidLines.skipInvalid,
            head: csv ? format.record(summary ? ComparisonSummary.header : ComparisonReport.header) : "",
            totals: ComparisonSummary(), process: { comparer.compare($0, style: style) },
            merge: { $0.merge($1.summary) },
            tail: {
                Self.tail(csv: csv, summary: summary, lines: $0.lines, records: $0.records(format), format)
            })
    }

    /// The end of a text or CSV report: `summary:` lines as text; with `--summary --csv` the totals'
    /// records; nothing after CSV rows.
    static func tail(csv: Bool, summary: Bool, lines: [String], records: [[String]], _ format: CSVFormat)
        -> String
    {
        guard csv else { return lines.map { "summary: \($0)\n" }.joined() }
        return summary ? records.map(format.record).joined() : ""
    }
}
