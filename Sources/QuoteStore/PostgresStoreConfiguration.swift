import Foundation
import PostgresNIO

/// Where a PostgreSQL store is: `postgres://USER[:PASSWORD]@HOST:PORT/DBNAME[?sslmode=MODE]`
/// (or `postgresql://`). The password may also come from elsewhere (``withPassword(_:)``); it is
/// never part of ``description``.
public struct PostgresStoreConfiguration: Sendable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// The most connections this instance opens (`--db-pool`).
    public var poolSize: Int

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses a `postgres://` URL; a problem is a ``PostgresStoreConfigurationError`` naming the part.
    public init(url text: String, poolSize: Int = 16) throws(PostgresStoreConfigurationError) {
        guard Self.isURL(text), let url = URLComponents(string: text) else {
            throw .init("expected postgres://USER[:PASSWORD]@HOST:PORT/DBNAME")
        }
        guard let host = url.host, !host.isEmpty else { throw .init("the URL names no host") }
        guard let user = url.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
            throw .init("the URL names no user (postgres://USER@HOST:PORT/DBNAME)")
        }
        let database = String(url.percentEncodedPath.dropFirst()).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else {
            throw .init("the URL names no database (postgres://USER@HOST:PORT/DBNAME)")
        }
        var sslMode = SSLMode.prefer
        for item in url.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw .init("unknown parameter \"\(item.name)\" (only sslmode is read)")
            }
            guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
                let modes = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw .init("sslmode \"\(item.value ?? "")\" is not one of \(modes)")
            }
            sslMode = mode
        }
        guard (1...1024).contains(poolSize) else { throw .init("--db-pool must be 1 to 1024") }
        self.user = user
        self.password = url.percentEncodedPassword?.removingPercentEncoding
        self.host = host
        self.port = url.port ?? 5432
        self.database = database
        self.sslMode = sslMode
        self.poolSize = poolSize
    }

    /// The same, with `password` when the URL gave none.
    public func withPassword(_ password: String?) -> Self {
        var copy = self
        if copy.password == nil { copy.password = password }
        return copy
    }

    /// `postgres://quotes@db.example:5432/quotes`: never the password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    var tls: PostgresConnection.Configuration.TLS {
        get throws {
            switch sslMode {
            case .disable, .allow: return .disable
            case .prefer:
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.certificateVerification = .none
                return .prefer(try NIOSSLContext(configuration: tls))
            case .require:
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.certificateVerification = .none
                return .require(try NIOSSLContext(configuration: tls))
            case .verifyCA, .verifyFull:
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.certificateVerification =
                    sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
                return .require(try NIOSSLContext(configuration: tls))
            }
        }
    }

    var clientTLS: PostgresClient.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable, .allow: return .disable
        case .prefer:
            tls.certificateVerification = .none
            return .prefer(tls)
        case .require:
            tls.certificateVerification = .none
            return .require(tls)
        case .verifyCA, .verifyFull:
            tls.certificateVerification = sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
            return .require(tls)
        }
    }

    var connectionConfiguration: PostgresConnection.Configuration {
        get throws {
            PostgresConnection.Configuration(
                host: host, port: port, username: user, password: password, database: database, tls: try tls)
        }
    }

    var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: clientTLS)
        configuration.options.maximumConnections = poolSize
        configuration.options.minimumConnections = 0
        configuration.options.additionalStartupParameters = [("application_name", "repairquote")]
        return configuration
    }
}

/// A `postgres://` URL or option that cannot be used; the message names what is wrong.
public struct PostgresStoreConfigurationError: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
}
