import ArgumentParser

@main
struct RepairQuote: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repairquote", abstract: "Repair quotations.",
        subcommands: [Serve.self])
}
