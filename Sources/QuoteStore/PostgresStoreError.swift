import PostgresNIO

/// A PostgreSQL failure in one line, without the password: the server's SQLSTATE and message, or
/// the connection's reason.
public struct PostgresStoreError: Error, CustomStringConvertible {
    /// The SQLSTATE code (`23505` unique violation, `40P01` deadlock), when the server sent one.
    public let sqlState: String?
    /// The constraint the server named, when it did.
    public let constraint: String?
    public let description: String

    /// The error of a failed statement or connection, unwrapped from postgres-nio's transaction
    /// error and described without its query text.
    static func unwrapping(_ error: any Error) -> any Error {
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError { return unwrapping(inner) }
            if let inner = transaction.commitError ?? transaction.beginError { return unwrapping(inner) }
        }
        guard let psql = error as? PSQLError else { return error }
        if let info = psql.serverInfo {
            let message = info[.message] ?? "server error"
            let state = info[.sqlState]
            return PostgresStoreError(
                sqlState: state, constraint: info[.constraintName],
                description: "PostgreSQL error \(state ?? "?"): \(message)")
        }
        let reason = psql.underlying.map { "\($0)" } ?? "\(psql.code)"
        return PostgresStoreError(sqlState: nil, constraint: nil, description: reason)
    }

    /// Whether the whole transaction may simply be run again (a deadlock, a serialisation failure).
    var isRetryable: Bool { sqlState == "40P01" || sqlState == "40001" }
    var isUniqueViolation: Bool { sqlState == "23505" }
}

/// The database cannot be reached or refused the connection: names the host and the reason.
public struct PostgresConnectError: Error, CustomStringConvertible {
    public let description: String
}
