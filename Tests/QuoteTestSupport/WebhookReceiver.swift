import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The Python receiver `scripts/webhooks/receiver.py` on 127.0.0.1, run with `.build/test-venv`'s
/// python, where `scripts/setup.sh` installs `standardwebhooks`. It verifies each delivery with the
/// reference implementation (not our code) and records one JSON line per request.
/// `@unchecked Sendable`: its fields are set once in `init`; `stop` and `records` may be called from
/// any task (the process and the log file do their own locking).
public final class WebhookReceiver: @unchecked Sendable {
    /// One request as the receiver saw it.
    public struct Record: Decodable, Equatable {
        public var id: String
        public var attempt: Int
        /// One entry per secret given, in order: did `Webhook(secret).verify` accept the delivery?
        public var verified: [Bool]
        public var signatures: Int
        public var type: String?
        public var status: Int
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let python = root.appendingPathComponent(".build/test-venv/bin/python").path

    public let port: Int
    public let directory: URL
    private let process = Process()

    /// Starts the receiver answering `script` (e.g. `500,500,204`; `429:7` adds `Retry-After: 7`).
    public init(secrets: [String], script: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            throw ReceiverError(
                "\(Self.python) is missing: run bash scripts/setup.sh (test-venv with standardwebhooks)")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "webhooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments =
            [
                Self.root.appendingPathComponent("scripts/webhooks/receiver.py").path,
                "--dir", directory.path, "--script", script,
            ] + secrets.flatMap { ["--secret", $0] }
        let output = Pipe()
        process.standardOutput = output
        let errorLog = directory.appendingPathComponent("receiver-stderr.log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableLine(), as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            let errors = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            throw ReceiverError("receiver did not start: \(line) \(errors)")
        }
        self.port = port
    }

    deinit { stop() }

    /// Ends the receiver by its own process id (SIGTERM) and waits for it.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    /// `http://127.0.0.1:<port>/hooks`.
    public var url: String { "http://127.0.0.1:\(port)/hooks" }

    /// The requests recorded so far, in arrival order.
    public func records() throws -> [Record] {
        let file = directory.appendingPathComponent("deliveries.jsonl")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map {
            try JSONDecoder().decode(Record.self, from: Data($0.utf8))
        }
    }
}

public struct ReceiverError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension FileHandle {
    /// Bytes up to the first newline (or the end of the stream).
    func availableLine() -> [UInt8] {
        var line: [UInt8] = []
        while let byte = try? read(upToCount: 1), let first = byte.first, first != 10 { line.append(first) }
        return line
    }
}
