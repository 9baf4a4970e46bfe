import ArgumentParser

@main
struct RepairQuote: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repairquote", abstract: "Repair quotations.")
}
