import Foundation
import Testing

/// docs/service.md's receiver example is the tested receiver's code, not a copy that can drift.
@Suite("the documented webhook receiver")
struct WebhookReceiverExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("every line of the Webhooks section's python example is a line of scripts/webhooks/receiver.py")
    func exampleIsTheReceiver() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/service.md"), encoding: .utf8)
        let receiver = try String(
            contentsOf: Self.root.appendingPathComponent("scripts/webhooks/receiver.py"), encoding: .utf8)
        let section = try #require(doc.range(of: "## Webhooks\n")).upperBound
        let start = try #require(doc.range(of: "```python\n", range: section..<doc.endIndex)).upperBound
        let end = try #require(doc.range(of: "```", range: start..<doc.endIndex)).lowerBound
        let example = doc[start..<end].split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        let lines = Set(receiver.split(separator: "\n").map(String.init))
        #expect(example.count >= 8)
        for line in example { #expect(lines.contains(String(line)), "\(line)") }
        #expect(example.contains { $0.contains("Webhook(secret).verify(body, headers)") })
    }
}
