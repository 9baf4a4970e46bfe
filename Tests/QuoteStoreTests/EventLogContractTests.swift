import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

/// The per-quote event log and its hash chain, on each store.
@Suite("the event log and its hash chain (each store)")
struct EventLogContractTests {
    static let today = CivilDate(year: 2026, month: 3, day: 2)!

    static func decision(_ number: String, client: EventClient? = nil) -> DecisionRequest {
        var request = DecisionRequest(
            number: number, decision: .accepted, decidedBy: "customer", finalJSON: #"{"lines":[]}"#,
            role: "customer", channel: "link", today: today)
        request.client = client
        return request
    }

    @Test(
        "every change records its event, numbered 1, 2, 3 … and linked; the chain verifies",
        arguments: StoreKind.allCases)
    func history(kind: StoreKind) async throws {
        try await kind.with(inMemory: true) { store in
            let repo = store.repo
            let number = try await Store.issue(repo, Fixtures.dutchRepair()).issued.record.number
            _ = try await repo.addCustomerToken(number: number, by: EventActor(kind: .staff, name: "anna"))
            let mail = try await repo.enqueueEmail(
                EmailRequest(number: number, recipient: "a@b.nl", language: "nl"))
            try await repo.markFailed(
                outboxID: mail.id, error: "421 busy", retryAt: Date().addingTimeInterval(60))
            try await repo.markSent(outboxID: mail.id, at: Date())
            let client = EventClient(ip: "203.0.113.9", userAgent: "Firefox")
            #expect(try await repo.recordView(number: number, via: "page", at: Date(), client: client) == 1)
            #expect(try await repo.recordView(number: number, via: "pdf", at: Date(), client: client) == 2)
            _ = try await repo.decide(Self.decision(number, client: client))

            let events = try await repo.events(number: number)
            #expect(
                events.map(\.kind) == [.issued, .linkMade, .emailed, .emailed, .emailed, .viewed, .decided])
            #expect(events.map(\.sequence) == Array(1...7))
            #expect(
                events.compactMap { $0.details.firstMatch(of: /"state":"(\w+)"/)?.1 }.map(String.init)
                    == ["queued", "retrying", "sent"])
            #expect(events[0].actor == EventActor(kind: .staff, name: "desk-1"))
            #expect(events[6].actor.kind == .customer && events[6].client == client)
            #expect(
                events[0].previousHash
                    == EventChain.quoteHash(try await repo.quote(number: number)?.quoteJSON ?? ""))
            for (earlier, later) in zip(events, events.dropFirst()) {
                #expect(later.previousHash == earlier.hash)
            }
            let verified = try await repo.verifyChains()
            #expect(verified == ChainVerification(quotes: 1, events: 7, fault: nil))
        }
    }

    @Test(
        "a revision records superseded on the old quote, a void records voided", arguments: StoreKind.allCases
    )
    func revisionAndVoid(kind: StoreKind) async throws {
        try await kind.with(inMemory: true) { store in
            let repo = store.repo
            let first = try await Store.issue(repo, Fixtures.pakistanRepair()).issued.record
            let second = try await LifecycleContractTests.revise(
                repo, Fixtures.pakistanRepair(), supersedes: first.number)
            _ = try await repo.void(
                VoidRequest(
                    number: second.number, reason: "wrong device", voidedBy: "desk-2", today: Self.today))
            #expect(try await repo.events(number: first.number).map(\.kind) == [.issued, .superseded])
            let revised = try await repo.events(number: second.number)
            #expect(revised.map(\.kind) == [.issued, .voided])
            #expect(revised[0].details == #"{"revises":"\#(first.number)"}"#)
            #expect(revised[1].details == #"{"reason":"wrong device"}"# && revised[1].actor.name == "desk-2")
            #expect(try await repo.verifyChains().fault == nil)
        }
    }

    @Test("UPDATE and DELETE of an event are refused by the database", arguments: StoreKind.allCases)
    func appendOnly(kind: StoreKind) async throws {
        try await kind.with(inMemory: true) { store in
            try await Store.issue(store.repo, Fixtures.dutchRepair())
            await #expect(throws: (any Error).self) {
                try await store.execute("UPDATE quote_events SET actor_name = 'someone else'")
            }
            await #expect(throws: (any Error).self) { try await store.execute("DELETE FROM quote_events") }
            #expect(try await store.count("quote_events") == 1)
        }
    }

    @Test(
        "verify finds a changed amount and a changed event row, naming the quote and event",
        arguments: StoreKind.allCases)
    func tampering(kind: StoreKind) async throws {
        try await kind.with(inMemory: true) { store in
            let repo = store.repo
            for i in 0..<3 { try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(30 + i))) }
            _ = try await repo.decide(Self.decision("NL-2026-000003"))
            #expect(try await repo.verifyChains() == ChainVerification(quotes: 3, events: 4, fault: nil))

            try await Self.liftTriggers(store, kind)
            let json = try await repo.quote(number: "NL-2026-000002")?.quoteJSON ?? ""
            let changed = Self.changingOneAmount(json)
            #expect(changed != json)
            try await store.execute(
                "UPDATE quotes SET quote_json = '\(changed.replacingOccurrences(of: "'", with: "''"))' WHERE number = 'NL-2026-000002'"
            )
            #expect(
                try await repo.verifyChains().fault
                    == ChainFault(
                        quoteNumber: "NL-2026-000002", sequence: 1,
                        reason: "does not link to the stored quote (the quote JSON changed)"))
            try await store.execute(
                "UPDATE quotes SET quote_json = '\(json.replacingOccurrences(of: "'", with: "''"))' WHERE number = 'NL-2026-000002'"
            )
            #expect(try await repo.verifyChains().fault == nil)

            try await store.execute(
                "UPDATE quote_events SET actor_name = 'someone else' WHERE quote_number = 'NL-2026-000003' AND seq = 2"
            )
            #expect(
                try await repo.verifyChains().fault
                    == ChainFault(
                        quoteNumber: "NL-2026-000003", sequence: 2,
                        reason: "does not match its hash (the row changed)"))
        }
    }

    @Test("verify finds a deleted event and a changed decision", arguments: StoreKind.allCases)
    func removedEventAndDecision(kind: StoreKind) async throws {
        try await kind.with(inMemory: true) { store in
            let repo = store.repo
            try await Store.issue(repo, Fixtures.dutchRepair())
            _ = try await repo.decide(Self.decision("NL-2026-000001"))
            try await Self.liftTriggers(store, kind)
            try await store.execute(#"UPDATE decisions SET final_json = '{"lines":[1]}'"#)
            #expect(
                try await repo.verifyChains().fault?.reason
                    == "has a decision whose charges no decided event recorded")
            try await store.execute("DELETE FROM quote_events WHERE seq = 1")
            #expect(
                try await repo.verifyChains().fault
                    == ChainFault(
                        quoteNumber: "NL-2026-000001", sequence: 2,
                        reason: "is out of sequence (expected event 1)"))
        }
    }

    @Test("two instances appending to one quote at once never fork its chain", arguments: StoreKind.allCases)
    func concurrentWriters(kind: StoreKind) async throws {
        try await kind.with { store in
            try await Store.issue(store.repo, Fixtures.dutchRepair())
            let other = try await store.secondInstance()
            defer { Task { await other.close() } }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, repo) in [store.repo, other.repo].enumerated() {
                    group.addTask {
                        for _ in 0..<15 {
                            _ = try await repo.appendEvent(
                                number: "NL-2026-000001",
                                EventDraft(kind: .expired, at: Date(), actor: .system("sweep-\(index)")))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let events = try await store.repo.events(number: "NL-2026-000001")
            #expect(events.map(\.sequence) == Array(1...31))
            #expect(Set(events.dropFirst().map(\.actor.name)) == ["sweep-0", "sweep-1"])
            #expect(
                try await store.repo.verifyChains() == ChainVerification(quotes: 1, events: 31, fault: nil))
        }
    }

    @Test(
        "an acceptance's evidence is kept on the decision and sealed in its event",
        arguments: StoreKind.allCases)
    func evidence(kind: StoreKind) async throws {
        try await kind.with(inMemory: true) { store in
            let repo = store.repo
            try await Store.issue(repo, Fixtures.dutchRepair())
            let evidence = AcceptanceEvidence(
                name: "Anna de Vries", consentVersion: "NL-nl-2026-12", consentLanguage: "nl",
                ip: "203.0.113.9",
                userAgent: "Firefox", documentSHA256: String(repeating: "ab", count: 32))
            var request = Self.decision(
                "NL-2026-000001", client: EventClient(ip: "203.0.113.9", userAgent: "Firefox"))
            request.evidence = evidence
            _ = try await repo.decide(request)
            #expect(try await repo.quote(number: "NL-2026-000001")?.decision?.evidence == evidence)
            let decided = try await repo.events(number: "NL-2026-000001")[1]
            #expect(decided.details.contains(#""typedName":"Anna de Vries""#))
            #expect(decided.details.contains(#""consentVersion":"NL-nl-2026-12""#))
            #expect(try await repo.verifyChains().fault == nil)
        }
    }

    @Test("all events page by quote and sequence", arguments: StoreKind.allCases)
    func allEvents(kind: StoreKind) async throws {
        try await kind.with(inMemory: true) { store in
            let repo = store.repo
            for i in 0..<3 { try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(70 + i))) }
            _ = try await repo.addCustomerToken(number: "NL-2026-000001")
            let first = try await repo.events(after: nil, limit: 3)
            let rest = try await repo.events(after: first.last.map(EventCursor.init), limit: 3)
            #expect(
                (first + rest).map { "\($0.quoteNumber)/\($0.sequence)" } == [
                    "NL-2026-000001/1", "NL-2026-000001/2", "NL-2026-000002/1", "NL-2026-000003/1",
                ])
        }
    }

    @Test("the list finds quotes whose link was opened, or never opened", arguments: StoreKind.allCases)
    func viewedFilter(kind: StoreKind) async throws {
        try await kind.with(inMemory: true) { store in
            let repo = store.repo
            for i in 0..<3 { try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(50 + i))) }
            _ = try await repo.recordView(number: "NL-2026-000002", via: "page", at: Date(), client: nil)
            var query = QuoteQuery()
            query.viewed = true
            #expect(try await repo.list(query).quotes.map(\.number) == ["NL-2026-000002"])
            query.viewed = false
            #expect(try await repo.list(query).quotes.map(\.number) == ["NL-2026-000001", "NL-2026-000003"])
        }
    }

    /// Turns off the triggers that guard quotes, decisions and events, as someone with direct
    /// access to the database could.
    static func liftTriggers(_ store: TestStore, _ kind: StoreKind) async throws {
        switch kind {
        case .sqlite:
            for trigger in [
                "quotes_immutable", "decisions_immutable", "quote_events_no_update", "quote_events_no_delete",
            ] {
                try await store.execute("DROP TRIGGER \(trigger)")
            }
        case .postgres:
            for table in ["quotes", "decisions", "quote_events"] {
                try await store.execute("ALTER TABLE \(table) DISABLE TRIGGER USER")
            }
        }
    }

    /// The quote JSON with the first digit of its totals raised by one (9 becomes 0).
    static func changingOneAmount(_ json: String) -> String {
        guard let totals = json.range(of: #""totals""#),
            let digit = json[totals.upperBound...].firstIndex(where: \.isNumber)
        else { return json }
        let value = Int(String(json[digit])) ?? 0
        return json.replacingCharacters(in: digit...digit, with: String((value + 1) % 10))
    }
}
