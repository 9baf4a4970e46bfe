import Foundation
import Hummingbird

/// The accessibility statement (`Templates/console/accessibility.mustache`), at `/accessibility`
/// whether or not the console is on: every customer page's footer links to it.
public struct AccessibilityStatement: Sendable {
    let pages: ConsolePages

    /// Loads the console's templates (the statement is one of them) from `templatesDirectory`.
    public init(templatesDirectory: URL, documentStylesheet: String) throws {
        pages = try ConsolePages(
            directory: templatesDirectory.appendingPathComponent("console"),
            documentStylesheet: documentStylesheet)
    }

    init(pages: ConsolePages) { self.pages = pages }

    /// `GET /accessibility` and the static files of the console's pages (`/console/static/…`),
    /// on the console or without it. `header` gives a signed-in user's header (the console's).
    func register(
        on router: Router<ServiceRequestContext>,
        header: @escaping @Sendable (Request) async -> [String: Any] = { _ in [:] }
    ) {
        router.get("/console/static/{file}") { _, context in
            let name = try context.parameters.require("file")
            guard let file = pages.staticFiles[name] else {
                throw APIError(.notFound, "no such file")
            }
            return ConsoleResponse.file(file.body, contentType: file.contentType)
        }
        router.get("/accessibility") { request, _ -> Response in
            // The statement is written in English: the page says so in its lang.
            ConsoleResponse.page(pages.render("accessibility", language: "en", view: await header(request)))
        }
    }
}
