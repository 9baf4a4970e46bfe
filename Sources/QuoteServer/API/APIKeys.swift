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
    /// Most quotes this key may issue a minute; nil for ``IssueRateLimiter/defaultIssuesPerMinute``.
    public var issuesPerMinute: Int?
    /// A user signed in to the console (else an API key), as the quote's history names it.
    public var signedIn = false

    public init(name: String, role: Role, retailer: String? = nil, issuesPerMinute: Int? = nil) {
        self.name = name
        self.role = role
        self.retailer = retailer
        self.issuesPerMinute = issuesPerMinute
    }

    /// Stored as the issuer of the quotes this caller issues.
    public var issuer: String { retailer ?? name }

}

/// API keys → callers, from a JSON file (`issuesPerMinute` optional, a positive whole number):
/// `{"keys": [{"key": "…", "name": "desk-1", "role": "service-center", "issuesPerMinute": 600},
///            {"key": "…", "name": "shop", "role": "retailer", "retailer": "R-100"}]}`.
public struct APIKeys: Sendable {
    let principals: [String: Principal]
    /// The same callers by their whole `Authorization` value (`Bearer KEY`), found without
    /// cutting the header apart on every request.
    let bearers: [String: Principal]

    public init(_ principals: [String: Principal]) {
        self.principals = principals
        bearers = Dictionary(uniqueKeysWithValues: principals.map { ("Bearer " + $0.key, $0.value) })
    }

    /// The names of the service center's keys (the keys that may issue for every retailer, as the
    /// permission table says), sorted: whose webhook deliveries the console shows.
    var serviceCenterNames: [String] {
        Set(principals.values.filter { $0.role.reach == .every && $0.role.may(.issue) }.map(\.name)).sorted()
    }

    /// Reads a keys file. Every problem is a ``KeysFileError`` naming the entry and field:
    /// `keys[2].role: "admin" is not one of service-center, retailer, finance`.
    public static func load(file: URL) throws(KeysFileError) -> APIKeys {
        struct Entry: Decodable {
            var key: String
            var name: String
            var role: String
            var retailer: String?
            var issuesPerMinute: Int?
        }
        struct File: Decodable { var keys: [Entry] }
        let data: Data
        do { data = try Data(contentsOf: file) } catch { throw KeysFileError("cannot read the file") }
        let entries: [Entry]
        do {
            entries = try JSONDecoder().decode(File.self, from: data).keys
        } catch let error as DecodingError {
            throw KeysFileError(error)
        } catch {
            throw KeysFileError("not a keys file: \(error)")
        }
        var principals: [String: Principal] = [:]
        for (index, entry) in entries.enumerated() {
            let field = "keys[\(index)]"
            guard !entry.key.isEmpty, !entry.key.contains(where: \.isWhitespace) else {
                throw KeysFileError("\(field).key: empty or with spaces, so no request could send it")
            }
            guard let role = Role(rawValue: entry.role) else {
                let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw KeysFileError("\(field).role: \"\(entry.role)\" is not one of \(roles)")
            }
            if role.reach == .ownRetailer && entry.retailer == nil {
                throw KeysFileError("\(field).retailer: a retailer key needs its retailer id")
            }
            if let limit = entry.issuesPerMinute, limit < 1 {
                throw KeysFileError(
                    "\(field).issuesPerMinute: should be a positive whole number, not \(limit)")
            }
            if let first = principals[entry.key] {
                throw KeysFileError("\(field).key: the same key as \(first.name)'s")
            }
            principals[entry.key] = Principal(
                name: entry.name, role: role, retailer: entry.retailer, issuesPerMinute: entry.issuesPerMinute
            )
        }
        return APIKeys(principals)
    }
}

extension APIKeys {
    /// The token of `Bearer TOKEN` with the scheme in any case and any spaces between (RFC 9110
    /// §11.1: the scheme is case-insensitive); nil for another scheme.
    static func bearerToken(_ authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].drop(while: { $0 == " " })
        return token.isEmpty ? nil : String(token)
    }
}

extension HTTPField.Name {
    static let apiKey = Self("X-API-Key")!
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
}

/// A keys file that cannot be used, with the field at fault.
public struct KeysFileError: Error, CustomStringConvertible, Equatable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    /// `keys[1].name: missing`, from where the decoder stopped.
    init(_ error: DecodingError) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context): self.init("\(path(context.codingPath + [key])): missing")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let expected =
                switch type {
                case is String.Type: "text"
                case is Int.Type: "a positive whole number"
                default: "a list"
                }
            self.init("\(path(context.codingPath)): should be \(expected)")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self.init("not JSON")
        case .dataCorrupted(let context):
            self.init("\(path(context.codingPath)): \(context.debugDescription)")
        @unknown default: self.init("not a keys file")
        }
    }
}
