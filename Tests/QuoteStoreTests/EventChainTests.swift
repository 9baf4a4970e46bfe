import Foundation
import QuoteJSON
import Testing

@testable import QuoteStore

/// The event's members are written once (`QuoteEvent.writeMembers`): the hash covers the canonical
/// layout, the API answers the same members with its own names for the sequence and the time.
@Suite("an event's JSON: the canonical bytes the hash covers and the API's answer")
struct EventChainTests {
    static let anna = EventDraft(
        kind: .decided, at: Date(timeIntervalSince1970: 1_765_116_600.25),
        actor: EventActor(kind: .customer, name: "Anna de Vries", role: "customer"),
        client: EventClient(ip: "203.0.113.9", userAgent: "Browser/1"),
        details: EventDetails(["typedName": .text("Anna \"AdV\" de Vries"), "decision": .text("accepted")]))

    @Test("the canonical bytes: seq, quote, kind, at in ms, actor, ip, userAgent, details, in that order")
    func canonical() {
        let event = EventChain.link(Self.anna, number: "NL-2026-000001", sequence: 2, previousHash: "ab")
        let text = String(decoding: EventChain.canonicalBytes(event), as: UTF8.self)
        #expect(
            text == #"{"seq":2,"quote":"NL-2026-000001","kind":"decided","at":1765116600250,"#
                + #""actor":{"kind":"customer","name":"Anna de Vries","role":"customer"},"ip":"203.0.113.9","#
                + #""userAgent":"Browser/1","#
                + #""details":{"decision":"accepted","typedName":"Anna \"AdV\" de Vries"}}"#)
        #expect(event.hash == Digest.sha256Hex(Array(("ab" + text).utf8)))
    }

    @Test(
        "the API's event: the same members named sequence and at (ISO 8601, UTC), no quote; a system actor's role is null"
    )
    func api() {
        var draft = Self.anna
        draft.actor = .system("expiry")
        draft.client = nil
        let event = EventChain.link(draft, number: "NL-2026-000001", sequence: 3, previousHash: "ab")
        var writer = JSONStreamWriter(pretty: false)
        writer.beginObject()
        event.writeMembers(into: &writer, layout: .api)
        writer.endObject()
        #expect(
            writer.text == #"{"sequence":3,"kind":"decided","at":"2025-12-07T14:10:00.250Z","#
                + #""actor":{"kind":"system","name":"expiry","role":null},"ip":null,"userAgent":null,"#
                + #""details":{"decision":"accepted","typedName":"Anna \"AdV\" de Vries"}}"#)
        #expect(event.timestamp == "2025-12-07T14:10:00.250Z")
    }

    /// `count` quotes of two events each, as a store's page hands them to the verifier.
    static func page(_ count: Int) -> [StoredChain] {
        (1...count).map { index in
            let number = "NL-2026-" + String(1_000_000 + index).dropFirst()
            let quoteJSON = #"{"number":"\#(number)"}"#
            let issued = EventChain.link(
                EventDraft(
                    kind: .issued, at: Date(timeIntervalSince1970: 1_765_116_600), actor: .system("test")),
                number: number, sequence: 1, previousHash: EventChain.quoteHash(quoteJSON))
            let viewed = EventChain.link(
                EventDraft(
                    kind: .viewed, at: Date(timeIntervalSince1970: 1_765_116_700), actor: .system("test")),
                number: number, sequence: 2, previousHash: issued.hash)
            return StoredChain(
                number: number, quoteJSON: quoteJSON, finalJSON: nil, events: [issued, viewed][...])
        }
    }

    @Test(
        "a page is checked in two halves at once; the fault named is the first in number order, counted up to it"
    )
    func pageInHalves() {
        var whole = ChainVerifier()
        let wholeVerified = whole.check(page: Self.page(100))
        #expect(wholeVerified)
        #expect(ChainVerification(whole) == ChainVerification(quotes: 100, events: 200, fault: nil))

        var page = Self.page(100)
        page[29].quoteJSON = #"{"number":"NL-2026-000030","changed":true}"#
        page[79].events[page[79].events.startIndex + 1].actor.name = "someone else"
        var verifier = ChainVerifier()
        let verified = verifier.check(page: page)
        #expect(!verified)
        #expect(
            ChainVerification(verifier)
                == ChainVerification(
                    quotes: 30, events: 60,
                    fault: ChainFault(
                        quoteNumber: "NL-2026-000030", sequence: 1,
                        reason: "does not link to the stored quote (the quote JSON changed)")))

        page[29] = Self.page(30)[29]
        var second = ChainVerifier()
        let secondVerified = second.check(page: page)
        #expect(!secondVerified)
        #expect(
            second.fault
                == ChainFault(
                    quoteNumber: "NL-2026-000080", sequence: 2,
                    reason: "does not match its hash (the row changed)"))
        #expect(second.quotes == 80)
    }
}
