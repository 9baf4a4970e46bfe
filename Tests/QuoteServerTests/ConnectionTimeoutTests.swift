import Foundation
import Hummingbird
import HummingbirdTesting
import QuoteServer
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking TCP connection to the server under test, with a receive time-out as a safety net.
struct RawConnection {
    let socket: Int32

    init(host: String, port: Int, safety: Int = 60) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else {
            throw POSIXError(.EHOSTUNREACH)
        }
        defer { freeaddrinfo(found) }
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            let fd = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype, 0)
            if fd >= 0 && connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                var limit = timeval(tv_sec: safety, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                socket = fd
                return
            }
            if fd >= 0 { Glibc.close(fd) }
            entry = address.pointee.ai_next
        }
        throw POSIXError(.ECONNREFUSED)
    }

    func send(_ text: String) {
        _ = text.withCString { Glibc.send(socket, $0, strlen($0), 0) }
    }

    /// Everything the server sends until it closes the connection; nil if it is still open when
    /// the safety time-out passes. A reset counts as closed: a server that closes with bytes the
    /// client dribbled still unread sends a reset, not a FIN.
    func readUntilClosed() -> String? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { return String(decoding: received, as: UTF8.self) }
            if count < 0 && errno == ECONNRESET { return String(decoding: received, as: UTF8.self) }
            if count < 0 { return errno == EINTR ? readUntilClosed() : nil }
            received += buffer[0..<count]
        }
    }

    /// ``readUntilClosed()`` on a thread of its own, not blocking Swift's concurrency pool (the
    /// server's handlers run there).
    func readUntilClosedAsync() async -> String? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: readUntilClosed()) }
        }
    }

    func close() { _ = Glibc.close(socket) }
}

@Suite("connection timeouts, over a real socket")
struct ConnectionTimeoutTests {
    /// Runs `body` with the port of a live server with these options.
    func live(_ options: ServerOptions, _ body: @Sendable (Int) async throws -> Void) async throws {
        let app = Application(router: try TestServer().router, server: options.httpServer)
        try await app.test(.live) { client in try await body(try #require(client.port)) }
    }

    @Test("a request head left unfinished is closed after --header-timeout; a finished one is answered")
    func unfinishedHead() async throws {
        var options = ServerOptions()
        options.headerTimeout = .seconds(1)
        try await live(options) { port in
            let slow = try RawConnection(host: "localhost", port: port)
            defer { slow.close() }
            slow.send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            #expect(await slow.readUntilClosedAsync() == "")
            let prompt = try RawConnection(host: "localhost", port: port)
            defer { prompt.close() }
            prompt.send("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            let answer = await prompt.readUntilClosedAsync()
            #expect(answer?.hasPrefix("HTTP/1.1 200") == true)
            #expect(answer?.contains(#"{"status":"ok"}"#) == true)
        }
    }

    @Test("a kept-alive connection is closed once idle for --idle-timeout, after its answer")
    func idleKeepAlive() async throws {
        var options = ServerOptions()
        options.idleTimeout = .seconds(1)
        try await live(options) { port in
            let connection = try RawConnection(host: "localhost", port: port)
            defer { connection.close() }
            connection.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let answer = await connection.readUntilClosedAsync()
            #expect(answer?.hasPrefix("HTTP/1.1 200") == true)
            #expect(answer?.hasSuffix(#"{"status":"ok"}"#) == true)
        }
    }
}
