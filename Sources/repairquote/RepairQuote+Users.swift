import ArgumentParser
import Foundation
import QuoteServer

extension RepairQuote {
    /// `repairquote users add|list|remove`: the console's users file.
    struct UsersCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "users", abstract: "Manage the web console's users file (see docs/console.md).",
            subcommands: [Add.self, List.self, Remove.self])

        struct FileOption: ParsableArguments {
            @Option(help: ArgumentHelp("The users file (written with mode 0600).", valueName: "FILE"))
            var users: String
            var url: URL { URL(fileURLWithPath: users) }
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a user; the password is read from stdin (at least 12 characters).")
            @Argument(help: "The user's sign-in name.") var name: String
            @Option(help: "service-center, retailer or finance.") var role: String
            @Option(help: "The retailer id (retailer users).") var retailer: String?
            @Option(help: "The market the quote form starts on (NL); else the last one used.") var market:
                String?
            @OptionGroup var file: FileOption
            @Flag(help: "Read the password from stdin (required).") var passwordStdin = false
            @Flag(help: "Replace a user of the same name.") var replace = false

            func validate() throws {
                guard passwordStdin else {
                    throw ValidationError("--password-stdin: the password is read from stdin only")
                }
            }

            func run() throws {
                try CLIError.guarding {
                    var line = readLine(strippingNewline: true) ?? ""
                    if line.hasSuffix("\r") { line.removeLast() }
                    do {
                        var users = try UsersFile.load(file: file.url, missingIsEmpty: true)
                        try users.add(
                            name: name, role: role, retailer: retailer, password: line, replace: replace,
                            market: market)
                        try users.save(file: file.url)
                    } catch {
                        throw CLIError.badInput("users add: \(error)")
                    }
                    print("added \(name) (\(role)) to \(file.users)")
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the users (never their hashes).")
            @OptionGroup var file: FileOption

            func run() throws {
                try CLIError.guarding {
                    do {
                        for user in try UsersFile.load(file: file.url).users {
                            print(
                                [user.name, user.role.rawValue, user.retailer ?? "-"].joined(separator: "\t"))
                        }
                    } catch {
                        throw CLIError.badInput("users list: \(error)")
                    }
                }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove a user.")
            @Argument(help: "The user's sign-in name.") var name: String
            @OptionGroup var file: FileOption

            func run() throws {
                try CLIError.guarding {
                    do {
                        var users = try UsersFile.load(file: file.url)
                        try users.remove(name: name)
                        try users.save(file: file.url)
                    } catch {
                        throw CLIError.badInput("users remove: \(error)")
                    }
                    print("removed \(name) from \(file.users)")
                }
            }
        }
    }
}
