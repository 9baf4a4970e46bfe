import Foundation
import HummingbirdBcrypt

/// The console's users file: `{"users": [{"name", "role", "retailer", "passwordHash"}]}`, written
/// atomically with mode 0600 (`repairquote users add|list|remove`).
public struct UsersFile: Sendable {
    public private(set) var users: [ConsoleUser]

    public init(users: [ConsoleUser] = []) {
        self.users = users
    }

    /// Passwords shorter than this are refused.
    public static let minimumPasswordLength = 12

    /// Reads a users file; a missing file is empty when `missingIsEmpty`.
    public static func load(file: URL, missingIsEmpty: Bool = false) throws(UsersFileError) -> UsersFile {
        if missingIsEmpty, !FileManager.default.fileExists(atPath: file.path) { return UsersFile() }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw UsersFileError("\(file.path): cannot read the file")
        }
        struct File: Decodable { var users: [ConsoleUser] }
        do {
            let users = try JSONDecoder().decode(File.self, from: data).users
            for (index, user) in users.enumerated() {
                do { try check(name: user.name, role: user.role, retailer: user.retailer) } catch {
                    throw UsersFileError("\(file.path): users[\(index)].\(error.description)")
                }
            }
            return UsersFile(users: users)
        } catch let error as UsersFileError {
            throw error
        } catch {
            throw UsersFileError("\(file.path): not a users file (\(error))")
        }
    }

    /// The user of a name.
    public func user(named name: String) -> ConsoleUser? { users.first { $0.name == name } }

    /// Adds (or with `replace`, replaces) a user, hashing the password with bcrypt.
    public mutating func add(
        name: String, role: String, retailer: String?, password: String, replace: Bool, market: String? = nil
    ) throws(UsersFileError) {
        guard let role = Role(rawValue: role) else {
            let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsersFileError("--role: \"\(role)\" is not one of \(roles)")
        }
        try Self.check(name: name, role: role, retailer: retailer)
        guard password.count >= Self.minimumPasswordLength else {
            throw UsersFileError("password: at least \(Self.minimumPasswordLength) characters are needed")
        }
        if let market, market.count != 2 || !market.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            throw UsersFileError("--market: \"\(market)\" is not a market code (two capitals, as NL)")
        }
        if user(named: name) != nil, !replace {
            throw UsersFileError("\(name): the user exists (add --replace to change it)")
        }
        let user = ConsoleUser(
            name: name, role: role, retailer: role.reach == .ownRetailer ? retailer : nil,
            passwordHash: Bcrypt.hash(password, cost: 10), market: market)
        if let index = users.firstIndex(where: { $0.name == name }) {
            users[index] = user
        } else {
            users.append(user)
        }
    }

    /// Removes a user; an unknown name is an error.
    public mutating func remove(name: String) throws(UsersFileError) {
        guard let index = users.firstIndex(where: { $0.name == name }) else {
            throw UsersFileError("\(name): no such user")
        }
        users.remove(at: index)
    }

    /// Writes the file atomically (a temporary file beside it, then a rename), mode 0600.
    public func save(file: URL) throws(UsersFileError) {
        struct File: Encodable { var users: [ConsoleUser] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = file.deletingLastPathComponent().appendingPathComponent(
            ".\(file.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            let data = try encoder.encode(File(users: users))
            guard
                FileManager.default.createFile(
                    atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
            else { throw UsersFileError("cannot write") }
            guard rename(temporary.path, file.path) == 0 else { throw UsersFileError("cannot rename") }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw UsersFileError("\(file.path): cannot write the users file")
        }
    }

    /// Whether the password is the user's; the same work for unknown names (no timing hint).
    public func verify(name: String, password: String) -> ConsoleUser? {
        guard let user = user(named: name) else {
            _ = Bcrypt.verify(password, hash: Self.unknownUserHash)
            return nil
        }
        return Bcrypt.verify(password, hash: user.passwordHash) ? user : nil
    }

    /// A hash of no one's password, checked for unknown names.
    static let unknownUserHash = Bcrypt.hash("no such user here", cost: 10)

    static func check(name: String, role: Role, retailer: String?) throws(UsersFileError) {
        guard (1...64).contains(name.count),
            name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.@".contains($0) })
        else {
            throw UsersFileError("name: 1 to 64 letters, digits or - _ . @")
        }
        if role.reach == .ownRetailer && (retailer ?? "").isEmpty {
            throw UsersFileError("--retailer: a retailer user needs its retailer id")
        }
    }
}

/// A users file that cannot be used, or a change to it that is refused, naming the field.
public struct UsersFileError: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
}
