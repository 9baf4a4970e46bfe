import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteTestSupport
import Testing

@testable import QuoteServer

@Suite("health, metrics and the OpenAPI document")
struct OperationsTests {
    @Test("/health is open")
    func health() async throws {
        let server = try TestServer()
        try await server.test { client in
            let response = try await client.call(.get, "/health", key: nil)
            #expect(response.status == .ok && response.text == #"{"status":"ok"}"#)
        }
    }

    @Test("/metrics counts requests by route and status, latency, and quotes issued by market and status")
    func metrics() async throws {
        let server = try TestServer()
        try await server.test { client in
            _ = try await client.issue(Fixtures.pakistanRepair())
            _ = try await client.call(.get, "/v1/quotes/PK-2026-000009", key: Key.desk)
            let text = try await client.call(.get, "/metrics", key: nil).text
            #expect(
                text.contains(#"repairquote_quotes_issued_total{market="PK",status="out-of-warranty"} 1"#))
            #expect(
                text.contains(
                    #"repairquote_http_requests_total{route="/v1/quotes",method="POST",status="201"} 1"#))
            #expect(text.contains(#"route="/v1/quotes/{number}",method="GET",status="404"} 1"#))
            #expect(text.contains(#"repairquote_http_request_duration_seconds_count{route="/v1/quotes"} 1"#))
        }
    }

    @Test("docs/openapi.yaml describes exactly the router's routes")
    func openAPIMatchesRoutes() async throws {
        var server = try TestServer()
        server.services.catalog = try Shipped.engine().catalog
        let registered = Set(server.router.routes.map { "\($0.method.rawValue) \($0.path)" })
        let documented = Set(OpenAPIScan.operations(OpenAPIDocument.text))
        #expect(documented == registered)
        #expect(registered.count == 26)  // with GET /v1/quotes/{number}/events and the 8 webhook routes
        try await server.test { client in
            let served = try await client.call(.get, "/openapi.yaml", key: nil)
            #expect(served.text == OpenAPIDocument.text && served.text.hasPrefix("openapi: 3.1.0"))
        }
    }
}

/// `METHOD /path` of every operation under `paths:`, by indentation (two spaces: a path, four: a method).
enum OpenAPIScan {
    static func operations(_ yaml: String) -> [String] {
        var inPaths = false
        var path = ""
        var result: [String] = []
        let methods = ["get", "post", "put", "patch", "delete"]
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: true) {
            if !line.hasPrefix(" ") {
                inPaths = line == "paths:"
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "),
                let name = line.split(separator: ":").first?.trimmingCharacters(in: .whitespaces),
                methods.contains(name)
            {
                result.append("\(name.uppercased()) \(path)")
            }
        }
        return result
    }
}
