import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The service's log lines, on standard error:
///
///     2026-11-21T09:30:12.345Z info repairquote.server: coverage=out-of-warranty number=NL-2026-000001 [QuoteServer] quote issued
///
/// The layout of swift-log's `StreamLogHandler`, with two differences an operator running several
/// instances needs: the time is UTC with milliseconds (the stream handler writes local time to the
/// second, and reads the time-zone file again for every line), and the text of a line is made
/// before a lock is taken, so the lock covers only its `write(2)` calls: lines of concurrent
/// requests never interleave and rarely wait for each other.
public struct ServiceLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    let label: String
    let output: @Sendable ([UInt8]) -> Void
    let clock: @Sendable () -> timespec

    /// A handler writing to standard error.
    public init(label: String) {
        self.init(label: label, output: Self.writeToStandardError, clock: Self.now)
    }

    /// A handler writing each line to `output`, at the times `clock` gives (for tests).
    init(
        label: String, output: @escaping @Sendable ([UInt8]) -> Void,
        clock: @escaping @Sendable () -> timespec
    ) {
        self.label = label
        self.output = output
        self.clock = clock
        metadataProvider = LoggingSystem.metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let explicit = event.metadata { all.merge(explicit) { $1 } }
        if let error = event.error {
            all["error.message"] = "\(error)"
            all["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        var line: [UInt8] = []
        line.reserveCapacity(192)
        Self.appendTimestamp(clock(), to: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: event.level.rawValue.utf8)
        if !label.isEmpty {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: label.utf8)
        }
        line.append(UInt8(ascii: ":"))
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            line.append(UInt8(ascii: " "))
            Self.appendEscaped(key, to: &line)
            line.append(UInt8(ascii: "="))
            Self.appendEscaped("\(value)", to: &line)
        }
        line.append(contentsOf: " [".utf8)
        line.append(contentsOf: event.source.utf8)
        line.append(contentsOf: "] ".utf8)
        Self.appendEscaped(event.message.description, to: &line)
        line.append(UInt8(ascii: "\n"))
        output(line)
    }

    /// Appends `text` with its control characters escaped (`\n`, `\r`, `\t`, `\\`, `\u{1B}`; also
    /// U+0085, U+2028 and U+2029), so that whatever a request puts into a message or a metadata
    /// value, one event is one line.
    static func appendEscaped(_ text: String, to line: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": line.append(contentsOf: #"\n"#.utf8)
            case "\r": line.append(contentsOf: #"\r"#.utf8)
            case "\t": line.append(contentsOf: #"\t"#.utf8)
            case "\\": line.append(contentsOf: #"\\"#.utf8)
            case _ where isControl(scalar.value):
                line.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".utf8)
            default: line.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }

    /// `2026-11-21T09:30:12.345Z`.
    static func appendTimestamp(_ time: timespec, to line: inout [UInt8]) {
        var seconds = time.tv_sec
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else {
            line.append(contentsOf: "\(time.tv_sec)s".utf8)
            return
        }
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                line.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(Int(parts.tm_year) + 1900, 4)
        line.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2)
        line.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2)
        line.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2)
        line.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2)
        line.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2)
        line.append(UInt8(ascii: "."))
        digits(Int(time.tv_nsec) / 1_000_000, 3)
        line.append(UInt8(ascii: "Z"))
    }

    @Sendable static func now() -> timespec {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return time
    }

    /// One line at a time on standard error (a long line can take several writes to a pipe).
    private static let standardError = Mutex(())

    /// Writes the whole line, retrying short writes and interruptions. A line that cannot be
    /// written (standard error closed or full) is dropped rather than stopping the service; when
    /// part of it went out, a newline ends it so the next line starts on its own.
    @Sendable static func writeToStandardError(_ line: [UInt8]) {
        standardError.withLock { _ in
            line.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        if offset > 0 { _ = write(2, "\n", 1) }
                        return
                    }
                }
            }
        }
    }
}
