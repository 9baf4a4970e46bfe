import ArgumentParser

/// The `repairquote` command: quotes, checks and the service.
@main
struct RepairQuote: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repairquote",
        abstract: "Quotations and cost calculations for consumer-electronics repairs.",
        discussion: """
            Decides warranty coverage for a service case, computes every charge with its payer and
            prints the quote. Price lists and warranty policies are data in PriceLists/<MARKET>/.

            Exit status: 0 success, 1 a check found differences, 2 bad input (the message names the field).
            """,
        subcommands: [
            QuoteCommand.self, EmailCommand.self, Serve.self, CheckCommand.self, ExportCommand.self,
            BenchCommand.self,
        ]
    )
}
