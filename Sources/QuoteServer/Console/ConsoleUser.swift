import Foundation

/// A person who signs in to the console: a name, a role (the API's roles) and a bcrypt hash.
public struct ConsoleUser: Sendable, Equatable, Codable {
    public var name: String
    public var role: Role
    /// The retailer id, for retailer users.
    public var retailer: String?
    /// `$2b$…`, from `HummingbirdBcrypt`; the password itself is never stored.
    public var passwordHash: String
    /// The market the quote form starts on (`NL`); without it, the last one the user issued in.
    public var market: String?

    public init(
        name: String, role: Role, retailer: String? = nil, passwordHash: String, market: String? = nil
    ) {
        self.name = name
        self.role = role
        self.retailer = retailer
        self.passwordHash = passwordHash
        self.market = market
    }

    /// The caller the API's checks see (the same rules as an API key of this role).
    var principal: Principal {
        var principal = Principal(name: name, role: role, retailer: retailer)
        principal.signedIn = true
        return principal
    }
}
