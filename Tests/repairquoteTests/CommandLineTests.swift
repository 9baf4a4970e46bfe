import Foundation
import Testing

@testable import repairquote

/// The CLI as a user runs it: parsing, help, output and exit status.
@Suite("The repairquote command")
struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/repairquote")

    /// Runs the built binary; returns exit status, stdout and stderr.
    static func run(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test("quote options parse")
    func parses() throws {
        let command = try QuoteCommand.parse(["case.json", "--format", "text", "--price-lists", "/tmp/pl"])
        #expect(command.casePath == "case.json")
        #expect(command.format == .text)
        #expect(command.priceLists.priceLists == "/tmp/pl")
        #expect(throws: (any Error).self) { try QuoteCommand.parse(["case.json", "--format", "pdf"]) }
    }

    @Test("help explains the command to a new user")
    func help() {
        let help = RepairQuote.helpMessage()
        #expect(help.contains("quote"))
        #expect(help.contains("Exit status: 0 success"))
        let quoteHelp = RepairQuote.helpMessage(for: QuoteCommand.self)
        #expect(quoteHelp.contains("--price-lists <DIR>"))
        #expect(quoteHelp.contains("Examples/nl-out-of-warranty.json"))
    }

    @Test("a quote prints as JSON with exit status 0")
    func quoteJSON() throws {
        let result = try Self.run(["quote", "Examples/nl-out-of-warranty.json"])
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(result.out.contains(#""status": "out-of-warranty""#))
        #expect(result.out.contains(#""gross": "299.96""#))
    }

    @Test("a case on standard input is read with -")
    func standardInput() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Examples/hk-doa-swap.json"), encoding: .utf8)
        let result = try Self.run(["quote", "-", "--format", "text"], stdin: text)
        #expect(result.status == 0)
        #expect(result.out.contains("Coverage: doa"))
    }

    @Test("bad input exits 2 with the field named and nothing on stdout")
    func badInput() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Examples/nl-in-warranty.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"L2\"", with: "\"L7\"")
        let result = try Self.run(["quote", "-"], stdin: text)
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err == "repairquote: -: repair.labor: unknown labor code \"L7\" for a phone in NL (known: L1, L2, L3)\n")
    }

    @Test("a missing file and a broken price-list folder exit 2")
    func missingFiles() throws {
        let missing = try Self.run(["quote", "Examples/nope.json"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("Examples/nope.json: cannot be read"))
        let noPriceLists = try Self.run(["quote", "Examples/nl-in-warranty.json", "--price-lists", "/nonexistent"])
        #expect(noPriceLists.status == 2)
        #expect(noPriceLists.err.contains("/nonexistent: is not a folder of price lists"))
        #expect(noPriceLists.out.isEmpty)
    }

    @Test("every shipped example quotes")
    func examples() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Examples").path)
            .filter { $0.hasSuffix(".json") && !$0.contains("keys") }
        #expect(names.count >= 20)
        for name in names {
            let result = try Self.run(["quote", "Examples/\(name)", "--format", "text"])
            #expect(result.status == 0, "\(name): \(result.err)")
        }
    }
}
