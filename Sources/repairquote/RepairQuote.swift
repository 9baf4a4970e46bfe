import ArgumentParser
import Foundation

/// The `repairquote` command: quotes, checks and the service.
@main
struct RepairQuote: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repairquote",
        abstract: "Quotations and cost calculations for consumer-electronics repairs.",
        discussion: """
            Decides warranty coverage for a service case, computes every charge with its payer and \
            prints the quote. Price lists and warranty policies are data in PriceLists/<MARKET>/.

            Start here:
              repairquote quote Examples/nl-out-of-warranty.json --format text

            Exit status: 0 success, 1 a check found differences, 2 bad input (the message names the \
            field); email also 3 (transient failure) and 4 (permanent failure).
            """,
        subcommands: [
            QuoteCommand.self, EmailCommand.self, Serve.self, CheckCommand.self, ExportCommand.self,
            BenchCommand.self, PricesCommand.self, RepriceCommand.self, UsersCommand.self, StoreCommand.self,
            ReconcileCommand.self,
        ]
    )

    /// Runs the command; a usage error (unknown option, bad value) exits 2 like any bad input,
    /// with ArgumentParser's message and usage on stderr.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
