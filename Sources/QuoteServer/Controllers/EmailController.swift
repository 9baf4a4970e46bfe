import Foundation
import Hummingbird
import QuoteCore
import QuoteStore

/// `POST /v1/quotes/{number}/email`: puts the quote's e-mail into the outbox (sent by
/// ``OutboxSender``). Body optional: `{"to": "address"}`, else the case's customer e-mail.
struct EmailController<Repository: QuoteRepository> {
    let repo: Repository
    let services: ServerServices

    func register(on router: Router<BasicRequestContext>) {
        router.post("/v1/quotes/{number}/email", use: enqueue)
    }

    @Sendable func enqueue(_ request: Request, context: BasicRequestContext) async throws -> Response {
        _ = try services.keys.require(request, [.serviceCenter])
        let number = try context.parameters.require("number")
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        var to: String?
        if body.readableBytes > 0 {
            guard case .object(let object)? = try? JSONParser.parse(Array(body.readableBytesView)) else {
                throw APIError(.unprocessableContent, "expected a JSON object")
            }
            to = object["to"].flatMap { $0.text }
        }
        let message = try await enqueue(number, to: to)
        var o = JSONObject()
        o.append("outboxId", .number(String(message.id)))
        o.append("messageId", .string(message.messageID))
        o.append("state", .string(message.state))
        return JSONBody.response(.object(o), status: .accepted)
    }

    /// Queues the quote's e-mail to `to` or the case's customer (the API's and the console's).
    func enqueue(_ number: String, to: String?) async throws -> OutboxMessage {
        guard let record = try await repo.quote(number: number) else { throw StoreError.notFound }
        let serviceCase = try CaseDecoder.decode(record.caseJSON, today: services.today)
        guard let recipient = to ?? serviceCase.customer.email, recipient.contains("@") else {
            throw APIError(.unprocessableContent, "no e-mail address for this quote", field: "to")
        }
        let message = try await repo.enqueueEmail(
            EmailRequest(number: number, recipient: recipient, language: serviceCase.customer.language))
        services.logger.info(
            "e-mail queued", metadata: ["number": "\(number)", "to": "\(Masking.email(recipient))"])
        return message
    }
}
