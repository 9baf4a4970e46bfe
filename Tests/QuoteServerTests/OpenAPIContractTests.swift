import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteStore
import QuoteTestSupport
import Testing
import Yams

@testable import QuoteServer

/// `docs/openapi.yaml` against the running router: every operation exists, every status the
/// server answers for it is documented, and the required fields are the decoder's.
@Suite("the OpenAPI document matches the server")
struct OpenAPIContractTests {
    struct Operation {
        var path: String
        var method: HTTPRequest.Method
        var spec: [String: Any]

        var statuses: Set<String> { Set((spec["responses"] as? [String: Any] ?? [:]).keys) }
        /// Open operations say `security: []`; the others inherit the document's key schemes.
        var needsKey: Bool { (spec["security"] as? [Any])?.isEmpty != true }
        var jsonBody: [String: Any]? {
            let body = spec["requestBody"] as? [String: Any]
            let content = body?["content"] as? [String: Any]
            return (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
        }
        var formBody: Bool {
            ((spec["requestBody"] as? [String: Any])?["content"] as? [String: Any])?[
                "application/x-www-form-urlencoded"] != nil
        }
    }

    static var document: [String: Any] {
        (try? Yams.load(yaml: OpenAPIDocument.text)) as? [String: Any] ?? [:]
    }

    static var operations: [Operation] {
        let paths = document["paths"] as? [String: Any] ?? [:]
        return paths.sorted { $0.key < $1.key }.flatMap { path, value in
            (value as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.compactMap { method, spec in
                HTTPRequest.Method(method.uppercased()).map {
                    Operation(path: path, method: $0, spec: spec as? [String: Any] ?? [:])
                }
            }
        }
    }

    static func schema(_ name: String) -> [String: Any] {
        ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any]
            ?? [:]
    }

    @Test("every operation answers, and each status it answers (401, 404, 422, …) is documented")
    func statusesDocumented() async throws {
        var server = try TestServer()
        server.services.catalog = try Shipped.engine().catalog  // GET /v1/catalog/{market}
        // GET /v1/webhooks/{id} and its deliveries: an endpoint of the desk's, with the issue's delivery.
        try await server.repo.createWebhookEndpoint(
            WebhookEndpointRecord(
                id: "ep_contract", owner: "desk-1", scopeIssuer: nil, url: "https://hooks.example.com/in",
                events: ["quote.issued"], description: "",
                secret: "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0",
                createdAt: Date()),
            limit: 10)
        try await server.test { client in
            let issued = try await client.issue(Fixtures.dutchRepair())
            let token = String(
                (issued.json["customerLink"] as? String ?? "").split(separator: "/").last ?? "")
            for operation in Self.operations {
                func path(number: String = "NL-2026-000001", token: String = token) -> String {
                    operation.path.replacingOccurrences(of: "{number}", with: number)
                        .replacingOccurrences(of: "{token}", with: token)
                        .replacingOccurrences(of: "{market}", with: "NL")
                        .replacingOccurrences(of: "{id}", with: "ep_contract")
                        .replacingOccurrences(of: "{delivery}", with: "1")
                }
                let name = "\(operation.method.rawValue) \(operation.path)"
                var answers: [(String, TestResponse)] = []
                func call(_ uri: String, key: String?, body: String?, expect: HTTPResponse.Status?)
                    async throws
                {
                    let headers: HTTPFields =
                        operation.formBody ? [.contentType: "application/x-www-form-urlencoded"] : [:]
                    let answer = try await client.call(
                        operation.method, uri, key: key, body: body, headers: headers)
                    if let expect { #expect(answer.status == expect, "\(name) \(uri)") }
                    answers.append((uri, answer))
                }
                if operation.method == .get {
                    try await call(path(), key: Key.desk, body: nil, expect: .ok)
                }
                if operation.needsKey {
                    try await call(path(), key: nil, body: nil, expect: .unauthorized)
                }
                if operation.jsonBody != nil {
                    try await call(
                        path(), key: Key.desk, body: #"{"unknownField": 1}"#, expect: .unprocessableContent)
                }
                if operation.path.contains("{number}") {
                    // A valid body, so the unknown number is what is refused.
                    let body: String? =
                        switch operation.path {
                        case let path where path.hasSuffix("/decision"):
                            #"{"decision":"accepted","channel":"phone"}"#
                        case let path where path.hasSuffix("/void"): #"{"reason":"withdrawn"}"#
                        default: nil
                        }
                    try await call(
                        path(number: "NL-2026-999999"), key: Key.desk, body: body, expect: .notFound)
                }
                if operation.path.contains("{token}") {
                    let body = operation.formBody ? "decision=accepted" : nil
                    try await call(path(token: "unknown"), key: nil, body: body, expect: .notFound)
                }
                for (uri, answer) in answers {
                    #expect(answer.status != .methodNotAllowed, "\(name) \(uri)")
                    #expect(
                        operation.statuses.contains(String(answer.status.code)),
                        "\(name) \(uri): \(answer.status.code) is not documented")
                }
            }
        }
    }

    @Test("the case's required fields are the decoder's: each one missing is 422 naming it")
    func caseRequiredFields() async throws {
        let fixture = try #require(
            try JSONSerialization.jsonObject(with: Data(Fixtures.dutchRepair().utf8)) as? [String: Any])
        let checks = Self.requiredChecks(Self.schema("Case"), value: fixture)
        #expect(checks.count >= 10)
        try await TestServer().test { client in
            for (field, required, body) in checks {
                let answer = try await client.call(.post, "/v1/quotes/preview", key: Key.desk, body: body)
                if required {
                    #expect(answer.status == .unprocessableContent, "\(field)")
                    #expect(answer.json["field"] as? String == field, "\(field)")
                } else {
                    #expect(answer.json["field"] as? String != field, "\(field) is optional in the document")
                }
            }
        }
    }

    @Test("the decision and e-mail bodies' required fields are the server's")
    func bodyRequiredFields() async throws {
        try await TestServer().test { client in
            _ = try await client.issue(Fixtures.dutchRepair())
            // A revision's body is a whole case: its required fields are the case's, tested above.
            // A new customer link takes no body.
            for operation in Self.operations
            where operation.path.hasPrefix("/v1/quotes/{number}/") && !operation.path.hasSuffix("/revise")
                && !operation.path.hasSuffix("/customer-link") && operation.method != .get
            {
                let schema = try #require(operation.jsonBody)
                let required = schema["required"] as? [String] ?? []
                let answer = try await client.call(
                    operation.method,
                    operation.path.replacingOccurrences(of: "{number}", with: "NL-2026-000001"),
                    key: Key.desk, body: "{}")
                if let first = required.first {
                    #expect(
                        answer.status == .unprocessableContent && answer.json["field"] as? String == first)
                } else {
                    #expect(
                        answer.status.code < 300,
                        "\(operation.path): {} is refused though nothing is required")
                }
            }
        }
    }

    /// For every field of the case `value` (and of its objects: `customer.name`, …): the case
    /// without it, and whether the document says it is required.
    static func requiredChecks(_ schema: [String: Any], value: [String: Any])
        -> [(field: String, required: Bool, body: String)]
    {
        func checks(
            _ schema: [String: Any], _ object: [String: Any], prefix: String, wrap: ([String: Any]) -> String
        )
            -> [(String, Bool, String)]
        {
            let required = Set(schema["required"] as? [String] ?? [])
            let properties = schema["properties"] as? [String: Any] ?? [:]
            var result: [(String, Bool, String)] = []
            // An IMEI or a serial is required: a conditional requirement, described in the text.
            for key in object.keys.sorted() where prefix + key != "device.imei" {
                var without = object
                without[key] = nil
                result.append((prefix + key, required.contains(key), wrap(without)))
                if let nested = object[key] as? [String: Any], let inner = properties[key] as? [String: Any] {
                    result += checks(inner, nested, prefix: prefix + key + ".") { changed in
                        var whole = object
                        whole[key] = changed
                        return wrap(whole)
                    }
                }
            }
            return result
        }
        return checks(schema, value, prefix: "", wrap: json)
    }

    static func json(_ object: [String: Any]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data(), as: UTF8.self)
    }
}
