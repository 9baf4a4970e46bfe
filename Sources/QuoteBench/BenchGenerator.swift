import QuoteCore
import QuoteFinance
import QuoteJSON

/// Writes reproducible `{"case": …, "quote": …}` lines for benchmarks and tests. Line `i` depends only
/// on the seed and `i` (its own `SplitMix64` stream), so lines can be generated in parallel and the
/// output is the same byte for byte for the same seed. The first lines are steered so that every
/// coverage status and then every market appears; the rest are free draws. A share of lines
/// (`corruptPerMillion`) has its quote altered by a cent, a payer or a dropped line.
public struct BenchGenerator: Sendable {
    public let seed: UInt64
    public let corruptPerMillion: Int
    let cases: CaseGenerator
    let calculator: QuoteCalculator

    public init(catalog: PriceListCatalog, seed: UInt64, corruptPerMillion: Int = 0) {
        self.seed = seed
        self.corruptPerMillion = corruptPerMillion
        self.cases = CaseGenerator(catalog: catalog)
        self.calculator = QuoteCalculator(catalog: catalog)
    }

    /// What line `index` is steered to show, if anything.
    func target(_ index: Int) -> (status: CoverageStatus?, market: MarketCode?) {
        let statuses = CoverageStatus.allCases
        if index < statuses.count { return (statuses[index], nil) }
        let markets = cases.markets
        if index < statuses.count + markets.count { return (nil, markets[index - statuses.count]) }
        return (nil, nil)
    }

    /// A valid case and its quote for line `index` (0-based), drawn until the engine accepts one.
    public func draw(_ index: Int) -> (ServiceCase, Quote) {
        var rng = SplitMix64(seed: seed, index: UInt64(index))
        let (status, market) = target(index)
        var fallback: (ServiceCase, Quote)?
        for attempt in 0..<20_000 {
            let c = cases.draw(&rng, market: market)
            guard let quote = try? calculator.quote(c) else { continue }
            if status == nil || quote.coverage.status == status { return (c, quote) }
            if fallback == nil { fallback = (c, quote) }
            if attempt > 10_000, let fallback { return fallback }
        }
        guard let fallback else { preconditionFailure("the catalog gave no valid case in 20,000 draws") }
        return fallback
    }

    /// Line `index` as JSON text without a line break. Quotes are numbered `<MARKET>-<YYYY>-<NNNNNN>`
    /// after their line (index 0 is number 000001).
    public func line(_ index: Int) -> String {
        var (c, quote) = draw(index)
        let serial = String(index + 1)
        quote.number =
            "\(quote.market)-\(quote.issueDate.year)-\(String(repeating: "0", count: max(0, 6 - serial.count)))\(serial)"
        var quoteJSON = QuoteEncoder.json(quote)
        var rng = SplitMix64(seed: seed ^ 0xC0FF_EE, index: UInt64(index))
        if corruptPerMillion > 0, rng.chance(perMillion: corruptPerMillion) {
            quoteJSON = QuoteCorruptor.corrupt(quoteJSON, &rng)
        }
        var line = JSONObject()
        line.append("case", CaseEncoder.json(c))
        line.append("quote", quoteJSON)
        return JSONWriter.write(.object(line), pretty: false)
    }
}

/// Alters a quote the way a bad stored record would: a cent off a line's gross (or a total's when
/// there are no lines), another payer on a line, or a dropped line.
public enum QuoteCorruptor {
    public static func corrupt(_ quote: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        guard case .object(let object) = quote, case .array(var lines)? = object["lines"], !lines.isEmpty
        else {
            return quote.updating(["totals", "all", "gross"]) { centOff($0, up: true) }
        }
        let index = rng.int(in: 0...(lines.count - 1))
        switch rng.int(in: 0...2) {
        case 0:
            let up = rng.chance(50)
            lines[index] = lines[index].updating(["gross"]) { centOff($0, up: up) }
        case 1:
            lines[index] = lines[index].updating(["payer"]) { payer in
                guard case .string(let text) = payer, let current = Payer(rawValue: text) else {
                    return payer
                }
                let all = Payer.allCases
                return .string(all[(all.firstIndex(of: current)! + 1) % all.count].rawValue)
            }
        default:
            lines.remove(at: index)
        }
        return quote.updating(["lines"]) { _ in .array(lines) }
    }

    /// An amount text one minor unit up or down: "47.19" → "47.20".
    static func centOff(_ value: JSONValue, up: Bool) -> JSONValue {
        guard case .string(let text) = value else { return value }
        let scale = text.split(separator: ".").dropFirst().first?.count ?? 0
        guard let units = try? Decimals.parse(text, scale: scale) else { return value }
        return .string(Decimals.format(units + (up ? 1 : -1), scale: scale))
    }
}

extension JSONValue {
    /// The value with the member at `path` (object keys) replaced by `change` of it.
    func updating(_ path: ArraySlice<String>, _ change: (JSONValue) -> JSONValue) -> JSONValue {
        guard let key = path.first else { return change(self) }
        guard case .object(let object) = self else { return self }
        return .object(
            JSONObject(
                object.entries.map { entry in
                    entry.key == key ? (entry.key, entry.value.updating(path.dropFirst(), change)) : entry
                }))
    }

    func updating(_ path: [String], _ change: (JSONValue) -> JSONValue) -> JSONValue {
        updating(path[...], change)
    }
}
