import Foundation
import QuoteCore
import QuoteStore

/// The issued quotes of the service's store as a JSON-lines input: a thread writes them into a
/// pipe that the finance pipeline reads like a file.
enum StoreInput {
    static func open(_ path: String) throws -> InputFile {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError.badInput("--db: \(path) does not exist")
        }
        let repository: SQLiteQuoteRepository
        do {
            repository = try SQLiteQuoteRepository(path: path)
        } catch {
            throw CLIError.badInput("--db: \(path): \(error)")
        }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw CLIError.badInput("--db: cannot create a pipe") }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        Thread.detachNewThread {
            defer { close(writeEnd) }
            do {
                let today = CivilDate.today(in: TimeZone(identifier: "UTC")!)
                try repository.writeJSONLines(today: today) { line in
                    var bytes = Array(line.utf8)[...]
                    while !bytes.isEmpty {
                        let written = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                        guard written > 0 else { throw CLIError.badInput("--db: output closed") }
                        bytes = bytes.dropFirst(written)
                    }
                }
            } catch {
                FileHandle.standardError.write(Data("repairquote: --db: \(error)\n".utf8))
            }
        }
        return InputFile(fileDescriptor: readEnd, name: path)
    }
}
