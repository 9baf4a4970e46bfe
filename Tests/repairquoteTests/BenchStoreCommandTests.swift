import ArgumentParser
import Testing

@testable import repairquote

@Suite("bench store and bench search: their options")
struct BenchStoreCommandTests {
    @Test("bench store takes N, --db, --markets and --seed; N negative or no --db is refused")
    func parsing() throws {
        let command = try BenchStoreCommand.parse([
            "1000", "--db", "/tmp/s.sqlite", "--markets", "NL, BE", "--seed", "7",
        ])
        #expect(command.count == 1000)
        #expect(command.database.db == "/tmp/s.sqlite")
        #expect(command.seed == 7)
        #expect(command.marketCodes(command.markets ?? "").map(\.rawValue) == ["NL", "BE"])
        #expect(throws: (any Error).self) { try BenchStoreCommand.parse(["1000"]) }
        #expect(throws: (any Error).self) { try BenchStoreCommand.parse(["-5", "--db", "/tmp/s.sqlite"]) }
        #expect(throws: (any Error).self) {
            try BenchStoreCommand.parse(["5", "--db", "/tmp/s.sqlite", "--markets", ","])
        }
    }

    @Test("bench search needs --db and at least one run")
    func searchParsing() throws {
        #expect(try BenchSearchCommand.parse(["--db", "/tmp/s.sqlite"]).runs == 200)
        #expect(throws: (any Error).self) { try BenchSearchCommand.parse([]) }
        #expect(throws: (any Error).self) {
            try BenchSearchCommand.parse(["--db", "/tmp/s.sqlite", "--runs", "0"])
        }
    }

    @Test("the help of bench store names its shares and its example")
    func help() {
        // The help is wrapped to the terminal's width: compare its words.
        let help = BenchStoreCommand.helpMessage(columns: 200).split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
        #expect(help.contains("38 % are accepted"))
        #expect(help.contains("repairquote bench store 100000 --db /tmp/bench.sqlite --seed 7"))
    }
}
