import Foundation
import Logging
import PostgresNIO
import QuoteStore

/// Fresh PostgreSQL databases for tests, on the cluster of `REPAIRQUOTE_TEST_PG_URL` (started by
/// scripts/with_postgres.sh, which scripts/test.sh uses). Without that variable, or when the
/// cluster cannot be reached, the tests fail with a message that says why: never skipped.
public enum PostgresTestDatabase {
    public static let variable = "REPAIRQUOTE_TEST_PG_URL"
    /// A logger that drops everything (tests keep their output to failures).
    public static let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Why PostgreSQL tests cannot run.
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// The cluster's URL (with its password), from the environment.
    public static func clusterURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else {
            throw Unavailable(
                description: """
                    \(variable) is not set: the PostgreSQL tests need a running PostgreSQL. Run them through \
                    bash scripts/test.sh, or: bash scripts/with_postgres.sh swift test --skip-build --filter …
                    """)
        }
        return url
    }

    /// A new, empty database on the test cluster, and the configuration that opens it.
    /// Two repositories, as two service instances would hold them, on one new database of the
    /// test cluster. The caller shuts both down.
    public static func twoRepositories() async throws -> (PostgresQuoteRepository, PostgresQuoteRepository) {
        let configuration = try await create()
        let a = try await PostgresQuoteRepository.connect(configuration, logger: quietLogger)
        let b = try await PostgresQuoteRepository.connect(configuration, logger: quietLogger)
        return (a, b)
    }

    public static func create(poolSize: Int = 4) async throws -> PostgresStoreConfiguration {
        let cluster = try PostgresStoreConfiguration(url: try clusterURL(), poolSize: poolSize)
        let name = "rq_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let logger = quietLogger
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: PostgresConnection.Configuration(
                    host: cluster.host, port: cluster.port, username: cluster.user,
                    password: cluster.password,
                    database: cluster.database, tls: .disable),
                id: 1, logger: logger)
        } catch {
            throw Unavailable(
                description:
                    "cannot reach the test PostgreSQL at \(cluster) (\(variable)): \(String(reflecting: error))"
            )
        }
        defer { Task { try? await connection.close() } }
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        var configuration = cluster
        configuration.database = name
        return configuration
    }

    /// The URL of a configuration, password included (for `--db` in command-line tests).
    public static func url(_ configuration: PostgresStoreConfiguration) -> String {
        let password = configuration.password.map { ":" + $0 } ?? ""
        return "postgres://\(configuration.user)\(password)@\(configuration.host):\(configuration.port)/"
            + "\(configuration.database)?sslmode=disable"
    }
}
