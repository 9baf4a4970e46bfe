import Foundation
import Testing

/// `repairquote quote CASE --format pdf --output FILE|-`.
@Suite("repairquote quote --format pdf")
struct PDFCommandTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pdf-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("--output FILE writes a PDF in the chosen language, and nothing else is left in the folder")
    func writesFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("quote.pdf").path
        let result = try CommandLineTests.run([
            "quote", "Examples/hk-doa-swap.json", "--format", "pdf", "--lang", "en", "--output", file,
        ])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.isEmpty)
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        #expect(String(decoding: bytes, as: UTF8.self).contains("/Lang (en)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["quote.pdf"])
    }

    @Test("--output - writes the same bytes to standard output")
    func standardOutput() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("q.pdf").path
        _ = try CommandLineTests.run([
            "quote", "Examples/nl-out-of-warranty.json", "--format", "pdf", "--output", file,
        ])
        let piped = try CommandLineTests.run([
            "quote", "Examples/nl-out-of-warranty.json", "--format", "pdf", "--output", "-",
        ])
        #expect(piped.status == 0)
        let written = try #require(FileManager.default.contents(atPath: file))
        #expect(piped.out.hasPrefix("%PDF-1.5"))
        #expect(written.count > 1000)
        #expect(piped.out == String(decoding: written, as: UTF8.self), "the same document both ways")
    }

    @Test(
        "a path that cannot be written is exit 2 naming --output, and no file is left",
        arguments: [
            ("/nonexistent-folder/q.pdf", "--output: the folder /nonexistent-folder does not exist"),
            ("/tmp", "--output: /tmp is a folder"),
        ])
    func badPath(_ path: String, _ message: String) throws {
        let result = try CommandLineTests.run([
            "quote", "Examples/nl-out-of-warranty.json", "--format", "pdf", "--output", path,
        ])
        #expect(result.status == 2)
        #expect(result.err.contains(message), "\(result.err)")
        #expect(result.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-folder"))
    }

    @Test("an empty --output is refused, exit 2")
    func emptyPath() throws {
        let result = try CommandLineTests.run([
            "quote", "Examples/nl-out-of-warranty.json", "--format", "pdf", "--output", "",
        ])
        #expect(result.status == 2)
        #expect(result.err.contains("--output: the path is empty"))
    }

    @Test("PDF bytes are never written to a terminal: exit 2 with a message")
    func refusesTerminal() throws {
        // script(1) (util-linux, in every Debian) runs the command with a pseudo-terminal as stdout.
        let command = "\(CommandLineTests.binary.path) quote Examples/nl-out-of-warranty.json --format pdf"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = CommandLineTests.root
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 2)
        #expect(text.contains("--output: standard output is a terminal"))
        #expect(!text.contains("%PDF"))
    }
}
