import ArgumentParser

/// `repairquote bench …`: benchmark helpers.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark helpers.",
        subcommands: [BenchGenerateCommand.self]
    )
}
