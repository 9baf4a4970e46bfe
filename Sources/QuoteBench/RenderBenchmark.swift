import QuoteCore
import QuoteRendering

/// Measures how many documents a renderer produces per second on the calling thread (one core).
/// The CLI's `repairquote bench` calls it; `docs/benchmarks.md` records the figure.
public enum RenderBenchmark {
    /// The outcome of one run.
    public struct Result: Sendable, CustomStringConvertible {
        public let format: DocumentFormat
        public let iterations: Int
        public let elapsed: Duration
        /// The size of one rendered document in UTF-8 bytes.
        public let documentBytes: Int

        /// Whole renders per second: iterations × 10⁹ / elapsed nanoseconds.
        public var rendersPerSecond: Int64 {
            let nanoseconds = max(1, Self.nanoseconds(elapsed))
            return Int64(iterations) * 1_000_000_000 / nanoseconds
        }

        /// Mean time of one render in microseconds.
        public var microsecondsPerRender: Int64 {
            Self.nanoseconds(elapsed) / Int64(max(1, iterations)) / 1000
        }

        public var description: String {
            "\(format.rawValue): \(iterations) renders in \(elapsed) → \(rendersPerSecond)/s "
                + "(\(microsecondsPerRender) µs each, \(documentBytes) bytes per document)"
        }

        static func nanoseconds(_ duration: Duration) -> Int64 {
            let (seconds, attoseconds) = duration.components
            return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        }
    }

    /// Renders `quote` `iterations` times after a short warm-up and times the loop.
    public static func run(
        renderer: QuoteRenderer, quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat = .html,
        language: String? = nil, marketLanguage: String, iterations: Int
    ) throws(RenderError) -> Result {
        func once() throws(RenderError) -> String {
            try renderer.render(
                quote, case: serviceCase, format: format, language: language, marketLanguage: marketLanguage)
        }
        var bytes = 0
        for _ in 0..<min(100, iterations) { bytes = try once().utf8.count }
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<iterations { bytes = try once().utf8.count }
        let elapsed = clock.now - start
        return Result(format: format, iterations: iterations, elapsed: elapsed, documentBytes: bytes)
    }
}
