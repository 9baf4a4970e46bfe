import Foundation

extension QuoteRenderer {
    /// The partials that style a document wherever it is shown: its content under an element of
    /// class `paper` (`partials/documentStyle.html.mustache`) and the decision block
    /// (`partials/decidedStyle.html.mustache`).
    static let stylesheetPartials = ["documentStyle", "decidedStyle"]

    /// The text of ``stylesheetPartials``, one after the other: the CSS a page needs that shows a
    /// document's `<main>` inside its own layout, as the console does (`/console/static/document.css`),
    /// where the document's inline `<style>` may not run. One source with the standalone document's.
    static func stylesheet(of templates: TemplateSet?) throws(RenderError) -> String {
        var css = ""
        for name in stylesheetPartials {
            guard let text = templates?.library.render([String: String](), withTemplate: name) else {
                throw .missingPartial(name: name, includedBy: "the document stylesheet")
            }
            css += text
        }
        return css
    }
}
