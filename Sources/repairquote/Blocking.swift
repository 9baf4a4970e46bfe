import Foundation
import Synchronization

/// Runs async work from a thread that may block (the main thread of a synchronous command, or the
/// reading stage of the finance pipeline), never from Swift's concurrency pool: the store clients
/// are async, the finance commands and their pipeline are not.
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
