import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The console's sign-in and sign-out, its static files and its root.
struct ConsoleController: Sendable {
    let access: ConsoleAccess
    var console: ConsoleConfiguration { access.console }
    var logger: Logger { access.logger }

    /// The sign-in form and the static files on the router (no session needed, none touched);
    /// the root and sign-out on the `/console` group, whose authenticator finds the session.
    func register(
        on router: Router<ServiceRequestContext>, console group: RouterGroup<ServiceRequestContext>
    ) {
        group.get("") { _, context in
            context.identity?.console == nil
                ? ConsoleResponse.redirect("/console/sign-in") : ConsoleResponse.redirect("/console/quotes")
        }
        router.get("/console/sign-in", use: signInPage)
        router.post("/console/sign-in", use: signIn)
        group.post("sign-out", use: signOut)
        registerAccessibility(on: router)
    }

    @Sendable func signInPage(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        signInForm(request, message: nil, status: .ok)
    }

    func signInForm(_ request: Request, message: String?, status: HTTPResponse.Status, username: String = "")
        -> Response
    {
        let language = ConsolePages.language(of: request)
        var cookies: [Cookie] = []
        if let asked = request.uri.queryParameters["lang"].map(String.init),
            ConsolePages.languages.contains(asked)
        {
            cookies.append(Cookie(name: "console_lang", value: asked, path: "/console", sameSite: .strict))
        }
        // The sign-in form's own token, before any session: a form posted from another site lacks it.
        let token = CSRF.newToken()
        cookies.append(
            Cookie(
                name: CSRF.signInCookie, value: token, path: "/console/sign-in",
                secure: console.secureCookies,
                httpOnly: true, sameSite: .strict))
        var view: [String: Any] = ["username": username, "csrf": token]
        view.set("next", SignInReturn.next(request.uri.queryParameters["next"].map(String.init)))
        view.set("message", message)
        let html = console.pages.render("sign-in", language: language, view: view)
        return ConsoleResponse.page(html, status: status, cookies: cookies)
    }

    /// `username` and `password`: a new session (a new id, whatever cookie came in) and a redirect
    /// to the list; one message for every failure; 429 for 15 minutes after 5 failures of one user.
    @Sendable func signIn(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(atMost: 16 * 1024)
        let fields = FormDecoding.fields(String(buffer: body))
        let name = String((fields["username"] ?? "").prefix(64))
        let password = fields["password"] ?? ""
        let language = ConsolePages.language(of: request)
        let expected = request.cookies[CSRF.signInCookie].map { String($0.value) }
        guard CSRF.matches(fields[CSRF.field], expected: expected) else {
            logger.warning("console sign-in refused: no valid form token", metadata: ["user": "\(name)"])
            return signInForm(
                request, message: console.pages.label("csrfRefused", language), status: .forbidden,
                username: name)
        }
        if try await !console.throttle.admit(name) {
            logger.warning("console sign-in refused: too many failures", metadata: ["user": "\(name)"])
            return signInForm(
                request, message: console.pages.label("signInLocked", language), status: .tooManyRequests,
                username: name)
        }
        guard !password.isEmpty, let user = console.users.verify(name: name, password: password) else {
            logger.warning("console sign-in failed", metadata: ["user": "\(name)"])
            return signInForm(
                request, message: console.pages.label("signInFailed", language), status: .unauthorized,
                username: name)
        }
        try await console.throttle.reset(name)
        _ = try? await console.sessions.delete(request: request)
        let session = ConsoleSession(user: user.name, csrf: CSRF.newToken(), signedInAt: console.now())
        let saved = try await console.sessions.save(session: session, expiresIn: ConsoleSession.idle)
        logger.info("console sign-in", metadata: ["user": "\(user.name)", "role": "\(user.role.rawValue)"])
        return ConsoleResponse.redirect(
            SignInReturn.next(fields["next"]) ?? "/console/quotes", cookies: [sessionCookie(saved.value)])
    }

    /// Ends the session (with its form token checked) and goes back to the sign-in page.
    @Sendable func signOut(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            _ = try await access.form(request, signedIn)
            _ = try? await console.sessions.delete(request: request)
            logger.info("console sign-out", metadata: ["user": "\(signedIn.user.name)"])
            return ConsoleResponse.redirect("/console/sign-in", cookies: [sessionCookie("", maxAge: 0)])
        }
    }

    /// The session cookie: a browser-session cookie (the server ends the session), HttpOnly,
    /// SameSite=Strict, Secure behind https.
    func sessionCookie(_ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(
            name: "console_session", value: value, maxAge: maxAge, path: "/", secure: console.secureCookies,
            httpOnly: true, sameSite: .strict)
    }
}
