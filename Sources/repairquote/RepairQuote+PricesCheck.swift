import ArgumentParser
import Foundation
import PriceListLoading

/// `repairquote prices check [DIR]`: every error of every market and version, in one run.
struct PricesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every market and version of a folder of price lists, reporting every error.",
        discussion: """
            Prints one line per error, FILE:LINE: FIELD: message, sorted by file, then a summary \
            (8 lists in 7 markets: 0 errors). Catches what otherwise surfaces only when a case is \
            quoted: part models missing from the policy's model table (with "did you mean"), missing \
            swap units, overlapping effectiveFrom dates, a currency or VAT rate that differs from \
            the market's, zero prices, duplicate keys, decimal commas.

            A labour code or part without a name in one of the market's languages (names.<lang>.yaml) \
            is a warning line (warning: FILE:LINE: …), counted in the summary; warnings alone exit 0. \
            See docs/price-lists.md.

            Exit status: 0 no error, 1 errors found, 2 DIR is not a folder of price lists.
            """)

    @Argument(
        help: ArgumentHelp(
            "Folder of price lists (default: as --price-lists of quote: ./PriceLists or the shipped one).",
            valueName: "DIR"))
    var directory: String?

    func run() throws {
        let folder = DataFolder.resolve(
            explicit: directory, environment: "REPAIRQUOTE_PRICE_LISTS", name: "PriceLists")
        let report = try CLIError.guarding {
            do {
                return try PriceListCheck.run(directory: folder)
            } catch {
                throw CLIError.badInput("\(error)")
            }
        }
        let warnings = report.warnings.map { "warning: \($0)\n" }.joined()
        StandardOutput.write(report.errors.map { "\($0)\n" }.joined() + warnings + report.summary + "\n")
        if !report.isClean { throw ExitCode(1) }
    }
}
