import Logging
import Synchronization
import Testing

@testable import QuoteServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("service log lines")
struct ServiceLogHandlerTests {
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ bytes: [UInt8]) { lines.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }
        func withLock<R>(_ body: ([String]) -> R) -> R { lines.withLock { body($0) } }
    }

    /// A logger whose lines are kept, at 2026-11-21 09:30:12.345 UTC.
    static func logger(_ lines: Lines, nanoseconds: Int = 345_999_999) -> Logger {
        Logger(label: "repairquote.server") { label in
            ServiceLogHandler(
                label: label, output: { lines.append($0) },
                clock: { timespec(tv_sec: 1_795_253_412, tv_nsec: nanoseconds) })
        }
    }

    @Test(
        "a line has the UTC time to the millisecond, the level, sorted metadata, the source and the message")
    func layout() {
        let lines = Lines()
        var logger = Self.logger(lines)
        logger[metadataKey: "request"] = "r-1"
        logger[metadataKey: "number"] = "replaced by the event's"
        logger.info("quote issued", metadata: ["number": "NL-2026-000001", "coverage": "out-of-warranty"])
        #expect(
            lines.withLock { $0 } == [
                "2026-11-21T09:30:12.345Z info repairquote.server: coverage=out-of-warranty number=NL-2026-000001 request=r-1 [QuoteServerTests] quote issued\n"
            ])
    }

    @Test("levels below the logger's are dropped; errors are named")
    func levelsAndErrors() {
        struct Broken: Error {}
        let lines = Lines()
        var logger = Self.logger(lines, nanoseconds: 7_000_000)
        logger.logLevel = Logger.Level.notice
        logger.info("not shown")
        logger.error("outbox drain failed", error: Broken())
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        #expect(
            written.first?.hasPrefix(
                "2026-11-21T09:30:12.007Z error repairquote.server: error.message=Broken() ") == true)
        #expect(written.first?.contains("error.type=QuoteServerTests.ServiceLogHandlerTests") == true)
    }

    @Test("timestamps across the epoch, a leap day and the end of a year")
    func timestamps() {
        for (seconds, text) in [
            (0, "1970-01-01T00:00:00.000Z"), (1_709_164_799, "2024-02-28T23:59:59.000Z"),
            (1_709_251_199, "2024-02-29T23:59:59.000Z"), (1_798_761_599, "2026-12-31T23:59:59.000Z"),
        ] {
            var line: [UInt8] = []
            ServiceLogHandler.appendTimestamp(timespec(tv_sec: seconds, tv_nsec: 0), to: &line)
            #expect(String(decoding: line, as: UTF8.self) == text)
        }
    }

    @Test("CR, LF and other control characters in a message or a value are escaped: one event, one line")
    func injection() {
        let lines = Lines()
        let logger = Self.logger(lines)
        logger.warning(
            "bad to\r\n2026-01-01T00:00:00.000Z info forged",
            metadata: ["to": "a@b.example\r\nRCPT TO:<x@y.example>", "tab": "a\tb\u{1B}[31m\u{2028}\\"])
        let written = lines.withLock { $0 }
        #expect(
            written == [
                #"2026-11-21T09:30:12.345Z warning repairquote.server: tab=a\tb\u{1B}[31m\u{2028}\\ to=a@b.example\r\nRCPT TO:<x@y.example> [QuoteServerTests] bad to\r\n2026-01-01T00:00:00.000Z info forged"#
                    + "\n"
            ])
        #expect(written.first?.filter(\.isNewline).count == 1)
    }
}
