import Foundation
import GRDB
import PriceListLoading
import QuoteBench
import QuoteCore
import QuoteJSON
import Testing

@testable import QuoteStore

/// `q=` through the text index (migration `v8-search`) finds what the `LIKE` scan of
/// `search_text` found before, on a store filled by `bench store`'s ``StoreFiller``, and the plan
/// plan of every search goes through the index, not a scan of the quotes table. The store has
/// 2,000 quotes, not the issue's 100,000: filling that many in a debug build takes minutes per
/// store. At 2,000 quotes PostgreSQL rightly prefers a sequential scan of its 400 pages to any
/// index, so its plan is asked as for a large table (`enable_seqscan = off`).
@Suite("search through the text index")
struct SearchIndexTests {
    static let count = 2_000

    static let catalog: PriceListCatalog = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try! PriceListLoader.loadCatalog(directory: root.appendingPathComponent("PriceLists").path)
    }()

    @Test(
        "each kind of search returns the quotes the LIKE scan returned, through the index",
        arguments: StoreKind.allCases)
    func sameQuotesThroughTheIndex(kind: StoreKind) async throws {
        try await kind.with { store in
            try await store.sqlite?.loadInBulk()
            let report = try await StoreFiller(catalog: Self.catalog, seed: 7).fill(
                store.repo, count: Self.count)
            #expect(report.quotes == Self.count)
            #expect(try await store.count("quotes") == Self.count)
            if store.postgres != nil { try await store.execute("ANALYZE") }
            let searches = try await Self.searches(store)
            #expect(searches.count >= 12)
            for search in searches {
                let found = try await Self.everyPage(store.repo, search)
                let scanned = try await Self.likeScan(store, search)
                #expect(found == scanned, "q=\(search)")
                let plan = try await Self.plan(store, QuoteQuery(text: search), withoutSeqScan: true)
                #expect(
                    !plan.contains { $0.hasPrefix("SCAN q") || $0.contains("Seq Scan on quotes") },
                    "q=\(search): \(plan)")
                // SQLite drives the page from the FTS5 table (alias f). PostgreSQL, on 2,000
                // quotes, walks the primary key and filters even then: its plan is only checked
                // for the absence of a sequential scan here.
                if store.sqlite != nil {
                    #expect(
                        plan.contains { $0.contains("SCAN f VIRTUAL TABLE INDEX") }, "q=\(search): \(plan)")
                }
            }
        }
    }

    @Test(
        "a search shorter than a trigram, or of % and _ only, is an exact answer or an empty page, with no query"
    )
    func shortSearches() async throws {
        try await StoreKind.sqlite.with(inMemory: true) { store in
            _ = try await StoreFiller(catalog: Self.catalog, seed: 3).fill(store.repo, count: 40)
            for search in ["%", "_", "%_", "ab", "é1"] {
                #expect(try await store.repo.list(QuoteQuery(text: search)).quotes.isEmpty, "q=\(search)")
                #expect(try await Self.plan(store, QuoteQuery(text: search)).isEmpty)
            }
            for search in ["%%%", "___", "%_%_%_%"] {
                #expect(try await Self.everyPage(store.repo, search).isEmpty, "q=\(search)")
                #expect(try await Self.plan(store, QuoteQuery(text: search)).isEmpty)
            }
        }
    }

    @Test("model= lists the quotes of one model, through its index", arguments: StoreKind.allCases)
    func modelFilter(kind: StoreKind) async throws {
        try await kind.with { store in
            _ = try await StoreFiller(catalog: Self.catalog, seed: 5).fill(store.repo, count: 200)
            let model = try #require(try await store.strings("SELECT model FROM quotes ORDER BY id").first)
            var query = QuoteQuery(limit: 100)
            query.model = model
            let listed = try await store.repo.list(query).quotes.map(\.number)
            let expected = try await store.strings(
                "SELECT number FROM quotes WHERE model = '\(model.replacingOccurrences(of: "'", with: "''"))' ORDER BY id"
            )
            #expect(listed == Array(expected.prefix(100)))
            #expect(!listed.isEmpty)
            if store.sqlite != nil {
                #expect(try await Self.plan(store, query).contains { $0.contains("quotes_model") })
            }
        }
    }

    /// Searches of every kind, taken from stored quotes: a number as printed, a full IMEI and its
    /// last 4 digits, a serial, a reference, an e-mail (and in capitals), a name part in mixed
    /// case, a name with an apostrophe, and strings of `%`, `_` and quotes.
    static func searches(_ store: TestStore) async throws -> [String] {
        let cases = try await store.strings("SELECT case_json FROM quotes ORDER BY id LIMIT 400")
        let numbers = try await store.strings("SELECT number FROM quotes ORDER BY id DESC LIMIT 2")
        var searches = numbers + ["50%", "a_b", "o'n", "O\"N", "GARCÍA", "müller", "example.org"]
        func string(_ object: JSONValue?, _ key: String) -> String? {
            if case .object(let o)? = object, case .string(let s)? = o[key] { return s }
            return nil
        }
        var kinds: Set<String> = []
        for json in cases {
            guard case .object(let root) = try JSONParser.parse(json) else { continue }
            let found: [(String, String?)] = [
                ("imei", string(root["device"], "imei")),
                ("last4", string(root["device"], "imei").map { String($0.suffix(4)) }),
                ("serial", string(root["device"], "serial")),
                ("reference", string(.object(root), "reference")),
                ("email", string(root["customer"], "email")),
                ("EMAIL", string(root["customer"], "email")?.uppercased()),
            ]
            for (kind, value) in found where !kinds.contains(kind) {
                guard let value else { continue }
                kinds.insert(kind)
                searches.append(value)
            }
        }
        return searches
    }

    /// Every page of `q=search`, in id order.
    static func everyPage(_ repo: any QuoteRepository, _ search: String) async throws -> [String] {
        var numbers: [String] = []
        var query = QuoteQuery(limit: 100)
        query.text = search
        while true {
            let page = try await repo.list(query)
            numbers += page.quotes.map(\.number)
            guard let next = page.nextAfter else { return numbers }
            query.after = next
        }
    }

    /// What the list found before `v8-search`: a `LIKE` over every row's `search_text`.
    static func likeScan(_ store: TestStore, _ search: String) async throws -> [String] {
        guard SearchIndex.isIndexable(search) else { return [] }
        let pattern = SearchColumns.pattern(search).replacingOccurrences(of: "'", with: "''")
        return try await store.strings(
            "SELECT number FROM quotes WHERE search_text LIKE '\(pattern)' ESCAPE '\\' ORDER BY id")
    }

    static func plan(_ store: TestStore, _ query: QuoteQuery, withoutSeqScan: Bool = false) async throws
        -> [String]
    {
        if let sqlite = store.sqlite { return try await sqlite.listPlan(query) }
        return try await store.postgres?.listPlan(query, withoutSeqScan: withoutSeqScan) ?? []
    }
}

extension QuoteQuery {
    init(text: String) {
        self.init(limit: 50)
        self.text = text
    }
}

@Suite("the export reads in index order")
struct ExportOrderTests {
    @Test("export and check walk the (market, number) index: no sort of every row, whatever temp_store says")
    func exportFollowsTheIndex() async throws {
        let store = try SQLiteQuoteRepository()
        let pages: [(String, StatementArguments)] = [
            (SQLiteQuoteRepository.exportSQL, [1000]),
            (SQLiteQuoteRepository.exportAfterSQL, ["NL", "NL-2026-000001", 1000]),
        ]
        for (sql, arguments) in pages {
            let plan = try await store.writer.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map {
                    $0["detail"] as String
                }
            }
            #expect(plan.contains { $0.contains("quotes_market_number") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
    }
}
