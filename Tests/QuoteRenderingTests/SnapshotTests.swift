import Foundation
import QuoteRendering
import Testing

/// Rendered documents compared with `Snapshots/<fixture>.<lang>.<txt|html>`. Re-record with
/// `RECORD_SNAPSHOTS=1 swift test --filter QuoteRenderingTests` and review the diff.
@Suite("Snapshots: one quote per market and outcome, in five languages")
struct SnapshotTests {
    @Test("rendered document matches its snapshot", arguments: SnapshotCase.all)
    func matchesSnapshot(_ snapshot: SnapshotCase) throws {
        try Snapshot.compare(try snapshot.render(), file: snapshot.fileName)
    }

    @Test("every market and every outcome has a snapshot, in at least three languages")
    func coverage() {
        let fixtures = QuoteFixture.all
        #expect(Set(fixtures.map(\.quote.market.rawValue)) == ["NL", "BE", "LU", "ES", "HK", "PK", "US"])
        #expect(Set(fixtures.map(\.quote.coverage.status)).count == 6)
        #expect(Set(SnapshotCase.all.map(\.language)).count >= 3)
        #expect(fixtures.contains { $0.quote.ifRejected != nil })
        #expect(fixtures.contains { $0.quote.lines.contains { $0.kind == .refund } })
    }

    @Test("plain text fits 80 columns, counting CJK characters as two")
    func textWidth() throws {
        for snapshot in SnapshotCase.all where snapshot.format == .text {
            for line in try snapshot.render().split(separator: "\n") {
                #expect(
                    DisplayWidth.of(line) <= 80,
                    "\(snapshot.fileName): \"\(line)\" is \(DisplayWidth.of(line)) columns")
            }
        }
    }
}

/// Compares a rendered document with its stored snapshot, or records it with `RECORD_SNAPSHOTS=1`.
enum Snapshot {
    static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"

    static func compare(_ rendered: String, file name: String) throws {
        let file = Support.snapshots.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try rendered.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(name); record it with RECORD_SNAPSHOTS=1")
            return
        }
        #expect(rendered == expected, "\(name) differs; diff it or re-record with RECORD_SNAPSHOTS=1")
    }
}
