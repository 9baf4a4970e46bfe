import NIOCore
import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The client hung up before its request was complete: reading the body failed with NIO's parse
/// error of an early end (`invalidEOFState`), a closed channel or a reset connection. No answer
/// can reach it, and nothing of the service failed, so this is no 500: ``ObservabilityMiddleware``
/// logs it at debug level and counts it apart. Any other parse error is a malformed body, which
/// ``ErrorMiddleware`` answers 400.
struct ClientAbort: Error {
    let reason: String

    /// The abort an error of reading or writing the connection means; nil for any other error.
    init?(_ error: any Error) {
        switch error {
        case let error as HTTPParserError where error == .invalidEOFState: reason = "\(error)"
        case let error as ChannelError:
            switch error {
            case .ioOnClosedChannel, .eof, .inputClosed, .outputClosed, .alreadyClosed: reason = "\(error)"
            default: return nil
            }
        case let error as IOError where [ECONNRESET, EPIPE].contains(error.errnoCode): reason = "\(error)"
        default: return nil
        }
    }
}
