import ArgumentParser
import Foundation
import QuoteStore

/// `--db` and its PostgreSQL companions, shared by `serve`, `check` and `export`.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The store: a SQLite file (serve creates a missing one; the other commands refuse it) or postgres://USER[:PASSWORD]@HOST:PORT/DBNAME[?sslmode=MODE].",
            valueName: "FILE|URL"))
    var db: String?

    @Option(help: "File whose first line is the PostgreSQL password (else the URL's, else $PGPASSWORD).")
    var dbPasswordFile: String?

    @Option(help: "Most PostgreSQL connections this process opens.")
    var dbPool = 16

    init() {}

    init(db: String?, dbPasswordFile: String? = nil, dbPool: Int = 16) {
        self.db = db
        self.dbPasswordFile = dbPasswordFile
        self.dbPool = dbPool
    }

    /// The store `--db` names; a bad URL or password file is bad input naming the option.
    func location() throws -> StoreLocation {
        do {
            return try StoreLocation(db: db, passwordFile: dbPasswordFile, poolSize: dbPool)
        } catch {
            throw CLIError.badInput("--db: \(error)")
        }
    }

    /// Opens the store (a PostgreSQL pool run by `pool`); one that cannot be opened or reached is
    /// bad input naming the option, the host and the reason, in one line and without the password.
    func open(pool: PostgresQuoteRepository.PoolRunner = .repository) async throws -> OpenedStore {
        let location = try CLIError.guarding { try self.location() }
        do {
            return try await location.open(pool: pool)
        } catch {
            let reason = "\(error)".replacingOccurrences(of: "\n", with: " ")
            let message: String
            switch location {
            case .postgres: message = "--db \(location): \(reason)"
            default: message = "--db: database \(location): \(reason)"
            }
            FileHandle.standardError.write(Data("repairquote: \(message)\n".utf8))
            throw ExitCode(2)
        }
    }
}
