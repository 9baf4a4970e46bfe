import Hummingbird

/// The response of a customer-link page: the page's HTML with the customer pages' strict headers
/// (``PageHeaders/customerFields``). The pages themselves come from the renderer's templates
/// (``ServerServices/customerPage(_:_:status:languages:pdfLink:answer:)``).
enum CustomerPage {
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = JSONBody.text(html, contentType: "text/html; charset=utf-8", status: status)
        response.headers.append(contentsOf: PageHeaders.customerFields)
        return response
    }

    /// The page of a 500: a page the renderer could not make (the error is logged, never shown).
    static let unavailable = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Repair quote</title></head>
        <body><main><h1>Repair quote</h1>
        <p>This page cannot be shown at the moment. Nothing was recorded. Please try again later.</p></main></body></html>

        """
}
