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
        if let priceLists { return priceLists }
        if let env = ProcessInfo.processInfo.environment["REPAIRQUOTE_PRICE_LISTS"] { return env }
        let local = FileManager.default.currentDirectoryPath + "/PriceLists"
        if FileManager.default.fileExists(atPath: local) { return "PriceLists" }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("PriceLists").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return "PriceLists"
    }

    func loadCatalog() throws -> PriceListCatalog {
        do {
            return try PriceListLoader.loadCatalog(directory: directory())
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
