import Foundation
import Testing

@testable import QuoteStore

@Suite("--db: a SQLite path or a postgres:// URL")
struct StoreLocationTests {
    @Test("a URL gives user, password, host, port, database and sslmode; the description hides the password")
    func parsesURL() throws {
        let location = try StoreLocation(
            db: "postgresql://quotes:p%40ss@db.example:6543/repair?sslmode=require", environment: [:])
        guard case .postgres(let configuration) = location else {
            Issue.record("expected PostgreSQL")
            return
        }
        #expect(configuration.user == "quotes" && configuration.password == "p@ss")
        #expect(configuration.host == "db.example" && configuration.port == 6543)
        #expect(configuration.database == "repair" && configuration.sslMode == .require)
        #expect(location.description == "postgres://quotes@db.example:6543/repair")
    }

    @Test("the password comes from the URL, else the password file, else PGPASSWORD")
    func passwordSources() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(UUID().uuidString)")
        try "from-file\nignored\n".write(to: file, atomically: true, encoding: .utf8)
        func password(_ db: String, file: String? = nil, env: [String: String] = [:]) throws -> String? {
            guard case .postgres(let c) = try StoreLocation(db: db, passwordFile: file, environment: env)
            else {
                return "not postgres"
            }
            return c.password
        }
        #expect(try password("postgres://u@h:5432/d", env: ["PGPASSWORD": "from-env"]) == "from-env")
        #expect(
            try password("postgres://u@h:5432/d", file: file.path, env: ["PGPASSWORD": "x"]) == "from-file")
        #expect(try password("postgres://u:in-url@h:5432/d", file: file.path) == "in-url")
        #expect(try password("postgres://u@h/d") == nil)
    }

    @Test("a plain path is SQLite; nothing is memory")
    func sqlite() throws {
        guard case .sqlite(let path) = try StoreLocation(db: "/tmp/q.sqlite") else {
            Issue.record("expected SQLite")
            return
        }
        #expect(path == "/tmp/q.sqlite")
        guard case .memory = try StoreLocation(db: nil) else {
            Issue.record("expected memory")
            return
        }
    }

    @Test("bad URLs are refused naming the part at fault")
    func badURLs() {
        let cases: [(String, String)] = [
            ("postgres://h:5432/d", "the URL names no user"),
            ("postgres://u@h:5432", "the URL names no database"),
            ("postgres://u@h:5432/d?sslmode=maybe", "sslmode \"maybe\" is not one of"),
            ("postgres://u@h:5432/d?timeout=3", "unknown parameter \"timeout\""),
        ]
        for (url, message) in cases {
            #expect {
                _ = try StoreLocation(db: url, environment: [:])
            } throws: { error in
                "\(error)".contains(message)
            }
        }
        #expect(throws: PostgresStoreConfigurationError.self) {
            _ = try StoreLocation(db: "postgres://u@h/d", passwordFile: "/nonexistent/pw", environment: [:])
        }
    }
}
