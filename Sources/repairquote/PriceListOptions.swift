import ArgumentParser
import Foundation
import PriceListLoading
import QuoteCore

/// `--price-lists DIR`, shared by every subcommand that computes quotes.
struct PriceListOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder of price lists (one subfolder per market).",
            discussion:
                "Default: $REPAIRQUOTE_PRICE_LISTS, else ./PriceLists, else the PriceLists folder shipped beside the executable.",
            valueName: "DIR"))
    var priceLists: String?

    /// The folder to load.
    func directory() -> String {
        DataFolder.resolve(explicit: priceLists, environment: "REPAIRQUOTE_PRICE_LISTS", name: "PriceLists")
    }

    /// Loads every market, or only `market` when its folder exists (faster start-up for one case).
    func loadCatalog(onlyMarket market: String? = nil) throws -> PriceListCatalog {
        let folder = directory()
        var only: Set<String>?
        if let market, !market.contains("/"), !market.hasPrefix("."),
            FileManager.default.fileExists(atPath: folder + "/" + market + "/market.yaml")
        {
            only = [market]
        }
        do {
            return try PriceListLoader.loadCatalog(directory: folder, markets: only)
        } catch {
            throw CLIError.badInput("price lists: \(error)")
        }
    }
}

/// Errors that end the command with a message on stderr and a given exit status.
enum CLIError: Error, CustomStringConvertible {
    case badInput(String)

    var description: String {
        switch self {
        case .badInput(let message): message
        }
    }
}

extension CLIError {
    /// Runs `body`, turning a `CLIError` into its message on stderr and exit status 2.
    static func guarding<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("repairquote: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
