import Foundation

/// A real SMTP server on loopback (`scripts/smtp_test_server.py`, aiosmtpd) in a subprocess.
///
/// It records each accepted message as JSON, with Python's own decoding of it, and counts TCP
/// connections. Missing python3 or aiosmtpd makes the test fail with a message saying so.
final class TestSMTPServer {
    enum Mode: String {
        /// No TLS, no AUTH: also the "server without STARTTLS" case.
        case plain
        /// STARTTLS required, AUTH required, self-signed certificate at ``certificatePath``.
        case starttls
        /// Implicit TLS, AUTH required.
        case smtps
    }

    static let user = "quotes"
    static let password = "s3cret-pass"

    let port: Int
    let directory: URL
    private let process: Process
    /// Closing it tells the server to exit (it also exits on SIGTERM).
    private let input = Pipe()

    /// The self-signed certificate, to pass as the CA file.
    var certificatePath: String { directory.appendingPathComponent("cert.pem").path }

    /// Starts a server and waits until it listens.
    init(mode: Mode) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("quotemailer-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.scriptPath, "--mode", mode.rawValue, "--dir", directory.path,
            "--user", Self.user, "--password", Self.password,
        ]
        let output = Pipe()
        let errors = directory.appendingPathComponent("server-stderr.log")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = output
        process.standardInput = input
        process.standardError = try FileHandle(forWritingTo: errors)
        do { try process.run() } catch { throw TestServerError.notStarted("cannot run python3: \(error)") }
        port = try Self.readPort(from: output.fileHandleForReading, process: process, errors: errors)
    }

    deinit { stop() }

    /// Ends the server process; safe to call twice.
    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    /// `smtp://127.0.0.1:<port>` (or `smtps://`).
    func url(scheme: String = "smtp") -> String { "\(scheme)://127.0.0.1:\(port)" }

    /// Messages received so far, in arrival order.
    func messages() throws -> [ReceivedMessage] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("message-") && $0.hasSuffix(".json") }
        let numbered = names.compactMap { name in
            Int(name.dropFirst("message-".count).dropLast(".json".count)).map { ($0, name) }
        }
        return try numbered.sorted { $0.0 < $1.0 }.map { _, name in
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            return try JSONDecoder().decode(ReceivedMessage.self, from: data)
        }
    }

    /// TCP connections accepted so far.
    func connectionCount() -> Int {
        let log = directory.appendingPathComponent("connections.log")
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").count
    }

    private static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/smtp_test_server.py").path
    }

    private static func readPort(from handle: FileHandle, process: Process, errors: URL) throws -> Int {
        var buffer = Data()
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer += chunk
        }
        let line = String(decoding: buffer, as: UTF8.self)
        guard line.hasPrefix("READY "),
            let port = Int(line.dropFirst(6).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw TestServerError.notStarted(
                "the test SMTP server did not start (python3 and aiosmtpd are required; "
                    + "run scripts/setup.sh): \(stderr)")
        }
        return port
    }
}

/// Why the test server is unusable.
enum TestServerError: Error, CustomStringConvertible {
    case notStarted(String)

    var description: String {
        switch self {
        case .notStarted(let reason): reason
        }
    }
}

/// One message as the server recorded it (`message-<n>.json`).
struct ReceivedMessage: Decodable {
    let session: Int
    let mailFrom: String
    let rcptTos: [String]
    let rawBase64: String
    let subject: String?
    let headerNames: [String]
    let contentTypes: [String]
    let text: String?
    let html: String?

    /// The bytes as they arrived, after the server undid SMTP dot-stuffing.
    var raw: [UInt8] { Array(Data(base64Encoded: rawBase64) ?? Data()) }

    enum CodingKeys: String, CodingKey {
        case session, subject, text, html
        case mailFrom = "mail_from"
        case rcptTos = "rcpt_tos"
        case rawBase64 = "raw_base64"
        case headerNames = "header_names"
        case contentTypes = "content_types"
    }
}
