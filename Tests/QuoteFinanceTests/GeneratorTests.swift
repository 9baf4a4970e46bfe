import Foundation
import QuoteCore
import QuoteFinance
import QuoteJSON
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

@Suite("quote bytes: what check compares")
struct QuoteBytesTests {
    @Test("QuoteEncoder's streamed bytes are exactly JSONWriter's over the same tree, compact and pretty")
    func streamAgreesWithTree() throws {
        for line in Fixtures.generated(60, seed: 2) {
            guard case .object(let o) = Fixtures.json(line), let quote = o["quote"] else { continue }
            // Round trip: the stored quote parses to a tree; writing that tree gives the stored bytes.
            let compact = JSONWriter.bytes(quote)
            #expect(try JSONWriter.bytes(JSONParser.parse(compact)) == compact)
        }
        let sample = try Fixtures.quote("nl-out-of-warranty")
        for pretty in [false, true] {
            #expect(
                QuoteEncoder.bytes(sample, pretty: pretty)
                    == JSONWriter.bytes(QuoteEncoder.json(sample), pretty: pretty))
        }
        var strings = JSONStreamWriter(pretty: false)
        let tricky = "quote \" backslash \\ newline \n tab \t bell \u{07} sep \u{2028}\u{2029} é 紅"
        strings.string(tricky)
        #expect(strings.bytes == JSONWriter.bytes(.string(tricky)))
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
