import ArgumentParser
import Foundation
import QuoteStore

extension StoreCommand {
    /// `store verify --db FILE|URL`: walks every quote's event chain (docs/service.md, "Evidence
    /// and history"). Exit 0 with the counts; 1 naming the first quote and event that do not
    /// match; 2 for a store it cannot open or read.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every stored quote and its event history against their SHA-256 hash chain.")

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard database.db != nil else { throw ValidationError("--db is required") }
        }

        func run() async throws {
            let db = database.db ?? ""
            guard PostgresStoreConfiguration.isURL(db) || FileManager.default.fileExists(atPath: db) else {
                FileHandle.standardError.write(
                    Data("repairquote: --db \(db): the file does not exist\n".utf8))
                throw ExitCode(2)
            }
            let store = try await database.open()
            let verification: ChainVerification
            do {
                verification = try await store.repository.verifyChains()
            } catch {
                await store.close()
                let reason = "\(error)".replacingOccurrences(of: "\n", with: " ")
                FileHandle.standardError.write(Data("repairquote: --db \(db): \(reason)\n".utf8))
                throw ExitCode(2)
            }
            await store.close()
            if let fault = verification.fault {
                FileHandle.standardError.write(Data("repairquote: store verify: \(fault)\n".utf8))
                StandardOutput.write(
                    "checked \(verification.quotes) quotes and \(verification.events) events before the fault\n"
                )
                throw ExitCode(1)
            }
            StandardOutput.write("verified \(verification.quotes) quotes and \(verification.events) events\n")
        }
    }
}
