import ArgumentParser

/// `repairquote prices …`: tools for finance's price lists.
struct PricesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices",
        abstract: "Check price lists and compare two versions of one (finance).",
        subcommands: [PricesCheckCommand.self, PricesDiffCommand.self])
}
