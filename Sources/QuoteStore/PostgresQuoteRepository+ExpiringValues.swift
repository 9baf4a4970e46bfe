import Foundation
import PostgresNIO

extension PostgresQuoteRepository {
    /// One statement: inserts, or takes over an expired row; a live row returns nothing.
    public func createValue(key: String, value: String, expiresAt: Date?, now: Date) async throws -> Bool {
        let expires = expiresAt?.timeIntervalSince1970
        let t = now.timeIntervalSince1970
        let rows = try await withConnection { connection in
            try await Self.rows(
                connection,
                """
                INSERT INTO expiring_values (key, value, expires_at) VALUES (\(key), \(value), \(expires))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
                    WHERE expiring_values.expires_at <= \(t)
                RETURNING key
                """, logger: self.logger)
        }
        return !rows.isEmpty
    }

    public func setValue(key: String, value: String, expiresAt: Date?) async throws {
        let expires = expiresAt?.timeIntervalSince1970
        try await withConnection { connection in
            try await connection.query(
                """
                INSERT INTO expiring_values (key, value, expires_at) VALUES (\(key), \(value), \(expires))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                    expires_at = COALESCE(excluded.expires_at, expiring_values.expires_at)
                """, logger: self.logger)
        }
    }

    public func value(key: String, now: Date) async throws -> String? {
        let t = now.timeIntervalSince1970
        return try await withConnection { connection in
            let rows = try await Self.rows(
                connection,
                """
                SELECT value FROM expiring_values
                WHERE key = \(key) AND (expires_at IS NULL OR expires_at > \(t))
                """, logger: self.logger)
            return try rows.first?["value"].decode(String.self)
        }
    }

    public func removeValue(key: String) async throws {
        try await withConnection { connection in
            try await connection.query("DELETE FROM expiring_values WHERE key = \(key)", logger: self.logger)
        }
    }

    @discardableResult
    public func removeExpiredValues(now: Date) async throws -> Int {
        let t = now.timeIntervalSince1970
        return try await withConnection { connection in
            try await Self.rows(
                connection, "DELETE FROM expiring_values WHERE expires_at <= \(t) RETURNING key",
                logger: self.logger
            ).count
        }
    }
}
