import Foundation
import Testing

@testable import repairquote

/// The CLI as a user runs it: parsing, help, output and exit status.
@Suite("The repairquote command")
struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/repairquote")

    /// Runs the built binary; returns exit status, stdout and stderr.
    static func run(_ arguments: [String], stdin: String? = nil) throws -> (
        status: Int32, out: String, err: String
    ) {
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
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    @Test("quote options parse")
    func parses() throws {
        let command = try QuoteCommand.parse(["case.json", "--format", "text", "--price-lists", "/tmp/pl"])
        #expect(command.casePath == "case.json")
        #expect(command.format == .text)
        #expect(command.priceLists.priceLists == "/tmp/pl")
        #expect(throws: (any Error).self) { try QuoteCommand.parse(["case.json", "--format", "docx"]) }
        #expect(
            try QuoteCommand.parse(["case.json", "--format", "pdf", "--output", "q.pdf"]).output.path
                == "q.pdf")
    }

    @Test("serve: --header-timeout and --idle-timeout default to 10 and 60 s, and must be positive")
    func serveTimeouts() throws {
        let defaults = try RepairQuote.Serve.parse([]).serverOptions
        #expect(defaults.headerTimeout == .seconds(10) && defaults.idleTimeout == .seconds(60))
        let given = try RepairQuote.Serve.parse(["--header-timeout", "3", "--idle-timeout", "30"])
            .serverOptions
        #expect(given.headerTimeout == .seconds(3) && given.idleTimeout == .seconds(30))
        #expect(throws: (any Error).self) { try RepairQuote.Serve.parse(["--header-timeout", "0"]) }
        #expect(throws: (any Error).self) { try RepairQuote.Serve.parse(["--idle-timeout", "-1"]) }
    }

    @Test("serve: --body-timeout defaults to 30 s, is taken in seconds and must be 1 to 3600")
    func serveBodyTimeout() throws {
        #expect(try RepairQuote.Serve.parse([]).serverOptions.bodyTimeout == .seconds(30))
        let given = try RepairQuote.Serve.parse(["--body-timeout", "5"]).serverOptions
        #expect(given.bodyTimeout == .seconds(5))
        #expect(throws: (any Error).self) { try RepairQuote.Serve.parse(["--body-timeout", "0"]) }
        #expect(throws: (any Error).self) { try RepairQuote.Serve.parse(["--body-timeout", "3601"]) }
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
        let text = try String(
            contentsOf: Self.root.appendingPathComponent("Examples/hk-doa-swap.json"), encoding: .utf8)
        let result = try Self.run(["quote", "-", "--format", "text", "--lang", "en"], stdin: text)
        #expect(result.status == 0)
        #expect(result.out.contains("Outcome: Dead on arrival"))
    }

    @Test("bad input exits 2 with the field named and nothing on stdout")
    func badInput() throws {
        let text = try String(
            contentsOf: Self.root.appendingPathComponent("Examples/nl-in-warranty.json"), encoding: .utf8
        )
        .replacingOccurrences(of: "\"L2\"", with: "\"L7\"")
        let result = try Self.run(["quote", "-"], stdin: text)
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(
            result.err
                == "repairquote: -: repair.labor: unknown labor code \"L7\" for a phone in NL (known: L1, L2, L3)\n"
        )
    }

    @Test("a rate or an amount too large for exact arithmetic: exit 2 naming the field, nothing on stdout")
    func largeNumbers() throws {
        let text = try String(
            contentsOf: Self.root.appendingPathComponent("Examples/us-remorse-refund.json"), encoding: .utf8)
        for (from, to, message) in [
            (
                #""market": "US","#, #""market": "US", "salesTaxRate": "922337203685478","#,
                "salesTaxRate: \"922337203685478\" is out of range (a percent from 0 to below 100)"
            ),
            (
                #""price": "49.99""#, #""price": "922337203685477""#,
                "purchase.amounts.price: \"922337203685477\" is out of range (0 to 999999999999.99)"
            ),
        ] {
            let result = try Self.run(["quote", "-"], stdin: text.replacingOccurrences(of: from, with: to))
            #expect(result.status == 2)
            #expect(result.out.isEmpty)
            #expect(result.err == "repairquote: -: \(message)\n")
        }
    }

    @Test("a missing file and a broken price-list folder exit 2")
    func missingFiles() throws {
        let missing = try Self.run(["quote", "Examples/nope.json"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("Examples/nope.json: cannot be read"))
        let noPriceLists = try Self.run([
            "quote", "Examples/nl-in-warranty.json", "--price-lists", "/nonexistent",
        ])
        #expect(noPriceLists.status == 2)
        #expect(noPriceLists.err.contains("/nonexistent: is not a folder of price lists"))
        #expect(noPriceLists.out.isEmpty)
    }

    @Test("every shipped example quotes")
    func examples() throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Examples").path
        )
        .filter { $0.hasSuffix(".json") && !$0.contains("keys") }
        #expect(names.count >= 20)
        for name in names {
            let result = try Self.run(["quote", "Examples/\(name)", "--format", "text"])
            #expect(result.status == 0, "\(name): \(result.err)")
        }
    }

    @Test("html documents come from the templates, in the customer's language by default")
    func html() throws {
        let result = try Self.run(["quote", "Examples/nl-out-of-warranty.json", "--format", "html"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("<!DOCTYPE html>"))
        #expect(result.out.contains("<html lang=\"nl\">"))
        #expect(result.out.contains("\u{A0}299,96") || result.out.contains("\u{202F}299,96"))
        let unknown = try Self.run([
            "quote", "Examples/nl-out-of-warranty.json", "--format", "html", "--lang", "de",
        ])
        #expect(unknown.status == 2)
        #expect(unknown.out.isEmpty)
        #expect(unknown.err.contains("de"))
    }

    @Test("email --dry-run prints a multipart message with the localized subject")
    func emailDryRun() throws {
        let result = try Self.run([
            "email", "Examples/nl-out-of-warranty.json", "--from", "quotes@service.example", "--dry-run",
        ])
        #expect(result.status == 0)
        #expect(result.out.contains("Content-Type: multipart/alternative;"))
        #expect(result.out.contains("To: \"Anna de Vries\" <anna@example.nl>"))
        #expect(result.out.contains("Subject: =?UTF-8?B?"))
        #expect(!result.out.contains("\n.\n"))
    }

    @Test("serve refuses a bad keys file or database path with exit 2, naming the option, before listening")
    func serveBadFiles() throws {
        let keys = try Self.run(["serve", "--port", "18190", "--keys", "/nonexistent/keys.json"])
        #expect(keys.status == 2)
        #expect(keys.err == "repairquote: --keys /nonexistent/keys.json: cannot read the file\n")
        let db = try Self.run([
            "serve", "--port", "18191", "--keys", "Examples/service/keys.sample.json", "--db",
            "/nonexistent/dir/q.sqlite",
        ])
        #expect(db.status == 2)
        #expect(db.err.contains("repairquote: --db: database /nonexistent/dir/q.sqlite: SQLite error 14"))
        #expect(!db.err.contains("listening"))
    }

    @Test("email exit codes: 2 bad input, 3 server unreachable")
    func emailExitCodes() throws {
        let injected = try Self.run([
            "email", "Examples/nl-out-of-warranty.json", "--from", "quotes@service.example", "--to",
            "a@example.com\r\nRCPT TO:<x@evil.example>", "--dry-run",
        ])
        #expect(injected.status == 2)
        #expect(injected.out.isEmpty)
        let noSender = try Self.run(["email", "Examples/nl-out-of-warranty.json", "--dry-run"])
        #expect(noSender.status == 2)
        #expect(noSender.err.contains("--from"))
        let down = try Self.run([
            "email", "Examples/nl-out-of-warranty.json", "--from", "quotes@service.example", "--smtp-url",
            "smtp://127.0.0.1:9", "--insecure-no-tls",
        ])
        #expect(down.status == 3, "\(down.err)")
        #expect(down.err.contains("e-mail not sent"))
    }
}
