import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Who is signed in to the console, and the checks every console request goes through.
struct ConsoleAccess: Sendable {
    let console: ConsoleConfiguration
    let logger: Logger

    /// A signed-in request: the session, its user and the page language.
    struct SignedIn {
        var session: ConsoleSession
        var user: ConsoleUser
        var language: String
        var principal: Principal { user.principal }
    }

    /// The session's user, its idle time restarted; nil without a live session (12 hours after
    /// sign-in, 30 minutes unused, or a user removed from the file).
    func signedIn(_ request: Request) async -> SignedIn? {
        guard let session = try? await console.sessions.load(request: request) else { return nil }
        guard !session.isExpired(now: console.now()), let user = console.users.user(named: session.user)
        else {
            _ = try? await console.sessions.delete(request: request)
            return nil
        }
        // Signed out meanwhile (a request in flight must not bring the session back).
        guard (try? await console.touch(session, request: request)) == true else { return nil }
        return SignedIn(session: session, user: user, language: ConsolePages.language(of: request))
    }

    /// A page for the signed-in user ``ConsoleSessionAuthenticator`` found, else a redirect to
    /// the sign-in page.
    func page(
        _ request: Request, _ context: ServiceRequestContext, _ body: (SignedIn) async throws -> Response
    ) async throws -> Response {
        guard let signedIn = context.identity?.console else {
            return ConsoleResponse.redirect(SignInReturn.signInURL(after: request))
        }
        do {
            var response = try await body(signedIn)
            if let asked = request.uri.queryParameters["lang"].map(String.init),
                ConsolePages.languages.contains(asked)
            {
                let cookie = Cookie(name: "console_lang", value: asked, path: "/console", sameSite: .strict)
                response.headers.append(HTTPField(name: .setCookie, value: cookie.description))
            }
            return response
        } catch let error as ConsoleRefusal {
            return refusal(error, request: request, signedIn: signedIn)
        } catch let error where [.notFound, .forbidden].contains(APIError.mapping(error)?.status) {
            // Not the API's English sentence: what the user may read in the page's language.
            let status = APIError.mapping(error)!.status
            return refusal(
                ConsoleRefusal(status, Self.message(for: status, console.pages, signedIn.language)),
                request: request, signedIn: signedIn)
        } catch {
            let mapped = APIError.mapping(error) ?? APIError(.internalServerError, "something went wrong")
            logger.warning(
                "console request failed",
                metadata: [
                    "path": "\(request.uri.path)", "status": "\(mapped.status.code)",
                    "user": "\(signedIn.user.name)",
                ])
            return refusal(
                ConsoleRefusal(
                    mapped.status, mapped.field.map { "\($0): \(mapped.message)" } ?? mapped.message),
                request: request, signedIn: signedIn)
        }
    }

    /// A POSTed form of a signed-in user, after its `csrf` token is checked: 403 otherwise, and
    /// nothing is changed.
    func form(_ request: Request, _ signedIn: SignedIn) async throws -> [(String, String)] {
        var request = request
        let body = try await request.collectBody(atMost: 256 * 1024)
        let fields = FormDecoding.pairs(String(buffer: body))
        guard CSRF.matches(fields.last(where: { $0.0 == CSRF.field })?.1, session: signedIn.session) else {
            logger.warning(
                "console form refused: csrf token missing or wrong",
                metadata: ["path": "\(request.uri.path)", "user": "\(signedIn.user.name)"])
            throw ConsoleRefusal(.forbidden, console.pages.label("csrfRefused", signedIn.language))
        }
        return fields
    }

    /// The error page.
    func refusal(_ refusal: ConsoleRefusal, request: Request, signedIn: SignedIn?) -> Response {
        let language = signedIn?.language ?? ConsolePages.language(of: request)
        var view = signedIn.map(baseView) ?? [:]
        view["status"] = refusal.status.code
        view["message"] = refusal.message
        return ConsoleResponse.page(
            console.pages.render("error", language: language, view: view), status: refusal.status)
    }

    /// The 404 or 403 page of a request outside ``page(_:_:)`` (``ConsoleErrorPages``), with the
    /// header of the user signed in, if any.
    func errorPage(_ status: HTTPResponse.Status, request: Request) async -> Response {
        let signedIn = await signedIn(request)
        let language = signedIn?.language ?? ConsolePages.language(of: request)
        return refusal(
            ConsoleRefusal(status, Self.message(for: status, console.pages, language)), request: request,
            signedIn: signedIn)
    }

    /// "Not found." or "Your role may not do this." in `language`.
    static func message(for status: HTTPResponse.Status, _ pages: ConsolePages, _ language: String) -> String
    {
        pages.label(status == .forbidden ? "notAllowed" : "notFound", language)
    }

    /// What every signed-in page shows: the user, the role's actions, the form token.
    func baseView(_ signedIn: SignedIn) -> [String: Any] {
        [
            "user": signedIn.user.name, "role": signedIn.user.role.rawValue, "csrf": signedIn.session.csrf,
            "mayIssue": signedIn.user.role.may(.issue),
            "mayReadReports": signedIn.user.role.may(.readReports),
            "signedIn": true,
            "sessionIdle": ConsoleSession.idle.components.seconds,
        ]
    }
}

/// A console request answered with an error page and status.
struct ConsoleRefusal: Error {
    var status: HTTPResponse.Status
    var message: String
    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }
}
