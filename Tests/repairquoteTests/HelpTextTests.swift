import ArgumentParser
import Testing

@testable import repairquote

/// Help texts at 80 columns: discussions are paragraphs the parser wraps, never sentences broken by
/// a hard line break; example lines stay whole.
@Suite("Help texts")
struct HelpTextTests {
    /// Every command and subcommand, depth first from the root.
    static let commands: [any ParsableCommand.Type] = {
        func walk(_ command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
            [command] + command.configuration.subcommands.flatMap(walk)
        }
        return walk(RepairQuote.self)
    }()

    /// The places where a sentence breaks early: a line at the margin shorter than `short`
    /// characters, followed by a line that continues it in lower case. Indented lines (examples,
    /// options) are the parser's or the example's own layout and are not judged.
    static func brokenSentences(in help: String, short: Int = 50) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        return zip(lines, lines.dropFirst()).compactMap { line, next in
            guard let first = line.first, !first.isWhitespace, line.count < short,
                let start = next.first, start.isLowercase
            else { return nil }
            return "\(line) / \(next)"
        }
    }

    @Test("the finder flags a short line continued in lower case, and nothing else")
    func finder() {
        let broken =
            "Lists every added,\nremoved and\nchanged part.\n\nExamples:\n  repairquote quote a.json\n"
        #expect(
            Self.brokenSentences(in: broken) == [
                "Lists every added, / removed and", "removed and / changed part.",
            ])
        let whole =
            "Lists every added, removed and changed part.\nSee docs/price-lists.md.\n\nExamples:\n  repairquote quote a.json\n"
        #expect(Self.brokenSentences(in: whole).isEmpty)
    }

    @Test("at 80 columns no command's help breaks a sentence after a few words")
    func noBrokenSentences() {
        #expect(Self.commands.count > 15)
        for command in Self.commands {
            let help = RepairQuote.helpMessage(for: command, columns: 80)
            #expect(Self.brokenSentences(in: help) == [], "repairquote \(command._commandName) --help")
        }
    }

    @Test("example lines of a discussion stay whole lines at 80 columns")
    func examplesStayWhole() {
        var examples = 0
        for command in Self.commands {
            let help = RepairQuote.helpMessage(for: command, columns: 80)
            let lines = Set(help.split(separator: "\n").map(String.init))
            for example in command.configuration.discussion.split(separator: "\n")
            where example.hasPrefix("  ") {
                examples += 1
                #expect(lines.contains(String(example)), "repairquote \(command._commandName): \(example)")
            }
        }
        #expect(examples > 0)
    }
}
