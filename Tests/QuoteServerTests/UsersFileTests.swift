import Foundation
import Testing

@testable import QuoteServer

@Suite("the console's users file")
struct UsersFileTests {
    func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("users-\(UUID().uuidString).json")
    }

    @Test("a user is stored with a bcrypt hash only, in a file of mode 0600")
    func add() throws {
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        var file = UsersFile()
        try file.add(
            name: "desk", role: "service-center", retailer: nil, password: "twelve chars!", replace: false)
        try file.save(file: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(!text.contains("twelve chars!") && text.contains("$2b$"))
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let loaded = try UsersFile.load(file: url)
        #expect(loaded.verify(name: "desk", password: "twelve chars!")?.role == .serviceCenter)
        #expect(loaded.verify(name: "desk", password: "twelve chars?") == nil)
    }

    @Test("bad input is refused with the field named")
    func refusals() throws {
        var file = UsersFile()
        #expect(throws: UsersFileError("password: at least 12 characters are needed")) {
            try file.add(name: "a", role: "finance", retailer: nil, password: "short", replace: false)
        }
        #expect(throws: UsersFileError(#"--role: "admin" is not one of service-center, retailer, finance"#)) {
            try file.add(name: "a", role: "admin", retailer: nil, password: "long enough pw", replace: false)
        }
        #expect(throws: UsersFileError("--retailer: a retailer user needs its retailer id")) {
            try file.add(
                name: "a", role: "retailer", retailer: nil, password: "long enough pw", replace: false)
        }
        try file.add(name: "a", role: "finance", retailer: nil, password: "long enough pw", replace: false)
        #expect(throws: UsersFileError("a: the user exists (add --replace to change it)")) {
            try file.add(
                name: "a", role: "finance", retailer: nil, password: "long enough pw", replace: false)
        }
        try file.add(
            name: "a", role: "service-center", retailer: nil, password: "long enough pw", replace: true)
        #expect(file.users.count == 1 && file.users[0].role == .serviceCenter)
    }
}
