import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QuoteRendering
import Testing

@testable import QuoteServer

/// A server with the console on, its users `desk` (service center), `shop` (R-100), `other-shop`
/// (R-200) and `finance`, all with ``ConsoleFixture/password``.
enum ConsoleFixture {
    static let password = "correct horse battery"

    static let users: UsersFile = {
        var file = UsersFile()
        for (name, role, retailer) in [
            ("desk", "service-center", nil), ("shop", "retailer", "R-100"),
            ("other-shop", "retailer", "R-200"),
            ("finance", "finance", nil),
        ] as [(String, String, String?)] {
            try! file.add(name: name, role: role, retailer: retailer, password: password, replace: false)
        }
        return file
    }()

    static func server(now: @escaping @Sendable () -> Date = { Date() }) throws -> TestServer {
        let (engine, documents) = try DocumentAndMailTests.documents()
        var server = try TestServer(renderer: documents, engine: engine)
        let templates = Shipped.root.appendingPathComponent("Templates")
        server.services.console = try ConsoleConfiguration(
            users: users, catalog: engine.catalog,
            documents: try QuoteRenderer(templatesDirectory: templates), templatesDirectory: templates,
            secureCookies: false, now: now)
        return server
    }
}

/// A browser's worth of state for the router tests: the session cookie and the page's form token.
struct ConsoleBrowser {
    let client: any TestClientProtocol
    var cookie: String?
    /// The sign-in form's token cookie, set by `GET /console/sign-in`.
    var signInCookie: String?
    /// The customer link cookie an issue or a new link sets for the quote's page.
    var linkCookie: String?

    func request(
        _ method: HTTPRequest.Method, _ uri: String, form: [(String, String)]? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        let cookies = [
            cookie.map { "console_session=\($0)" }, signInCookie.map { "console_signin=\($0)" },
            linkCookie.map { "console_link=\($0)" },
        ].compactMap { $0 }
        if !cookies.isEmpty { fields[.cookie] = cookies.joined(separator: "; ") }
        var body: ByteBuffer?
        if let form {
            fields[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(
                string: form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&"))
        }
        return try await client.execute(uri: uri, method: method, headers: fields, body: body)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// Signs in as a browser does, the form first (for its token); the session cookie is kept.
    mutating func signIn(_ name: String, password: String = ConsoleFixture.password) async throws
        -> TestResponse
    {
        let page = try await request(.get, "/console/sign-in")
        signInCookie = Self.cookie("console_signin", in: page)
        let response = try await request(
            .post, "/console/sign-in",
            form: [("username", name), ("password", password), ("csrf", Self.csrf(page.text) ?? "")])
        if let value = Self.sessionCookie(response) { cookie = value }
        return response
    }

    /// A browser signed in as `name`, with the form token of the new-quote page.
    static func signedIn(_ client: any TestClientProtocol, as name: String) async throws -> (
        ConsoleBrowser, String?
    ) {
        var browser = ConsoleBrowser(client: client)
        _ = try await browser.signIn(name)
        let csrf = csrf(try await browser.request(.get, "/console/quotes/new").text)
        return (browser, csrf)
    }

    static func sessionCookie(_ response: TestResponse) -> String? { cookie("console_session", in: response) }

    static func cookie(_ name: String, in response: TestResponse) -> String? {
        response.headers[values: .setCookie].lazy.compactMap { header -> String? in
            guard header.hasPrefix("\(name)=") else { return nil }
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }.first
    }

    /// The `csrf` value of a page's forms.
    static func csrf(_ html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The Dutch repair of the fixtures as form fields.
    static func dutchRepairForm(action: String, csrf: String?) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("market", "NL"), ("kind", "repair"), ("serviceMode", "carry-in"), ("item", "main-device"),
            ("reference", "JOB-77"), ("customer.name", "Anna de Vries"),
            ("customer.email", "anna@example.nl"),
            ("customer.language", "en"), ("device.model", "Xiaomi 12 Pro"),
            ("device.imei", "490154203237518"),
            ("purchase.date", "2025-01-10"), ("purchase.channel", "mi.com"), ("purchase.official", "true"),
            ("purchase.proofOfPurchase", "true"), ("purchase.firstOwner", "true"),
            ("findings", "liquid-damage"),
            ("fault", "display"), ("repair.labor", "L2"), ("repair.parts.0.sku", "X12P-DISPLAY"),
            ("repair.parts.0.quantity", "1"), ("repair.parts.1.sku", ""), ("repair.parts.1.quantity", "1"),
            ("action", action),
        ]
        if let csrf { fields.append(("csrf", csrf)) }
        return fields
    }
}
