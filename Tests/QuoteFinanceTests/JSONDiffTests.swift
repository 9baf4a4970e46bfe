import QuoteCore
import QuoteFinance
import QuoteJSON
import Testing

@Suite("JSON differences of stored and recomputed quotes")
struct JSONDiffTests {
    static func line(_ kind: String, _ reference: String, _ gross: String) -> JSONValue {
        .object(
            JSONObject([
                ("kind", .string(kind)), ("reference", .string(reference)), ("gross", .string(gross)),
            ]))
    }

    @Test("a line missing from the middle is one difference at its index, not a shift of the rest")
    func missingMiddleLine() throws {
        let recomputed = JSONValue.object(
            JSONObject([
                (
                    "lines",
                    .array([
                        Self.line("labor", "L2", "47.19"), Self.line("part", "X12P-DISPLAY", "229.78"),
                        Self.line("handling", "", "15.13"),
                    ])
                )
            ]))
        let stored = JSONValue.object(
            JSONObject([
                (
                    "lines",
                    .array([
                        Self.line("labor", "L2", "47.19"), Self.line("handling", "", "15.14"),
                    ])
                )
            ]))
        let differences = JSONDiff.differences(stored: stored, recomputed: recomputed)
        #expect(differences.map(\.path) == ["lines[1]", "lines[2].gross"])
        #expect(differences[0].stored == nil)
        #expect(differences[0].recomputed == Self.line("part", "X12P-DISPLAY", "229.78"))
        #expect(differences[1].stored == .string("15.14"))
    }

    @Test("an extra stored line is reported at its stored index")
    func extraStoredLine() {
        let recomputed = JSONValue.array([Self.line("labor", "L2", "1.00")])
        let stored = JSONValue.array([Self.line("part", "P", "2.00"), Self.line("labor", "L2", "1.00")])
        let differences = JSONDiff.differences(stored: stored, recomputed: recomputed)
        #expect(
            differences == [
                JSONDifference(path: "[0]", stored: Self.line("part", "P", "2.00"), recomputed: nil)
            ])
    }
}
