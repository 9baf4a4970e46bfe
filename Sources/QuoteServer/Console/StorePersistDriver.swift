import Foundation
import Hummingbird
import QuoteStore
import ServiceLifecycle

/// Hummingbird's key-value persistence over the quote store (``ExpiringValueStore``): the console's
/// sessions and sign-in throttle live in SQLite or PostgreSQL, so every instance on one database
/// knows every session, and a restart signs no one out. Values are JSON. Keys are stored as their
/// SHA-256, so that reading the database does not give away a session cookie. As a service it
/// removes expired values every ten minutes.
struct StorePersistDriver: PersistDriver {
    let store: any ExpiringValueStore
    let now: @Sendable () -> Date
    var tidyEvery: Duration = .seconds(600)

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let created = try await store.createValue(
            key: Self.storeKey(key), value: try Self.encode(value), expiresAt: expiry(expires), now: now())
        guard created else { throw PersistError.duplicate }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await store.setValue(
            key: Self.storeKey(key), value: try Self.encode(value), expiresAt: expiry(expires))
    }

    /// The value, or nil when there is none, it expired, or it is not an `Object`.
    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        guard let text = try await store.value(key: Self.storeKey(key), now: now()) else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    func remove(key: String) async throws {
        try await store.removeValue(key: Self.storeKey(key))
    }

    /// Writes a new value over a live one only: false when the key is gone (signed out meanwhile).
    func replace(key: String, value: some Encodable & Sendable, expires: Duration?) async throws -> Bool {
        try await store.replaceValue(
            key: Self.storeKey(key), value: try Self.encode(value), expiresAt: expiry(expires), now: now())
    }

    static func storeKey(_ key: String) -> String { "sha256:" + Digest.sha256Hex(Array(key.utf8)) }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: tidyEvery)
                    try await store.removeExpiredValues(now: now())
                } catch {
                    if Task.isCancelled { return }
                }
            }
        }
    }

    func expiry(_ duration: Duration?) -> Date? {
        duration.map {
            let (seconds, attoseconds) = $0.components
            return now().addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        }
    }

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
