import PropertyBased
import QuoteCore
import QuoteJSON
import Testing

/// Invariants over random valid cases of every market (shipped price lists).
@Suite("Quote invariants (property tests)")
struct QuoteInvariantTests {
    /// The quote of a random case, or nil when the random case is bad input for its market.
    static func quote(seed: UInt64) -> (ServiceCase, Quote)? {
        var factory = CaseFactory(catalog: Fixtures.catalog, seed: seed)
        let c = factory.make()
        guard let q = try? Fixtures.calculator.quote(c) else { return nil }
        return (c, q)
    }

    static func sum(_ amounts: [Amounts]) -> (Int64, Int64, Int64) {
        amounts.reduce((0, 0, 0)) {
            ($0.0 + $1.net.minorUnits, $0.1 + $1.vat.minorUnits, $0.2 + $1.gross.minorUnits)
        }
    }

    static func checkTotals(_ lines: [ChargeLine], _ totals: Totals) {
        let perPayer = sum(Payer.allCases.map { totals[$0] })
        #expect(
            perPayer == (totals.all.net.minorUnits, totals.all.vat.minorUnits, totals.all.gross.minorUnits))
        for payer in Payer.allCases + [] {
            let a = totals[payer]
            #expect(a.net.minorUnits + a.vat.minorUnits == a.gross.minorUnits)
            let mine = lines.filter { $0.payer == payer }
            #expect(mine.reduce(0) { $0 + $1.gross.minorUnits } == a.gross.minorUnits)
            if payer != .consumer { #expect(a.vat.minorUnits == 0, "only the consumer pays VAT (G-3)") }
        }
        for line in lines { #expect(line.net.minorUnits + line.vat.minorUnits == line.gross.minorUnits) }
    }

    @Test("per-payer totals add up to all; gross = net + VAT for every payer and line")
    func totalsAddUp() async {
        await propertyCheck(count: 400, input: Gen.uint64()) { seed in
            guard let (_, q) = Self.quote(seed: seed) else { return }
            Self.checkTotals(q.lines, q.totals)
            if let alternative = q.ifRejected { Self.checkTotals(alternative.lines, alternative.totals) }
        }
    }

    @Test("in warranty the consumer pays nothing")
    func inWarrantyIsFree() async {
        await propertyCheck(count: 400, input: Gen.uint64()) { seed in
            guard let (_, q) = Self.quote(seed: seed), q.coverage.status == .inWarranty else { return }
            #expect(q.totals.consumer.gross.minorUnits == 0)
            #expect(q.lines.allSatisfy { $0.payer != .consumer })
        }
    }

    @Test("a waiver never makes a total negative; only refunds do")
    func waiversNeverNegative() async {
        await propertyCheck(count: 400, input: Gen.uint64()) { seed in
            guard let (_, q) = Self.quote(seed: seed) else { return }
            if !q.lines.contains(where: { $0.kind == .refund }) {
                for payer in Payer.allCases { #expect(q.totals[payer].gross.minorUnits >= 0) }
            }
            for line in q.lines where line.kind == .waiver {
                #expect(
                    q.lines.contains {
                        $0.kind != .waiver && $0.reference == line.reference && $0.net == line.net.negated
                    })
            }
        }
    }

    @Test(
        "rounding never loses or invents a cent: consumer VAT is within half a cent per rounding of the exact VAT"
    )
    func roundingIsFair() async {
        await propertyCheck(count: 400, input: Gen.uint64()) { seed in
            guard let (_, q) = Self.quote(seed: seed), !q.settings.pricesIncludeVAT else { return }
            let taxed = q.lines.filter { $0.payer == .consumer && !$0.vatRate.isZero }
            let scale: Int64 = 1_000_000  // percent × 10^4
            let exact = taxed.reduce(Int64(0)) { $0 + $1.net.minorUnits * $1.vatRate.tenThousandths }
            let rounded = taxed.reduce(Int64(0)) { $0 + $1.vat.minorUnits } * scale
            let roundings = Int64(q.settings.vatRounding == .line ? max(taxed.count, 1) : 1)
            #expect(abs(rounded - exact) * 2 <= scale * roundings)
            if q.settings.vatRounding == .line {
                for line in taxed {
                    #expect(
                        abs(line.vat.minorUnits * scale - line.net.minorUnits * line.vatRate.tenThousandths)
                            * 2 <= scale)
                }
            }
        }
    }

    @Test("recomputing gives byte-identical output, also after a JSON round trip of the case (G-7)")
    func deterministic() async {
        await propertyCheck(count: 200, input: Gen.uint64()) { seed in
            guard let (c, q) = Self.quote(seed: seed) else { return }
            let again = try Fixtures.calculator.quote(
                try Fixtures.decode(try JSONParser.parse(CaseEncoder.encode(c))))
            #expect(QuoteEncoder.encode(again) == QuoteEncoder.encode(q))
            let byVersion = try Fixtures.calculator.quote(c, version: q.priceListVersion)
            #expect(byVersion == q)
        }
    }

    @Test("ifRejected is present exactly for pending out-of-warranty quotes (G-6)")
    func alternativeOnlyWhenPending() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            guard let (c, q) = Self.quote(seed: seed) else { return }
            #expect((q.ifRejected != nil) == (q.coverage.status == .outOfWarranty && c.decision == .pending))
        }
    }

    @Test("random cases reach every coverage status")
    func coversEveryStatus() {
        var seen = Set<CoverageStatus>()
        for seed in UInt64(0)..<3000 {
            if let (_, q) = Self.quote(seed: seed) { seen.insert(q.coverage.status) }
        }
        #expect(seen == Set(CoverageStatus.allCases))
    }
}

extension QuoteInvariantTests {
    @Test("the case factory mostly makes valid cases, so the properties are not vacuous")
    func factoryMakesValidCases() {
        var valid = 0
        var errors: [String: Int] = [:]
        for seed in UInt64(0)..<1000 {
            var factory = CaseFactory(catalog: Fixtures.catalog, seed: seed)
            do {
                _ = try Fixtures.calculator.quote(factory.make())
                valid += 1
            } catch {
                errors[error.field, default: 0] += 1
            }
        }
        #expect(valid >= 700, "only \(valid) of 1000 random cases were valid; errors by field: \(errors)")
    }
}
