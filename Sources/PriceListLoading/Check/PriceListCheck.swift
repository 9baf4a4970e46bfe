import Foundation
import QuoteCore

/// `prices check`: reads every market and version under a folder of price lists and reports every
/// error in one run: what loading refuses (each file on its own, each CSV row on its own) and the
/// rules of `PriceListRules`. A broken market does not stop the others.
public enum PriceListCheck {
    /// Checks `directory`. Throws only when it is not a folder of price lists at all.
    public static func run(directory: String) throws(PriceListError) -> PriceListCheckReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw PriceListError(file: directory, line: nil, field: "", "is not a folder of price lists")
        }
        var report = PriceListCheckReport()
        var general: [RuleID: String]?
        do {
            general = try PriceListLoader.generalRules(
                PriceListLoader.path(directory, PriceListLoader.generalRulesFile))
        } catch {
            report.add([error], market: nil)
        }
        let markets = try PriceListLoader.subfolders(directory)
        for market in markets {
            let versions = versions(of: market, in: directory, general: general)
            report.versionsByMarket[market] = versions.count
            report.add(check(versions), market: market)
            report.warnings += versions.flatMap { v in PriceListRules.versionWarnings.flatMap { $0(v) } }
        }
        guard !markets.isEmpty else {
            throw PriceListError(file: directory, line: nil, field: "", "holds no market folder")
        }
        report.errors.sort(by: PriceListCheckReport.inFileOrder)
        report.warnings.sort(by: PriceListCheckReport.inFileOrder)
        return report
    }

    /// The market folder itself and every subfolder of it holding a `market.yaml`.
    static func versions(of market: String, in directory: String, general: [RuleID: String]?)
        -> [CheckedVersion]
    {
        let folder = PriceListLoader.path(directory, market)
        var versions = [CheckedVersion(folder: folder, market: market, isRoot: true, general: general)]
        for sub in (try? PriceListLoader.subfolders(folder)) ?? []
        where FileManager.default.fileExists(atPath: PriceListLoader.path(folder, sub, "market.yaml")) {
            versions.append(
                CheckedVersion(
                    folder: PriceListLoader.path(folder, sub), market: market, isRoot: false, general: general
                ))
        }
        return versions
    }

    /// Every error of one market's versions: reading errors, then each rule's.
    static func check(_ versions: [CheckedVersion]) -> [PriceListError] {
        var errors = versions.flatMap(\.errors)
        for v in versions {
            for rule in PriceListRules.versionRules { errors += rule(v) }
        }
        for rule in PriceListRules.marketRules { errors += rule(versions) }
        return errors
    }
}

/// What `prices check` found: every error, sorted by file and line, and how many versions of
/// each market were read.
public struct PriceListCheckReport: Sendable {
    public var errors: [PriceListError] = []
    /// What does not stop a quote but should be fixed: a name missing in one of the market's
    /// languages (the documents show the English one). Warnings do not make the check fail.
    public var warnings: [PriceListError] = []
    /// Market folder → versions read (the folder itself and its version subfolders).
    public var versionsByMarket: [String: Int] = [:]
    /// Market folder → errors found in it; `rules.yaml` errors count under no market.
    public var errorsByMarket: [String: Int] = [:]

    mutating func add(_ found: [PriceListError], market: String?) {
        errors += found
        if let market, !found.isEmpty { errorsByMarket[market, default: 0] += found.count }
    }

    public var isClean: Bool { errors.isEmpty }

    /// `8 lists in 7 markets: 0 errors`, or with the count per market:
    /// `8 lists in 7 markets: 3 errors (NL 2, US 1)`; warnings, when there are any, after the
    /// errors: `8 lists in 7 markets: 0 errors, 3 warnings`.
    public var summary: String {
        guard !warnings.isEmpty else { return errorSummary }
        let (head, counts) =
            errorSummary.firstIndex(of: "(").map {
                (String(errorSummary[..<$0].dropLast()), " " + errorSummary[$0...])
            } ?? (errorSummary, "")
        return head + ", \(warnings.count) \(warnings.count == 1 ? "warning" : "warnings")" + counts
    }

    var errorSummary: String {
        let lists = versionsByMarket.values.reduce(0, +)
        let head =
            "\(lists) \(lists == 1 ? "list" : "lists") in \(versionsByMarket.count) "
            + "\(versionsByMarket.count == 1 ? "market" : "markets"): \(errors.count) \(errors.count == 1 ? "error" : "errors")"
        guard !errors.isEmpty else { return head }
        var parts = errorsByMarket.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        let general = errors.count - errorsByMarket.values.reduce(0, +)
        if general > 0 { parts.append("\(PriceListLoader.generalRulesFile) \(general)") }
        return head + " (" + parts.joined(separator: ", ") + ")"
    }

    /// By file, then line (an error of the whole file first), field and message.
    static func inFileOrder(_ a: PriceListError, _ b: PriceListError) -> Bool {
        (a.file, a.line ?? 0, a.field, a.message) < (b.file, b.line ?? 0, b.field, b.message)
    }
}
