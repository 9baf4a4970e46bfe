import Foundation
import GRDB

extension SQLiteQuoteRepository {
    public func createValue(key: String, value: String, expiresAt: Date?, now: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: "DELETE FROM expiring_values WHERE key = ? AND expires_at <= ?",
                arguments: [key, now.timeIntervalSince1970])
            try db.execute(
                sql: "INSERT OR IGNORE INTO expiring_values (key, value, expires_at) VALUES (?, ?, ?)",
                arguments: [key, value, expiresAt?.timeIntervalSince1970])
            return db.changesCount > 0
        }
    }

    public func setValue(key: String, value: String, expiresAt: Date?) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO expiring_values (key, value, expires_at) VALUES (?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                        expires_at = COALESCE(excluded.expires_at, expiring_values.expires_at)
                    """,
                arguments: [key, value, expiresAt?.timeIntervalSince1970])
        }
    }

    public func value(key: String, now: Date) async throws -> String? {
        try await writer.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT value FROM expiring_values
                    WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)
                    """,
                arguments: [key, now.timeIntervalSince1970])
        }
    }

    public func replaceValue(key: String, value: String, expiresAt: Date?, now: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE expiring_values SET value = ?, expires_at = COALESCE(?, expires_at)
                    WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)
                    """,
                arguments: [value, expiresAt?.timeIntervalSince1970, key, now.timeIntervalSince1970])
            return db.changesCount > 0
        }
    }

    public func changeValue<Result: Sendable>(
        key: String, now: Date,
        _ change: @escaping @Sendable (String?) -> (value: String, expiresAt: Date?, result: Result)
    ) async throws -> Result {
        try await writer.write { db in
            let current = try String.fetchOne(
                db,
                sql:
                    "SELECT value FROM expiring_values WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)",
                arguments: [key, now.timeIntervalSince1970])
            let changed = change(current)
            try db.execute(
                sql: """
                    INSERT INTO expiring_values (key, value, expires_at) VALUES (?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
                    """,
                arguments: [key, changed.value, changed.expiresAt?.timeIntervalSince1970])
            return changed.result
        }
    }

    public func removeValue(key: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM expiring_values WHERE key = ?", arguments: [key])
        }
    }

    @discardableResult
    public func removeExpiredValues(now: Date) async throws -> Int {
        try await writer.write { db in
            try db.execute(
                sql: "DELETE FROM expiring_values WHERE expires_at <= ?",
                arguments: [now.timeIntervalSince1970])
            return db.changesCount
        }
    }
}
