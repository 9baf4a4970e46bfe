import ArgumentParser
import Foundation
import QuoteCore
import QuoteFinance
import QuoteStore

/// `export --db … --report conversion|decision-time|payers|top-models` and its filters: a finance
/// report from the store's aggregate SQL, as CSV (the rows the console's reports page shows).
struct ReportOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "With --db: one finance report instead of charge lines: conversion, decision-time, payers or top-models.",
            valueName: "REPORT"))
    var report: ReportTable.Kind?

    @Option(help: ArgumentHelp("With --report: only quotes of this market.", valueName: "CODE"))
    var market: String?

    @Option(help: ArgumentHelp("With --report: only quotes in this currency.", valueName: "CODE"))
    var currency: String?

    @Option(
        help: ArgumentHelp(
            "With --report: the first month of the period (default: 11 months before --to-month).",
            valueName: "YYYY-MM"))
    var fromMonth: String?

    @Option(
        help: ArgumentHelp(
            "With --report: the last month of the period (default: this month).", valueName: "YYYY-MM"))
    var toMonth: String?

    @Option(help: ArgumentHelp("With --report: only quotes of this issuer.", valueName: "ISSUER"))
    var issuer: String?

    @Option(help: ArgumentHelp("With --report: only this model family (\"iPhone 15\").", valueName: "FAMILY"))
    var modelFamily: String?

    var input: ReportFilterInput {
        ReportFilterInput(
            market: market, currency: currency, from: fromMonth, to: toMonth, issuer: issuer,
            modelFamily: modelFamily)
    }

    /// The filter asked for on `today` (UTC); a refused value names its option.
    func filter(today: CivilDate) throws -> ReportFilter {
        switch input.filter(today: today, markets: nil) {
        case .success(let filter): return filter
        case .failure(let refusals):
            let options = [
                "market": "--market", "currency": "--currency", "from": "--from-month", "to": "--to-month",
            ]
            throw ValidationError(
                refusals.all.map {
                    "\(options[$0.field] ?? $0.field)\(String(describing: $0).drop { $0 != ":" })"
                }
                .joined(separator: "; "))
        }
    }

    /// Refuses a filter without --report, and a bad filter value.
    func validate() throws {
        let given = [market, currency, fromMonth, toMonth, issuer, modelFamily].contains { $0 != nil }
        if report == nil, given {
            throw ValidationError(
                "--market, --currency, --from-month, --to-month, --issuer, --model-family: only with --report"
            )
        }
        _ = try filter(today: CivilDate.today(in: TimeZone(identifier: "UTC")!))
    }

    /// Writes the report as CSV to standard output.
    func write(_ kind: ReportTable.Kind, database: DatabaseOptions, format: CSVFormat, bom: Bool) throws {
        let filter = try filter(today: CivilDate.today(in: TimeZone(identifier: "UTC")!))
        if case .sqlite(let path) = try database.location(), !FileManager.default.fileExists(atPath: path) {
            throw CLIError.badInput("--db: \(path) does not exist")
        }
        let table = try Blocking.run {
            let store = try await database.open()
            do {
                let table = try await ReportTable.load(kind, filter, from: store.repository)
                await store.close()
                return table
            } catch {
                await store.close()
                throw error
            }
        }
        var text = bom ? "\u{FEFF}" : ""
        for record in [table.header] + table.rows { text += format.record(record) }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension ReportTable.Kind: ExpressibleByArgument {}
