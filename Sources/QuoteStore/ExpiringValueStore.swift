import Foundation

/// Short-lived values by key, each with an optional expiry: the console's sessions and its sign-in
/// throttle. They live in the store, so every service instance on one database sees the same
/// sessions (a load balancer may send each request elsewhere) and counts the same failures.
///
/// A value whose expiry has passed is absent: it is not read, and `createValue` may take its key.
public protocol ExpiringValueStore: Sendable {
    /// Stores `value` under `key` unless a live value is there; false (and nothing written) if one is.
    func createValue(key: String, value: String, expiresAt: Date?, now: Date) async throws -> Bool

    /// Stores `value` under `key`, replacing any. When `expiresAt` is nil an existing expiry is kept.
    func setValue(key: String, value: String, expiresAt: Date?) async throws

    /// The live value under `key`, or nil.
    func value(key: String, now: Date) async throws -> String?

    /// Replaces a live value under `key`; false (and nothing written) when there is none. A
    /// session touched by a request still in flight after sign-out is not brought back.
    func replaceValue(key: String, value: String, expiresAt: Date?, now: Date) async throws -> Bool

    /// Reads the live value under `key` (nil when none), and writes what `change` makes of it, in
    /// one transaction: concurrent changes of one key, on any instance, follow one another (the
    /// sign-in throttle counts every attempt).
    func changeValue<Result: Sendable>(
        key: String, now: Date,
        _ change: @escaping @Sendable (String?) -> (value: String, expiresAt: Date?, result: Result)
    ) async throws -> Result

    /// Removes the value under `key`, if any.
    func removeValue(key: String) async throws

    /// Removes every value whose expiry has passed; returns how many.
    @discardableResult
    func removeExpiredValues(now: Date) async throws -> Int
}

/// The table of ``ExpiringValueStore``, the same in both stores. It is not copied by
/// `store copy`: sessions and throttles start afresh on the new store.
enum ExpiringValuesSchema {
    static let migrationName = "v4-expiring-values"

    /// The statements of the migration; `realType` is the store's floating-point type.
    static func statements(realType: String) -> [String] {
        [
            """
            CREATE TABLE expiring_values (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                expires_at \(realType)
            )
            """,
            "CREATE INDEX expiring_values_expiry ON expiring_values (expires_at)",
        ]
    }
}
