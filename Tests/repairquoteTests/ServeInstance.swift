import Foundation
import QuoteTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `repairquote serve` process on a loopback port, for tests of several instances on one
/// database. Stopped with SIGTERM (graceful) by ``stop()``.
final class ServeInstance: @unchecked Sendable {
    static let key = "sc-demo-0000000000000000000000000001"
    let process = Process()
    let port: Int
    let errors = Pipe()

    init(db: String, port: Int, extra: [String] = []) throws {
        self.port = port
        process.executableURL = CommandLineTests.binary
        process.currentDirectoryURL = CommandLineTests.root
        process.arguments =
            ["serve", "--port", String(port), "--keys", "Examples/service/keys.sample.json", "--db", db]
            + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
    }

    /// Waits until `/health` answers (at most about 30 s).
    func ready() async throws {
        for _ in 0..<300 {
            if process.isRunning == false { break }
            if let (_, status) = try? await Self.call("GET", "http://127.0.0.1:\(port)/health"), status == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let err = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        throw ServeFailed(description: "serve on port \(port) did not become ready: \(err)")
    }

    struct ServeFailed: Error, CustomStringConvertible { let description: String }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// POST /v1/quotes; returns the status and the quote number of the answer.
    func issue(_ body: String, idempotencyKey: String? = nil) async throws -> (status: Int, number: String?) {
        var headers = ["Authorization": "Bearer \(Self.key)"]
        if let idempotencyKey { headers["Idempotency-Key"] = idempotencyKey }
        let (data, status) = try await Self.call(
            "POST", "http://127.0.0.1:\(port)/v1/quotes", body: body, headers: headers)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return (status, json?["number"] as? String)
    }

    func call(_ method: String, _ path: String, body: String? = nil) async throws -> (Data, Int) {
        try await Self.call(
            method, "http://127.0.0.1:\(port)\(path)", body: body,
            headers: ["Authorization": "Bearer \(Self.key)"])
    }

    static func call(_ method: String, _ url: String, body: String? = nil, headers: [String: String] = [:])
        async throws -> (Data, Int)
    {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.timeoutInterval = 60
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    /// A free loopback port.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
