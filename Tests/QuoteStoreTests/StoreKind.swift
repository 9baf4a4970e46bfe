import Foundation
import GRDB
import PostgresNIO
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

/// The stores every contract test runs against: `@Test(arguments: StoreKind.allCases)`.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// A fresh, empty store of this kind: SQLite in a temporary file (or in memory), PostgreSQL
    /// in a new database of the test cluster.
    func make(inMemory: Bool = false) async throws -> TestStore {
        switch self {
        case .sqlite:
            if inMemory { return TestStore(sqlite: try SQLiteQuoteRepository(), path: nil) }
            let path = try Store.temporaryDirectory().appendingPathComponent("q.sqlite").path
            return TestStore(sqlite: try SQLiteQuoteRepository(path: path), path: path)
        case .postgres:
            return try await TestStore.connect(try await PostgresTestDatabase.create())
        }
    }

    /// Runs `body` with a fresh store, closing it afterwards.
    func with<T>(inMemory: Bool = false, _ body: (TestStore) async throws -> T) async throws -> T {
        let store = try await make(inMemory: inMemory)
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }
}

/// A store under test: the repository, and plain SQL for looking at its tables.
struct TestStore: Sendable {
    let repo: any QuoteRepository
    let sqlite: SQLiteQuoteRepository?
    let postgres: PostgresQuoteRepository?
    /// The SQLite file, when not in memory.
    let path: String?

    init(sqlite: SQLiteQuoteRepository, path: String?) {
        repo = sqlite
        self.sqlite = sqlite
        self.path = path
        postgres = nil
    }

    static func connect(_ configuration: PostgresStoreConfiguration) async throws -> TestStore {
        TestStore(
            postgres: try await PostgresQuoteRepository.connect(
                configuration, logger: PostgresTestDatabase.quietLogger))
    }

    /// The same database opened again (after this one is closed), as after a restart.
    func reopen() async throws -> TestStore {
        await close()
        if let postgres { return try await Self.connect(postgres.configuration) }
        return TestStore(sqlite: try SQLiteQuoteRepository(path: path ?? ""), path: path)
    }

    /// A second repository on the same database, as a second instance of the service opens it
    /// (SQLite: a second connection to the file).
    func secondInstance() async throws -> TestStore {
        if let postgres { return try await Self.connect(postgres.configuration) }
        return TestStore(sqlite: try SQLiteQuoteRepository(path: path ?? ""), path: path)
    }

    func appliedMigrations() async throws -> [String] {
        if let sqlite { return try await sqlite.appliedMigrations() }
        return try await postgres?.appliedMigrations() ?? []
    }

    init(postgres: PostgresQuoteRepository) {
        repo = postgres
        self.postgres = postgres
        sqlite = nil
        path = nil
    }

    /// The first column of every row of `sql` (portable SQL), as text.
    func strings(_ sql: String) async throws -> [String] {
        if let sqlite {
            return try await sqlite.writer.read { db in
                try Row.fetchAll(db, sql: sql).map { row in
                    let value: DatabaseValue = row[0]
                    switch value.storage {
                    case .null: return ""
                    case .int64(let n): return String(n)
                    case .double(let d): return String(d)
                    case .string(let text): return text
                    case .blob(let data): return data.base64EncodedString()
                    }
                }
            }
        }
        guard let postgres else { return [] }
        return try await postgres.strings(sql)
    }

    /// `SELECT count(*) FROM table`.
    func count(_ table: String) async throws -> Int {
        Int(try await strings("SELECT count(*) FROM \(table)").first ?? "") ?? -1
    }

    /// Runs a statement that is expected to be refused (a trigger, a constraint).
    func execute(_ sql: String) async throws {
        if let sqlite {
            try await sqlite.writer.write { db in try db.execute(sql: sql) }
        } else if let postgres {
            try await postgres.execute(sql)
        }
    }

    func close() async { await postgres?.shutdown() }
}
