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

    public func replaceValue(key: String, value: String, expiresAt: Date?, now: Date) async throws -> Bool {
        let expires = expiresAt?.timeIntervalSince1970
        let t = now.timeIntervalSince1970
        let rows = try await withConnection { connection in
            try await Self.rows(
                connection,
                """
                UPDATE expiring_values SET value = \(value), expires_at = COALESCE(\(expires), expires_at)
                WHERE key = \(key) AND (expires_at IS NULL OR expires_at > \(t))
                RETURNING key
                """, logger: self.logger)
        }
        return !rows.isEmpty
    }

    /// The row is made first (already expired) when missing, then locked `FOR UPDATE`: two
    /// instances changing one key wait for each other.
    public func changeValue<Result: Sendable>(
        key: String, now: Date,
        _ change: @escaping @Sendable (String?) -> (value: String, expiresAt: Date?, result: Result)
    ) async throws -> Result {
        let t = now.timeIntervalSince1970
        return try await transaction { connection in
            try await connection.query(
                """
                INSERT INTO expiring_values (key, value, expires_at) VALUES (\(key), '', \(t))
                ON CONFLICT (key) DO NOTHING
                """, logger: self.logger)
            let rows = try await Self.rows(
                connection,
                """
                SELECT value, expires_at FROM expiring_values WHERE key = \(key) FOR UPDATE
                """, logger: self.logger)
            var current: String?
            if let row = rows.first {
                let expires = try row["expires_at"].decode(Double?.self)
                if expires.map({ $0 > t }) ?? true { current = try row["value"].decode(String.self) }
            }
            let changed = change(current)
            let expires = changed.expiresAt?.timeIntervalSince1970
            try await connection.query(
                "UPDATE expiring_values SET value = \(changed.value), expires_at = \(expires) WHERE key = \(key)",
                logger: self.logger)
            return changed.result
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
