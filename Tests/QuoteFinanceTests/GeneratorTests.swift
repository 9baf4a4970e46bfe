import Foundation
import QuoteCore
import QuoteFinance
import Testing

@Suite("bench generate: reproducible cases across markets and outcomes")
struct GeneratorTests {
    @Test("the same seed gives the same bytes; another seed does not")
    func reproducible() {
        let a = Fixtures.generated(40, seed: 99, corruptPerMillion: 100_000)
        let b = Fixtures.generated(40, seed: 99, corruptPerMillion: 100_000)
        #expect(a == b)
        #expect(a != Fixtures.generated(40, seed: 100, corruptPerMillion: 100_000))
    }

    @Test("SplitMix64 gives the published first value for seed 0")
    func splitMix() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test("every coverage status, market and case kind appears in the first 100 lines")
    func coverage() {
        var statuses = Set<String>()
        var markets = Set<String>()
        var kinds = Set<String>()
        for line in Fixtures.generated(100, seed: 4) {
            let json = Fixtures.json(line)
            statuses.insert(Fixtures.string(json, ["quote", "coverage", "status"]))
            markets.insert(Fixtures.string(json, ["case", "market"]))
            kinds.insert(Fixtures.string(json, ["case", "kind"]))
        }
        #expect(statuses == Set(CoverageStatus.allCases.map(\.rawValue)))
        #expect(markets == Set(Fixtures.catalog.markets.map(\.rawValue)))
        #expect(kinds == Set(CaseKind.allCases.map(\.rawValue)))
    }

    @Test("with --corrupt 1 every line differs from its recomputation")
    func corruptAll() throws {
        let (_, summary) = try Fixtures.check(
            Fixtures.generated(50, seed: 8, corruptPerMillion: 1_000_000).joined(separator: "\n"))
        #expect(summary.differing == 50)
        #expect(summary.invalid == 0)
    }
}

@Suite("byte-level JSON agrees with QuoteCore's writer and parser")
struct JSONBytesTests {
    @Test("compact output is byte for byte JSONWriter's, escapes included")
    func writerAgrees() {
        var values = Fixtures.generated(30, seed: 2).map(Fixtures.json)
        values.append(.string("quote \" backslash \\ newline \n tab \t bell \u{07} sep \u{2028}\u{2029} é 紅"))
        for value in values {
            #expect(JSONWriter.bytes(value).withUnsafeBufferPointer { JSONBytes.matches(value, $0) })
        }
    }

    @Test("the differ reports a missing line once, at lines[N]")
    func missingLine() {
        let stored = Fixtures.json(#"{"lines":[{"a":"1"}],"totals":"2"}"#)
        let recomputed = Fixtures.json(#"{"lines":[{"a":"1"},{"a":"3"}],"totals":"2"}"#)
        #expect(
            JSONDiff.differences(stored: stored, recomputed: recomputed)
                == [JSONDifference(path: "lines[1]", stored: nil, recomputed: Fixtures.json(#"{"a":"3"}"#))])
    }
}
