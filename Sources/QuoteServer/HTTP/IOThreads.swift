import NIOPosix
import Synchronization

/// One process-wide event loop group per thread count, made on first use and kept for the
/// process's life (like NIO's own singleton), so applications built again (in tests) share it.
enum IOThreads {
    private static let groups = Mutex<[Int: MultiThreadedEventLoopGroup]>([:])

    static func group(of threads: Int) -> MultiThreadedEventLoopGroup {
        groups.withLock { groups in
            if let group = groups[threads] { return group }
            let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
            groups[threads] = group
            return group
        }
    }
}
