import Dispatch
import QuoteCore
import QuoteJSON
import QuoteStore

/// `repairquote bench search`: the list's latency by kind of request, on a filled store, through
/// the repository (``QuoteStore/QuoteRepository/list(_:)``, the call behind `GET /v1/quotes`;
/// HTTP and JSON encoding not included). Search terms are taken from the store's own quotes, a
/// different quote for each run, so no answer comes from a cache of the same term.
public struct SearchBenchmark: Sendable {
    /// One kind of request and its latencies.
    public struct Row: Sendable {
        public var kind: String
        public var runs: Int
        public var p50: Double
        public var p95: Double
        /// Quotes returned on average (a page is at most 50).
        public var hits: Double
    }

    public let runs: Int

    public init(runs: Int = 200) { self.runs = runs }

    /// Samples quotes spread over the store, then times each kind of request `runs` times.
    public func run(_ repository: any QuoteRepository) async throws -> [Row] {
        let samples = try await Self.samples(repository, count: runs)
        guard !samples.isEmpty else { return [] }
        func pick(_ i: Int) -> Sample { samples[i % samples.count] }
        let kinds: [(String, (Int) -> QuoteQuery?)] = [
            ("q= number", { Self.text(pick($0).number) }),
            ("q= IMEI", { pick($0).imei.map(Self.text) }),
            ("q= IMEI last 4", { pick($0).imei.map { Self.text(String($0.suffix(4))) } }),
            ("q= reference", { pick($0).reference.map(Self.text) }),
            ("q= e-mail", { pick($0).email.map(Self.text) }),
            ("q= name part", { Self.text(String(pick($0).name.split(separator: " ").last ?? "")) }),
            ("q= no match", { Self.text("zz\($0)q@nowhere") }),
            (
                "model=",
                { i in
                    var query = QuoteQuery()
                    query.model = pick(i).model
                    return query
                }
            ),
            ("first page", { _ in QuoteQuery() }),
            (
                "first page, newest first",
                { _ in
                    var query = QuoteQuery()
                    query.newestFirst = true
                    return query
                }
            ),
            ("deep page by cursor", { QuoteQuery(after: pick($0).id) }),
        ]
        var rows: [Row] = []
        for (kind, make) in kinds {
            var times: [Double] = []
            var hits = 0
            for i in 0..<runs {
                guard let query = make(i) else { continue }
                let start = DispatchTime.now().uptimeNanoseconds
                hits += try await repository.list(query).quotes.count
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            guard !times.isEmpty else { continue }
            times.sort()
            rows.append(
                Row(
                    kind: kind, runs: times.count, p50: times[times.count / 2],
                    p95: times[min(times.count - 1, times.count * 95 / 100)],
                    hits: Double(hits) / Double(times.count)))
        }
        return rows
    }

    static func text(_ search: String) -> QuoteQuery {
        var query = QuoteQuery()
        query.text = search
        return query
    }

    /// What a search can be made of, from one stored quote.
    struct Sample {
        var id: Int64
        var number: String
        var model: String?
        var reference: String?
        var imei: String?
        var email: String?
        var name: String
    }

    /// Up to `count` quotes spread over the store: pages of one quote at ids stepping through it
    /// (a page of one that has more after it names its quote's id as the cursor).
    static func samples(_ repository: any QuoteRepository, count: Int) async throws -> [Sample] {
        var newest = QuoteQuery(limit: 1)
        newest.newestFirst = true
        guard let maxID = try await repository.list(newest).nextAfter else { return [] }
        var samples: [Sample] = []
        for i in 0..<count {
            let page = try await repository.list(QuoteQuery(after: maxID * Int64(i) / Int64(count), limit: 1))
            guard let record = page.quotes.first else { continue }
            samples.append(Self.sample(record, id: page.nextAfter ?? maxID))
        }
        return samples
    }

    static func sample(_ record: QuoteRecord, id: Int64) -> Sample {
        func string(_ object: JSONValue?, _ key: String) -> String? {
            if case .object(let o)? = object, case .string(let s)? = o[key] { return s }
            return nil
        }
        let root = try? JSONParser.parse(record.caseJSON)
        var device: JSONValue?
        var customer: JSONValue?
        if case .object(let o)? = root {
            device = o["device"]
            customer = o["customer"]
        }
        return Sample(
            id: id, number: record.number, model: record.model, reference: record.reference,
            imei: string(device, "imei"), email: string(customer, "email"),
            name: string(customer, "name") ?? "")
    }
}
