import Foundation
import Testing

/// `repairquote users add|list|remove` as a user runs them.
@Suite("The users command")
struct UsersCommandTests {
    func run(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String)
    {
        try CommandLineTests.run(arguments, stdin: stdin)
    }

    @Test("add, list, remove; bad input is exit 2 and leaves the file as it was")
    func lifecycle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "users-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("users.json").path
        let added = try run(
            ["users", "add", "desk", "--role", "service-center", "--users", file, "--password-stdin"],
            stdin: "a long password\n")
        #expect(added.status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let before = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!before.contains("a long password"))

        let again = try run(
            ["users", "add", "desk", "--role", "finance", "--users", file, "--password-stdin"],
            stdin: "another long one\n")
        #expect(again.status == 2 && again.err.contains("--replace"))
        let short = try run(
            ["users", "add", "x", "--role", "finance", "--users", file, "--password-stdin"], stdin: "short\n")
        #expect(short.status == 2 && short.err.contains("at least 12 characters"))
        let role = try run(
            ["users", "add", "x", "--role", "admin", "--users", file, "--password-stdin"],
            stdin: "long enough pw\n")
        #expect(role.status == 2 && role.err.contains("--role"))
        let retailer = try run(
            ["users", "add", "x", "--role", "retailer", "--users", file, "--password-stdin"],
            stdin: "long enough pw\n")
        #expect(retailer.status == 2 && retailer.err.contains("--retailer"))
        let market = try run(
            [
                "users", "add", "x", "--role", "finance", "--market", "nl", "--users", file,
                "--password-stdin",
            ],
            stdin: "long enough pw\n")
        #expect(market.status == 2 && market.err.contains("--market"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == before)

        #expect(try run(["users", "list", "--users", file]).out == "desk\tservice-center\t-\n")
        #expect(try run(["users", "remove", "desk", "--users", file]).status == 0)
        #expect(try run(["users", "remove", "desk", "--users", file]).status == 2)
        #expect(try run(["users", "list", "--users", file]).out == "")

        // The market the quote form starts on is kept in the file.
        let hk = try run(
            [
                "users", "add", "hk-desk", "--role", "service-center", "--market", "HK", "--users", file,
                "--password-stdin",
            ], stdin: "a long password\n")
        #expect(hk.status == 0)
        #expect(
            try String(contentsOfFile: file, encoding: .utf8).filter { $0 != " " }.contains(#""market":"HK""#)
        )
    }
}
