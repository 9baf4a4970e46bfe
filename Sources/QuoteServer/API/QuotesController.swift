import Foundation
import Hummingbird
import QuoteCore
import QuoteJSON
import QuoteRendering
import QuoteStore

/// `POST /v1/quotes/preview`, `POST /v1/quotes`, `GET /v1/quotes/{number}`, `GET /v1/quotes`.
struct QuotesController<Repository: QuoteRepository> {
    let desk: QuoteDesk<Repository>
    var services: ServerServices { desk.services }
    var answers: QuoteAnswers<Repository> { QuoteAnswers(desk: desk) }

    func register(on v1: RouterGroup<ServiceRequestContext>) {
        v1.post("quotes/preview", use: preview)
        v1.post("quotes", use: issue)
        v1.get("quotes/{number}", use: show)
        v1.get("quotes", use: list)
    }

    /// Computes the quote of a case with the device's ledger, stores nothing.
    @Sendable func preview(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .issue)
        let quote = try await desk.preview(try await answers.readCase(request).serviceCase, by: principal)
        return JSONBody.response(bytes: QuoteEncoder.bytes(quote))
    }

    /// Issues a quote: 201 the first time, 200 with `Idempotent-Replayed: true` for a retry.
    @Sendable func issue(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .issue)
        return try await answers.issue(request, by: principal, issuer: principal.issuer, supersedes: nil)
    }

    /// The stored quote as JSON, or as a text/HTML document by `Accept` or a `.txt`/`.html` suffix,
    /// or as a PDF by a `.pdf` suffix.
    @Sendable func show(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .read)
        var number = try context.parameters.require("number")
        if number.hasSuffix(".pdf") {
            return try await services.pdfResponse(
                try await desk.readable(String(number.dropLast(4)), by: principal))
        }
        var format = DocumentFormat.from(accept: request.headers[.accept])
        if let accept = request.headers[.accept], format == nil, !DocumentFormat.acceptsJSON(accept) {
            throw APIError(
                .notAcceptable, "available as application/json, text/plain or text/html", field: "Accept")
        }
        for (suffix, suffixFormat) in [
            (".txt", DocumentFormat?.some(.text)), (".html", .html), (".json", nil),
        ]
        where number.hasSuffix(suffix) {
            number.removeLast(suffix.count)
            format = suffixFormat
        }
        let record = try await desk.readable(number, by: principal)
        guard let format else { return try await answers.full(record) }
        return try answers.document(record, format: format)
    }

    /// A page of quotes, oldest first unless `sort` says otherwise; `nextCursor` continues. Filters:
    /// `state`, `q` (number, reference, IMEI, serial, customer name or e-mail, model, any case),
    /// `market`, `status` (decision or coverage status), `from`, `to`. An empty value is no filter;
    /// an unknown parameter is 422.
    @Sendable func list(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .read)
        let query = try ListParameters.query(request.uri.queryParameters, issuer: principal.listIssuer)
        let page = try await desk.list(query, by: principal)
        var body = JSONObject()
        body.append(
            "quotes",
            .array(page.quotes.map { .object(RecordJSON.summary($0, state: services.state(of: $0))) }))
        // An order by total continues by rows skipped, issue order after the last id.
        let next = page.nextAfter.map {
            query.totalOrder == nil ? Cursor.encode($0) : Cursor.encode(offset: query.offset + query.limit)
        }
        body.append("nextCursor", next.map(JSONValue.string) ?? .null)
        return JSONBody.response(.object(body))
    }
}

extension DocumentFormat {
    /// HTML or text when `Accept` prefers it, nil for JSON.
    /// Whether an `Accept` header admits JSON (or anything).
    static func acceptsJSON(_ accept: String) -> Bool {
        accept.isEmpty || accept.contains("application/json") || accept.contains("*/*")
            || accept.contains("application/*")
    }

    static func from(accept: String?) -> DocumentFormat? {
        guard let accept else { return nil }
        if accept.contains("text/html") { return .html }
        if accept.contains("text/plain") { return .text }
        return nil
    }
}

/// The opaque list cursor: base64url of `c1:<id>` (issue order), or of `o1:<rows skipped>` (an
/// order by total).
enum Cursor {
    static func encode(_ after: Int64) -> String { Base64URL.encode(Array("c1:\(after)".utf8)) }

    static func encode(offset: Int) -> String { Base64URL.encode(Array("o1:\(offset)".utf8)) }

    static func decode(_ cursor: String) throws -> Int64 {
        guard let id = plain(cursor, prefix: "c1:").flatMap({ Int64($0) }) else {
            throw APIError(.unprocessableContent, "not a cursor of this service", field: "cursor")
        }
        return id
    }

    static func decodeOffset(_ cursor: String) throws -> Int {
        guard let offset = plain(cursor, prefix: "o1:").flatMap({ Int($0) }), offset >= 0 else {
            throw APIError(.unprocessableContent, "not a cursor of this order", field: "cursor")
        }
        return offset
    }

    /// The text after `prefix` in a cursor's base64url, nil when it is not one.
    private static func plain(_ cursor: String, prefix: String) -> Substring? {
        var text = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: text), let plain = String(data: data, encoding: .utf8),
            plain.hasPrefix(prefix)
        else { return nil }
        return plain.dropFirst(prefix.count)
    }
}
