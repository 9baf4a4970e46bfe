import Foundation
import QuoteCore

/// The shipped examples, found from this file's location, and the fixed day cases without a
/// request date are read on.
enum Fixtures {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")

    static let today = CivilDate(year: 2026, month: 3, day: 2)!
}
