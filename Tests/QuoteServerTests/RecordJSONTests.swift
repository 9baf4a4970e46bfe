import Foundation
import QuoteCore
import QuoteJSON
import Testing

@testable import QuoteServer
@testable import QuoteStore

@Suite("stored quotes as JSON")
struct RecordJSONTests {
    static func record(decided: Bool) -> QuoteRecord {
        QuoteRecord(
            number: "NL-2026-000007", market: "NL", year: 2026, kind: "repair",
            coverageStatus: "out-of-warranty", issueDate: "2026-03-02", validUntil: "2026-04-01",
            issuer: "desk \"1\"", caseJSON: #"{"market":"NL","customer":{"name":"Zoë \u2028"}}"#,
            quoteJSON: #"{"number":"NL-2026-000007","lines":[{"amount":"12.50"}],"totals":{"x":[]}}"#,
            priceListVersion: "2026.1", createdAt: Date(timeIntervalSince1970: 1_772_400_000),
            decision: decided
                ? DecisionRecord(
                    decision: .rejected, decidedAt: Date(timeIntervalSince1970: 1_772_500_000),
                    decidedBy: "customer", finalJSON: #"{"lines":[],"totals":null}"#, role: "customer",
                    channel: "customer-link") : nil)
    }

    @Test("the stored JSON is copied in, giving the same bytes as parsing and writing it again")
    func splicedEqualsRewritten() throws {
        for decided in [false, true] {
            let r = Self.record(decided: decided)
            let state: QuoteState = decided ? .rejected : .issued
            var tree = RecordJSON.summary(r, state: state)
            tree.append("void", .null)
            if let d = r.decision {
                var o = JSONObject()
                o.append("decision", .string(d.decision.rawValue))
                o.append("decidedAt", .string(RecordJSON.timestamp(d.decidedAt)))
                var by = JSONObject()
                by.append("name", .string(d.decidedBy))
                by.append("role", .string("customer"))
                o.append("decidedBy", .object(by))
                o.append("channel", .string("customer-link"))
                o.append("note", .null)
                o.append("evidence", .null)
                o.append("charges", try JSONParser.parse(d.finalJSON))
                tree.append("decision", .object(o))
            } else {
                tree.append("decision", .null)
            }
            tree.append("emails", .array([]))
            tree.append("quote", try JSONParser.parse(r.quoteJSON))
            tree.append("case", try JSONParser.parse(r.caseJSON))
            #expect(RecordJSON.full(r, state: state) == JSONWriter.bytes(.object(tree), pretty: false))
            tree.append("customerLink", .string("http://x/q/abc"))
            #expect(
                RecordJSON.full(r, state: state, customerLink: "http://x/q/abc")
                    == JSONWriter.bytes(.object(tree), pretty: false))
        }
    }
}
