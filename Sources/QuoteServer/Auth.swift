import Foundation
import HTTPTypes
import Hummingbird

/// What an API key may do.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Issue, decide, e-mail, read all.
    case serviceCenter = "service-center"
    /// Issue; read only the quotes it issued.
    case retailer
    /// Read all, nothing else.
    case finance
}

/// The caller an API key identifies.
public struct Principal: Sendable, Equatable {
    public var name: String
    public var role: Role
    /// The retailer id, for retailer keys.
    public var retailer: String?

    public init(name: String, role: Role, retailer: String? = nil) {
        self.name = name
        self.role = role
        self.retailer = retailer
    }

    /// Stored as the issuer of the quotes this caller issues.
    public var issuer: String { retailer ?? name }

    /// Whether this caller may read a quote issued by `issuer`.
    func mayRead(issuer: String) -> Bool { role != .retailer || retailer == issuer }
}

/// API keys → callers, from a JSON file:
/// `{"keys": [{"key": "…", "name": "desk-1", "role": "service-center"},
///            {"key": "…", "name": "shop", "role": "retailer", "retailer": "R-100"}]}`.
public struct APIKeys: Sendable {
    var principals: [String: Principal]
    /// The same callers by their whole `Authorization` value (`Bearer KEY`), found without
    /// cutting the header apart on every request.
    private var bearers: [String: Principal]

    public init(_ principals: [String: Principal]) {
        self.principals = principals
        bearers = Dictionary(uniqueKeysWithValues: principals.map { ("Bearer " + $0.key, $0.value) })
    }

    public static func load(file: URL) throws -> APIKeys {
        struct Entry: Decodable {
            var key: String
            var name: String
            var role: Role
            var retailer: String?
        }
        struct File: Decodable { var keys: [Entry] }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: file))
        var principals: [String: Principal] = [:]
        for entry in file.keys {
            if entry.role == .retailer && entry.retailer == nil {
                throw APIError(.internalServerError, "key \(entry.name): a retailer key needs \"retailer\"")
            }
            principals[entry.key] = Principal(name: entry.name, role: entry.role, retailer: entry.retailer)
        }
        return APIKeys(principals)
    }

    /// The caller of `Authorization: Bearer KEY` or `X-API-Key: KEY`, when it may act in one of
    /// `roles`: 401 without a known key, 403 with another role.
    func require(_ request: Request, _ roles: Set<Role>) throws -> Principal {
        let principal: Principal? =
            if let key = request.headers[.apiKey] {
                principals[key]
            } else if let authorization = request.headers[.authorization] {
                bearers[authorization]
            } else {
                nil
            }
        guard let principal else {
            throw APIError(.unauthorized, "an API key is required (Authorization: Bearer KEY)")
        }
        guard roles.contains(principal.role) else {
            throw APIError(.forbidden, "the \(principal.role.rawValue) role may not do this")
        }
        return principal
    }
}

extension HTTPField.Name {
    static let apiKey = Self("X-API-Key")!
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
}
