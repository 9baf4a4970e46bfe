/// The view model of a customer-link page (`customer.html.mustache`): the quote document with the
/// decision form above it, or a message (confirmation, expired, replaced, withdrawn, unknown
/// link, no choice made, already answered). Pre-formatted strings only, like `QuoteDocument`.
final class CustomerPageView {
    /// BCP 47 code for `<html lang>`.
    var lang: String
    var ui: UILabels
    /// The page's `<title>`.
    var title: String
    /// The quote document (the quote page).
    var document: QuoteDocument?
    /// The Accept/Reject form, while the quote is undecided.
    var form: DecisionFormView?
    /// A message page.
    var message: MessageView?
    /// The quote's PDF (`TOKEN.pdf`, beside the page), on the quote page when the service makes PDFs.
    var pdfLink: String?

    init(
        lang: String, ui: UILabels, title: String, document: QuoteDocument? = nil,
        form: DecisionFormView? = nil, message: MessageView? = nil
    ) {
        self.lang = lang
        self.ui = ui
        self.title = title
        self.document = document
        self.form = form
        self.message = message
    }
}

/// The decision form: each button states what the customer then pays.
final class DecisionFormView {
    var heading: String
    var intro: String
    /// "Accept the quote – € 299,96 to pay".
    var accept: String
    /// "Reject – € 45,00 to pay (returned unrepaired)".
    var reject: String
    /// The typed-name field, the consent box (its sentence filled in, its version and language
    /// sent back with the answer) and the reason field, each with its value and error.
    var fields = AnswerFieldsView()

    init(heading: String, intro: String, accept: String, reject: String) {
        self.heading = heading
        self.intro = intro
        self.accept = accept
        self.reject = reject
    }
}

/// The fields of the answer form (``DecisionFormView/fields``).
struct AnswerFieldsView {
    var nameLabel = "", nameValue = "", nameError: String?
    var consentText = "", consentVersion = "", consentLanguage = "", consentError: String?
    var reasonLabel = "", reasonValue = "", reasonError: String?
    var acceptOnlyNote = ""
    var hasErrors: Bool { nameError != nil || consentError != nil || reasonError != nil }
}

/// A heading, labelled facts and paragraphs: a message page, or the decision of a decided
/// document (`QuoteDocument.decided`).
package final class MessageView {
    package var heading: String
    /// What it is, for CSS: `confirmation-accepted`, `expired`, `accepted`, …
    package var code: String
    var facts: [Fact]
    package var paragraphs: [String]
    /// The text of a link back to the quote page (after a form sent without a choice, or refused).
    var back: String?

    init(heading: String, code: String, facts: [Fact] = [], paragraphs: [String], back: String? = nil) {
        self.heading = heading
        self.code = code
        self.facts = facts
        self.paragraphs = paragraphs
        self.back = back
    }
}

extension CustomerPageView: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .lang: .text(lang)
        case .ui: .node(.ui(ui))
        case .title: .text(title)
        case .document: .optional(document.map(ViewObject.document))
        case .form: .optional(form.map(ViewObject.form))
        case .message: .optional(message.map(ViewObject.message))
        case .pdfLink: .optional(pdfLink)
        default: nil
        }
    }
}

extension DecisionFormView: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .heading: .text(heading)
        case .intro: .text(intro)
        case .accept: .text(accept)
        case .reject: .text(reject)
        case .nameLabel: .text(fields.nameLabel)
        case .nameValue: .text(fields.nameValue)
        case .nameError: .optional(fields.nameError)
        case .consentText: .text(fields.consentText)
        case .consentVersion: .text(fields.consentVersion)
        case .consentLanguage: .text(fields.consentLanguage)
        case .consentError: .optional(fields.consentError)
        case .reasonLabel: .text(fields.reasonLabel)
        case .reasonValue: .text(fields.reasonValue)
        case .reasonError: .optional(fields.reasonError)
        case .acceptOnlyNote: .text(fields.acceptOnlyNote)
        case .hasErrors: .flag(fields.hasErrors)
        default: nil
        }
    }
}

extension MessageView: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .heading: .text(heading)
        case .code: .text(code)
        case .facts: .list(.facts(facts))
        case .paragraphs: .strings(paragraphs)
        case .back: .optional(back)
        default: nil
        }
    }
}
