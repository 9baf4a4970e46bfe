import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import PriceListLoading
import QuoteCore
import QuoteJSON
import QuoteMailer
import QuoteStore
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// The reminders of the expiry sweep (issue #28) with injected days and clock: the shipped NL
/// market sets `reminderDaysBeforeExpiry: 3`, so a quote valid until 16 March is reminded from 13 March.
@Suite("reminders from the expiry sweep", .serialized)
struct ReminderSweepTests {
    static let clock = Date(timeIntervalSince1970: 1_773_360_000)

    /// `base` on `day`, with `catalog`'s reminder days, a mailer configured and the clock injected.
    static func services(
        _ base: ServerServices, on day: CivilDate, catalog: PriceListCatalog?, mailer: Bool = true
    )
        -> ServerServices
    {
        var services = base
        services.today = { _ in day }
        services.catalog = catalog
        services.mailerConfigured = mailer
        services.webhooks.now = { clock }
        return services
    }

    static func issue(_ client: some TestClientProtocol, _ json: String) async throws -> (
        number: String, validUntil: CivilDate
    ) {
        let issued = try await client.issue(json)
        let quote = try #require(issued.json["quote"] as? [String: Any])
        let number = try #require(quote["number"] as? String)
        let validUntil = try #require(quote["validUntil"] as? String)
        return (number, try #require(CivilDate(validUntil)))
    }

    @Test("one reminder 3 days before, in Dutch, with a working link and the PDF; its event and webhook")
    func remindsOnce() async throws {
        let (engine, documents) = try PDFDocumentRouteTests.documents()
        let server = try TestServer(renderer: documents, engine: engine)
        try await server.repo.createWebhookEndpoint(
            WebhookEndpointRecord(
                id: "ep_r", owner: "desk-1", scopeIssuer: nil, url: "https://hooks.example.com/in",
                events: ["quote.reminded"], description: "",
                secret: "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0",
                createdAt: Date()),
            limit: 10)
        let json = try Shipped.example("nl-out-of-warranty.json")
        let noEmail = json.replacingOccurrences(of: #""email": "anna@example.nl", "#, with: "")
        #expect(noEmail != json)
        let (open, others, revision) = try await server.test { client in
            let open = try await Self.issue(client, json)
            var others = [try await Self.issue(client, noEmail).number]
            let decided = try await Self.issue(client, json).number
            _ = try await client.call(
                .post, "/v1/quotes/\(decided)/decision", key: Key.desk,
                body: #"{"decision":"accepted","channel":"phone"}"#)
            let voided = try await Self.issue(client, json).number
            _ = try await client.call(
                .post, "/v1/quotes/\(voided)/void", key: Key.desk, body: #"{"reason":"wrong model"}"#)
            let replaced = try await Self.issue(client, json).number
            let revised = try await client.call(
                .post, "/v1/quotes/\(replaced)/revise", key: Key.desk, body: noEmail,
                headers: [HTTPField.Name("Idempotency-Key")!: "revise-1"])
            #expect(revised.status == .created, "\(revised.text)")
            others += [decided, voided, replaced]
            return (open, others, try #require(revised.json["number"] as? String))
        }
        func sweep(_ days: Int) -> ExpirySweep<SQLiteQuoteRepository> {
            ExpirySweep(
                repo: server.repo,
                services: Self.services(
                    server.services, on: open.validUntil.adding(days: days), catalog: engine.catalog))
        }
        #expect(try await sweep(-4).remindOnce() == 0)
        // The open quote only; the revision that replaced another has no e-mail address.
        #expect(try await sweep(-3).remindOnce() == 1)
        #expect(try await server.repo.outbox(quoteNumber: revision).isEmpty)
        #expect(try await sweep(-3).remindOnce() == 0)
        #expect(try await sweep(-1).remindOnce() == 0)
        for number in others {
            // (The decided one has its confirmation e-mail; no quote but the open one a reminder.)
            #expect(
                try await server.repo.outbox(quoteNumber: number).filter { $0.kind == .reminder }.isEmpty,
                "\(number)")
        }

        let outbox = try await server.repo.outbox(quoteNumber: open.number)
        #expect(outbox.map(\.kind) == [.reminder] && outbox.first?.recipient == "anna@example.nl")
        let events = try await server.repo.events(number: open.number)
        #expect(events.last?.kind == .reminded && events.last?.at == Self.clock)
        let deliveries = try await server.repo.webhookDeliveries(endpointID: "ep_r", before: nil, limit: 10)
        #expect(
            deliveries.map(\.quoteNumber) == [open.number]
                && deliveries.map(\.eventType) == ["quote.reminded"])

        let mailer = FakeMailer()
        let outboxSender = OutboxSender(
            repo: server.repo, mailer: mailer, publicBaseURL: "https://quotes.test",
            logger: server.services.logger)
        #expect(try await outboxSender.drainOnce(now: Self.clock.addingTimeInterval(1)) == 1)
        let email = try #require(mailer.sent.first { $0.quoteNumber == open.number })
        #expect(email.kind == .reminder && email.language == "nl")
        let link = try #require(email.customerLink)
        let message = try PDFDocumentRouteTests.smtpSender(documents, engine).message(for: email)
        #expect(
            message.subject.hasPrefix("Herinnering: offerte \(open.number) (Xiaomi 12 Pro) is geldig tot "))
        #expect(message.textBody.hasPrefix("Ter herinnering: deze offerte is geldig tot "))
        #expect(message.textBody.contains("Deze offerte aanvaarden of weigeren: \(link)"))
        #expect(message.htmlBody?.contains("<p class=\"reminder\">Ter herinnering:") == true)
        #expect(message.attachments.map(\.fileName) == ["\(open.number).pdf"])
        #expect(message.attachments.first?.bytes.starts(with: Array("%PDF".utf8)) == true)
        let page = try await server.test { client in
            try await client.call(.get, String(link.dropFirst("https://quotes.test".count)), key: nil)
        }
        #expect(page.status == .ok && page.text.contains(open.number))
    }

    @Test("nothing when the market sets no reminder, nor while no mailer is configured")
    func off() async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("reminders-off-\(UUID())")
        try FileManager.default.copyItem(at: Shipped.root.appendingPathComponent("PriceLists"), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        for market in ["NL", "NL/2025.1"] {
            let file = copy.appendingPathComponent("\(market)/market.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(
                of: "reminderDaysBeforeExpiry: 3", with: "reminderDaysBeforeExpiry: 0"
            )
            .write(to: file, atomically: true, encoding: .utf8)
        }
        let off = try PriceListLoader.loadCatalog(directory: copy.path)
        let server = try TestServer()  // the stub engine: NL quotes valid until 2026-03-16
        let number = try await server.test { client in
            try #require(try await client.issue(Fixtures.dutchRepair()).json["number"] as? String)
        }
        let day = CivilDate("2026-03-13")!
        let shipped = try Shipped.engine().catalog
        #expect(
            try await ExpirySweep(
                repo: server.repo, services: Self.services(server.services, on: day, catalog: off)
            )
            .remindOnce() == 0)
        #expect(
            try await ExpirySweep(
                repo: server.repo,
                services: Self.services(server.services, on: day, catalog: shipped, mailer: false)
            ).remindOnce() == 0)
        #expect(try await server.repo.outbox(quoteNumber: number).isEmpty)
        #expect(
            try await ExpirySweep(
                repo: server.repo, services: Self.services(server.services, on: day, catalog: shipped)
            )
            .remindOnce() == 1)
    }

    @Test("two instances on one PostgreSQL sweeping at once, then restarted: one reminder per quote")
    func twoInstances() async throws {
        let (a, b) = try await PostgresTestDatabase.twoRepositories()
        defer {
            Task {
                await a.shutdown(); await b.shutdown()
            }
        }
        var numbers: [String] = []
        for i in 0..<30 {
            let json = Fixtures.dutchRepair(imei: Fixtures.imei(4000 + i))
            let serviceCase = try CaseDecoder.decode(json, today: { _ in CivilDate("2026-03-02")! })
            let request = IssueRequest(
                serviceCase: serviceCase, issuer: "desk-1", idempotencyKey: nil,
                requestHash: Digest.sha256Hex(Array(json.utf8)))
            numbers.append(try await a.issue(request, engine: StubEngine()).issued.record.number)
        }
        let services = Self.services(
            WebhookTwoInstancesTests.services(), on: CivilDate("2026-03-14")!,
            catalog: try Shipped.engine().catalog)
        func sweepBoth() async throws -> [Int] {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for repo in [a, b] {
                    group.addTask { try await ExpirySweep(repo: repo, services: services).remindOnce() }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(try await sweepBoth().reduce(0, +) == 30)
        #expect(try await sweepBoth() == [0, 0])
        for number in numbers {
            #expect(try await b.outbox(quoteNumber: number).map(\.kind) == [.reminder], "\(number)")
            #expect(
                try await a.events(number: number).filter { $0.kind == .reminded }.count == 1, "\(number)")
        }
    }
}
