import Foundation
import QuoteCore
import QuoteStore
import Synchronization

/// The issued quotes of the service's store as a JSON-lines input: a thread writes them into a
/// pipe that the finance pipeline reads like a file.
enum StoreInput {
    /// The store's quotes; `zones` (market → time zone) date their decisions in the market's time.
    static func open(_ database: DatabaseOptions, zones: [String: TimeZone] = [:]) throws -> InputFile {
        switch try database.location() {
        case .memory: throw CLIError.badInput("--db: no store named")
        case .sqlite(let path): return try open(sqlite: path, zones: zones)
        case .postgres(let configuration): return try open(postgres: configuration, zones: zones)
        }
    }

    static func open(sqlite path: String) throws -> InputFile { try open(sqlite: path, zones: [:]) }

    static func open(sqlite path: String, zones: [String: TimeZone]) throws -> InputFile {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError.badInput("--db: \(path) does not exist")
        }
        let repository: SQLiteQuoteRepository
        do {
            repository = try SQLiteQuoteRepository(path: path)
        } catch {
            throw CLIError.badInput("--db: \(path): \(error)")
        }
        return try pipe(name: path) { write in
            try repository.writeJSONLines(
                today: CivilDate.today(in: TimeZone(identifier: "UTC")!), zones: zones, write)
        }
    }

    static func open(postgres configuration: PostgresStoreConfiguration, zones: [String: TimeZone]) throws
        -> InputFile
    {
        let repository: PostgresQuoteRepository
        do {
            repository = try Blocking.run { try await PostgresQuoteRepository.connect(configuration) }
        } catch {
            throw CLIError.badInput("--db \(configuration): \(error)")
        }
        return try pipe(name: configuration.description) { write in
            defer { Blocking.run { await repository.shutdown() } }
            let today = CivilDate.today(in: TimeZone(identifier: "UTC")!)
            var after: (market: String, number: String)?
            repeat {
                let page = try Blocking.run { [after] in
                    try await repository.jsonLines(after: after, today: today, zones: zones)
                }
                for line in page.lines { try write(line) }
                after = page.last
            } while after != nil
        }
    }

    /// A pipe whose write end a thread of its own fills with `produce`; the read end as input.
    static func pipe(name: String, _ produce: @escaping @Sendable ((String) throws -> Void) throws -> Void)
        throws
        -> InputFile
    {
        var ends: [Int32] = [0, 0]
        guard Foundation.pipe(&ends) == 0 else { throw CLIError.badInput("--db: cannot create a pipe") }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        Thread.detachNewThread {
            defer { close(writeEnd) }
            do {
                try produce { line in
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
        return InputFile(fileDescriptor: readEnd, name: name)
    }
}

/// Runs async work from a thread that may block (the main thread of a synchronous command, or a
/// thread of its own), never from Swift's concurrency pool.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0 }!.get()
    }

    static func run(_ work: @escaping @Sendable () async -> Void) {
        _ = try? run { () async throws -> Bool in
            await work()
            return true
        }
    }
}
