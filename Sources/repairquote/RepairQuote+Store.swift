import ArgumentParser
import Foundation
import QuoteStore

/// `repairquote store copy|backup`: moving and saving the service's store.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract:
            "Copy a SQLite store into PostgreSQL, back a SQLite store up, or verify its history (see docs/service.md).",
        subcommands: [Copy.self, Backup.self, Verify.self])

    /// `store copy --from quotes.sqlite --to postgres://…`.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Copy a whole SQLite store into an empty PostgreSQL database, verified by counts and checksums."
        )

        @Option(help: ArgumentHelp("The SQLite store to copy.", valueName: "FILE")) var from: String
        @Option(
            help: ArgumentHelp(
                "The empty PostgreSQL database: postgres://USER@HOST:PORT/DBNAME.", valueName: "URL"))
        var to: String
        @Option(help: "File whose first line is the PostgreSQL password (else the URL's, else $PGPASSWORD).")
        var dbPasswordFile: String?

        func validate() throws {
            guard PostgresStoreConfiguration.isURL(to) else {
                throw ValidationError("--to must be a postgres:// URL")
            }
            guard FileManager.default.fileExists(atPath: from) else {
                throw ValidationError("--from \(from): the file does not exist")
            }
        }

        func run() async throws {
            let source = try CLIError.guarding {
                do { return try SQLiteQuoteRepository(path: from) } catch {
                    throw CLIError.badInput("--from \(from): \(error)")
                }
            }
            let target = try await DatabaseOptions(db: to, dbPasswordFile: dbPasswordFile).open()
            guard let postgres = target.repository as? PostgresQuoteRepository else { return }
            do {
                let report = try await StoreCopy.copy(from: source, to: postgres)
                await target.close()
                for (table, rows) in report.counts { StandardOutput.write("\(table)\t\(rows)\n") }
                StandardOutput.write("copied and verified (counts and SHA-256 of every table)\n")
            } catch {
                await target.close()
                FileHandle.standardError.write(
                    Data("repairquote: --to \(postgres.configuration): \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
    }

    /// `store backup FILE --db quotes.sqlite`: SQLite's online backup, safe while `serve` runs.
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Back a SQLite store up with SQLite's online backup API (PostgreSQL: use pg_dump).")

        @Argument(help: ArgumentHelp("The backup file to create (must not exist).", valueName: "FILE"))
        var file: String
        @Option(help: ArgumentHelp("The SQLite store to back up.", valueName: "FILE")) var db: String

        func validate() throws {
            guard !PostgresStoreConfiguration.isURL(db) else {
                throw ValidationError("--db: a PostgreSQL database is backed up with pg_dump")
            }
            guard FileManager.default.fileExists(atPath: db) else {
                throw ValidationError("--db \(db): the file does not exist")
            }
            guard !FileManager.default.fileExists(atPath: file) else {
                throw ValidationError("\(file) already exists")
            }
        }

        func run() async throws {
            try CLIError.guarding {
                do {
                    try SQLiteQuoteRepository(path: db).backup(to: file)
                } catch {
                    throw CLIError.badInput("store backup \(file): \(error)")
                }
            }
            StandardOutput.write("backed up \(db) to \(file)\n")
        }
    }
}
