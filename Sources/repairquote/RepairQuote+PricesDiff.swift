import ArgumentParser
import Foundation
import PriceListLoading
import QuoteFinance

/// `repairquote prices diff OLD NEW [--csv]`: what changes from one price-list version to another.
struct PricesDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List every change between two price-list version folders.",
        discussion: """
            OLD and NEW are version folders (each with market.yaml, labor.csv, parts.csv, \
            policy.yaml), e.g. PriceLists/NL/2025.1 PriceLists/NL. Lists every added, removed and \
            changed part, labour code, logistics and other fee, setting and policy value, with \
            old → new and, for amounts, the difference and the change in percent (2 decimals, \
            rounded half away from zero). --csv writes the same as CSV.

            A folder may be anywhere, e.g. a copy being edited: a side without rules.yaml in the \
            folder above it (or the one above that) takes the general rules from --price-lists, else \
            from the other side's tree, else from the default price lists, and says which on stderr. \
            See docs/price-lists.md.

            Example:
              repairquote prices diff PriceLists/NL ../NL-next

            Exit status: 0 (whether or not anything changed), 2 a folder cannot be read.
            """)

    static let csvHeader = ["section", "key", "field", "change", "old", "new", "difference", "percent"]

    @Argument(help: ArgumentHelp("The version folder before the change.", valueName: "OLD"))
    var old: String

    @Argument(help: ArgumentHelp("The version folder after the change.", valueName: "NEW"))
    var new: String

    @Flag(help: "Write CSV (RFC 4180, CRLF) instead of one line per change.")
    var csv = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder of price lists whose rules.yaml serves a side that has none above it.",
            discussion:
                "Default: the other side's tree, else $REPAIRQUOTE_PRICE_LISTS, ./PriceLists or the PriceLists folder shipped beside the executable.",
            valueName: "DIR"))
    var priceLists: String?

    func run() throws {
        let comparison = try CLIError.guarding {
            do {
                return try PriceListDiff.compare(
                    old: old, new: new, priceLists: priceLists,
                    defaultPriceLists: DataFolder.resolve(
                        explicit: nil, environment: "REPAIRQUOTE_PRICE_LISTS", name: "PriceLists"))
            } catch {
                throw CLIError.badInput("\(error)")
            }
        }
        for source in comparison.generalRules where source.origin != .own {
            FileHandle.standardError.write(Data("repairquote: \(source.line)\n".utf8))
        }
        if let warning = comparison.marketWarning {
            FileHandle.standardError.write(Data("repairquote: warning: \(warning)\n".utf8))
        }
        let changes = comparison.changes
        StandardOutput.write(csv ? Self.csvText(changes) : Self.text(changes))
    }

    static func text(_ changes: [PriceChange]) -> String {
        let counts = [PriceChange.Kind.changed, .added, .removed].map { kind in
            "\(changes.filter { $0.kind == kind }.count) \(kind.rawValue)"
        }
        return changes.map { $0.line + "\n" }.joined() + "summary: " + counts.joined(separator: ", ") + "\n"
    }

    static func csvText(_ changes: [PriceChange]) -> String {
        CSV.record(csvHeader)
            + changes.map {
                CSV.record([
                    $0.section, $0.key, $0.field, $0.kind.rawValue, $0.old ?? "", $0.new ?? "",
                    $0.difference ?? "",
                    $0.percent ?? "",
                ])
            }.joined()
    }
}
