import Foundation
import QuoteCore
import QuoteFinance
import QuoteJSON
import Testing

@Suite("check: recomputing stored quotes")
struct CheckReportTests {
    /// A quote with at least two lines, so that a cent, a payer and a dropped line all show.
    static let base: String = Fixtures.generated(60).first { line in
        if case .array(let lines)? = { () -> JSONValue? in
            guard case .object(let o) = Fixtures.json(line), case .object(let q)? = o["quote"] else {
                return nil
            }
            return q["lines"]
        }(), lines.count >= 2 {
            return true
        }
        return false
    }!

    @Test("matching, differing and invalid lines give exactly the expected report and exit code 2")
    func mixedFile() throws {
        let json = Fixtures.json(Self.base)
        let number = Fixtures.string(json, ["quote", "number"])
        let market = Fixtures.string(json, ["case", "market"])
        let gross = Fixtures.string(json, ["quote", "lines", 0, "gross"])
        let payer = Fixtures.string(json, ["quote", "lines", 1, "payer"])
        let otherPayer = payer == "consumer" ? "retailer" : "consumer"
        guard
            case .array(let lines)? = {
                if case .object(let o) = json, case .object(let q)? = o["quote"] { q["lines"] } else { nil }
            }()
        else {
            Issue.record("no lines")
            return
        }
        let last = lines.count - 1
        let centUp = Decimals.format(try Decimals.parse(gross, scale: 2) + 1, scale: 2)
        let centOff = Fixtures.edit(json, ["quote", "lines", 0, "gross"]) { _ in .string(centUp) }
        let wrongPayer = Fixtures.edit(json, ["quote", "lines", 1, "payer"]) { _ in .string(otherPayer) }
        let dropped = Fixtures.edit(json, ["quote", "lines", last]) { _ in nil }
        let oldVersion = Fixtures.edit(json, ["quote", "priceListVersion"]) { _ in .string("1999.9") }
        let badIMEI = Fixtures.edit(json, ["case", "device", "imei"]) { _ in .string("123") }
        let file =
            [
                Self.base, Fixtures.text(centOff), Fixtures.text(wrongPayer), Fixtures.text(dropped),
                #"{"case": {"market": "NL""#, Fixtures.text(oldVersion), "", Fixtures.text(badIMEI),
            ].joined(separator: "\n") + "\n"

        let (report, summary) = try Fixtures.check(file)

        // The money each difference moves, per payer (stored − recomputed).
        func amount(_ index: Int) throws -> (Payer, Int64) {
            (
                Payer(rawValue: Fixtures.string(json, ["quote", "lines", index, "payer"]))!,
                try Decimals.parse(Fixtures.string(json, ["quote", "lines", index, "gross"]), scale: 2)
            )
        }
        var cent = PayerAmounts()
        cent[try amount(0).0] = 1
        var moved = PayerAmounts()
        let (payerOne, grossOne) = try amount(1)
        moved[payerOne] -= grossOne
        moved[Payer(rawValue: otherPayer)!] += grossOne
        var drop = PayerAmounts()
        let (lastPayer, lastGross) = try amount(last)
        drop[lastPayer] = -lastGross
        let effect = { (a: PayerAmounts) in "effect (stored − recomputed): " + a.text(scale: 2) }
        let expected = """
            line 2: \(number): lines[0].gross: stored "\(centUp)", recomputed "\(gross)"
            line 2: \(number): \(effect(cent))
            line 3: \(number): lines[1].payer: stored "\(otherPayer)", recomputed "\(payer)"
            line 3: \(number): \(effect(moved))
            line 4: \(number): lines[\(last)]: stored (none), recomputed \(Fixtures.text(lines[last]))
            line 4: \(number): \(effect(drop))
            line 5: -: invalid: malformed JSON: line 1, column 25: unexpected end of input in an object
            line 6: \(number): invalid: quote.priceListVersion: unknown price-list version "1999.9" of \(market)
            line 8: \(number): invalid: case.device.imei: "123" is not an IMEI (15 digits expected)
            summary: 7 lines read, 1 matched, 3 differing (3 differences), 3 invalid

            """
        #expect(report == expected)
        #expect(summary.exitCode == 2)
        let total = cent + moved + drop
        #expect(
            summary.effects.lines == [
                "effect: \(market) \(Fixtures.string(json, ["quote", "currency"])): 3 differing quotes, stored − recomputed: \(total.text(scale: 2))"
            ])
        #expect(cent.text(scale: 2).hasSuffix(" +0.01"))
    }

    @Test("differences without invalid lines exit 1; a clean file exits 0")
    func exitCodes() throws {
        let json = Fixtures.json(Self.base)
        let changed = Fixtures.edit(json, ["quote", "totals", "all", "net"]) { _ in .string("0.01") }
        let (_, differing) = try Fixtures.check(Self.base + "\n" + Fixtures.text(changed) + "\n")
        #expect(differing.exitCode == 1)
        #expect(differing.differing == 1)
        let (_, clean) = try Fixtures.check(Self.base + "\n")
        #expect(clean.exitCode == 0)
    }

    @Test("a pretty-printed stored quote is compared as JSON, not as bytes")
    func prettyQuote() throws {
        let json = Fixtures.json(Self.base)
        guard case .object(let o) = json else { return }
        let line =
            "{\"case\": \(Fixtures.text(o["case"]!)), \"quote\": \(JSONWriter.write(o["quote"]!, pretty: true).split(separator: "\n").joined(separator: " "))}"
        let (report, summary) = try Fixtures.check(line + "\n")
        #expect(summary.matched == 1, "\(report)")
    }

    @Test("escaped quotes and backslashes in the case do not confuse the line scanner")
    func escapes() throws {
        let named = Fixtures.edit(Fixtures.json(Self.base), ["case", "customer", "name"]) { _ in
            .string("Ann \"Q\" \\ Lee, }{")
        }
        let (report, summary) = try Fixtures.check(Fixtures.text(named) + "\n")
        #expect(summary.matched == 1, "\(report)")
    }

    @Test("a generated file without corruption has 0 differences")
    func generatedClean() throws {
        let (report, summary) = try Fixtures.check(Fixtures.generated(300, seed: 5).joined(separator: "\n"))
        #expect(
            summary
                == {
                    var s = CheckSummary()
                    s.read = 300
                    s.matched = 300
                    return s
                }(), "\(report)")
    }

    @Test("with --jobs 2 the report follows input order and equals the --jobs 1 report")
    func orderWithTwoJobs() throws {
        let file = Fixtures.generated(200, seed: 9, corruptPerMillion: 300_000).joined(separator: "\n")
        let (parallel, summary) = try Fixtures.check(file, jobs: 2, batchLines: 1)
        let (serial, _) = try Fixtures.check(file, jobs: 1, batchLines: 7)
        #expect(parallel == serial)
        let numbers = parallel.split(separator: "\n").dropLast().compactMap {
            Int($0.split(separator: ":")[0].dropFirst(5))
        }
        #expect(numbers == numbers.sorted())
        #expect(summary.differing > 30 && summary.differing < 90)
    }
}
