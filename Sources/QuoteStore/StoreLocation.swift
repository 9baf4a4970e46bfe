import Foundation
import Logging
import ServiceLifecycle

/// Where the service's quotes live, from `--db`: a `postgres://` (or `postgresql://`) URL, a
/// SQLite file path, or nothing (in memory).
public enum StoreLocation: Sendable, CustomStringConvertible {
    case memory
    case sqlite(path: String)
    case postgres(PostgresStoreConfiguration)

    /// Reads `--db`. The password of a PostgreSQL URL may instead come from `passwordFile`
    /// (its first line) or from `PGPASSWORD`, in that order after the URL's own.
    public init(
        db: String?, passwordFile: String? = nil, poolSize: Int = 16,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PostgresStoreConfigurationError) {
        guard let db else {
            self = .memory
            return
        }
        guard PostgresStoreConfiguration.isURL(db) else {
            self = .sqlite(path: db)
            return
        }
        var configuration = try PostgresStoreConfiguration(url: db, poolSize: poolSize)
        if let passwordFile {
            guard let data = FileManager.default.contents(atPath: passwordFile) else {
                throw .init("--db-password-file \(passwordFile): cannot be read")
            }
            let password =
                String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .first.map(String.init) ?? ""
            guard !password.isEmpty else {
                throw .init("--db-password-file \(passwordFile): the file is empty")
            }
            configuration = configuration.withPassword(password)
        }
        configuration = configuration.withPassword(environment["PGPASSWORD"])
        self = .postgres(configuration)
    }

    /// The location without any password.
    public var description: String {
        switch self {
        case .memory: "memory"
        case .sqlite(let path): path
        case .postgres(let configuration): configuration.description
        }
    }

    /// Opens the store (creating or migrating its schema as needed). With `pool`
    /// ``PostgresQuoteRepository/PoolRunner/serviceGroup``, a PostgreSQL pool is left to the
    /// caller's service group (``OpenedStore/services``).
    public func open(
        logger: Logger = Logger(label: "repairquote.store"),
        pool: PostgresQuoteRepository.PoolRunner = .repository
    ) async throws -> OpenedStore {
        switch self {
        case .memory:
            return OpenedStore(repository: try SQLiteQuoteRepository(), close: {})
        case .sqlite(let path):
            return OpenedStore(repository: try SQLiteQuoteRepository(path: path), close: {})
        case .postgres(let configuration):
            let repository = try await PostgresQuoteRepository.connect(
                configuration, logger: logger, pool: pool)
            return OpenedStore(
                repository: repository, close: { await repository.shutdown() },
                services: pool == .serviceGroup ? [repository.pool] : [])
        }
    }
}

/// An open store and how to close it (a PostgreSQL pool is closed; SQLite needs nothing).
public struct OpenedStore: Sendable {
    public let repository: any QuoteRepository
    public let close: @Sendable () async -> Void
    /// What the application's service group must run for the store (`app.addServices`): the
    /// PostgreSQL pool when it was opened for one.
    public var services: [any Service] = []
}
