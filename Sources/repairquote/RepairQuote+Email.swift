import ArgumentParser
import Foundation
import QuoteCore
import QuoteMailer
import QuoteRendering

/// `repairquote email CASE.json --to ADDR --smtp-url URL`: renders the quote (text + HTML) and sends it.
struct EmailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "email",
        abstract: "E-mail the quote of a case (plain text and HTML) over SMTP.",
        discussion: """
            The password is read from --password-file or $REPAIRQUOTE_SMTP_PASSWORD, never from the \
            command line. STARTTLS is required on smtp:// unless --insecure-no-tls (a trusted local \
            relay only).

            Exit status: 0 sent, 2 bad input, 3 transient failure (worth retrying), 4 permanent \
            failure.

            Example:
              repairquote email Examples/nl-out-of-warranty.json \\
                  --from quotes@service.example --dry-run
            """)

    @Argument(help: ArgumentHelp("The case file, or - for standard input.", valueName: "CASE.json"))
    var casePath: String

    @Option(
        help: ArgumentHelp("Recipient (repeatable); default: the case's customer e-mail.", valueName: "ADDR"))
    var to: [String] = []
    @Option(help: ArgumentHelp("Copy recipient (repeatable).", valueName: "ADDR")) var cc: [String] = []
    @Option(help: ArgumentHelp("Hidden recipient (repeatable; envelope only).", valueName: "ADDR")) var bcc:
        [String] = []
    @Option(help: ArgumentHelp("Sender; default $REPAIRQUOTE_MAIL_FROM.", valueName: "ADDR")) var from:
        String?
    @Option(help: ArgumentHelp("Reply-To address.", valueName: "ADDR")) var replyTo: String?
    @Option(help: ArgumentHelp("smtp://host:port (STARTTLS) or smtps://host:port.", valueName: "URL"))
    var smtpUrl: String?
    @Option(help: ArgumentHelp("SMTP user name.", valueName: "NAME")) var user: String?
    @Option(help: ArgumentHelp("File holding the SMTP password.", valueName: "FILE")) var passwordFile:
        String?
    @Option(help: ArgumentHelp("CA certificates to trust for TLS.", valueName: "FILE")) var caFile: String?
    @Flag(help: "Allow a server without TLS (a trusted local relay; refused together with a password).")
    var insecureNoTls = false
    @Flag(help: "Print the MIME message instead of sending it.") var dryRun = false
    @Flag(
        help: "Attach no PDF of the quote (a market can also turn it off: attachPDF: false in market.yaml).")
    var noAttachment = false

    @OptionGroup var priceLists: PriceListOptions
    @OptionGroup var document: DocumentOptions

    func run() throws {
        let message = try CLIError.guarding { try buildMessage() }
        if dryRun {
            FileHandle.standardOutput.write(Data(message.render()))
            return
        }
        let configuration = try CLIError.guarding { try smtpConfiguration() }
        do {
            let transport = try SMTPTransport(configuration: configuration)
            try transport.send(message)
        } catch {
            FileHandle.standardError.write(Data("repairquote: e-mail not sent: \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        }
        FileHandle.standardError.write(
            Data("repairquote: sent to \(message.envelopeRecipients.joined(separator: ", "))\n".utf8))
    }

    func buildMessage() throws -> MailMessage {
        let (catalog, serviceCase, quote) = try CaseInput.quote(casePath, priceLists: priceLists).parts
        let renderer = try document.renderer()
        let language = catalog.language(of: quote)
        do {
            let text = try renderer.render(
                quote, case: serviceCase, format: .text, language: document.lang, marketLanguage: language)
            let html = try renderer.render(
                quote, case: serviceCase, format: .html, language: document.lang, marketLanguage: language)
            let subject = try renderer.subject(
                for: quote, case: serviceCase, language: document.lang, marketLanguage: language)
            var attachments: [MailAttachment] = []
            if !noAttachment, catalog.attachesPDF(quote) {
                let pdf = try document.renderPDF(quote, serviceCase, catalog: catalog)
                attachments.append(
                    try MailAttachment(
                        fileName: "\(quote.number ?? "quote").pdf", contentType: "application/pdf", bytes: pdf
                    ))
            }
            return try MailMessage(
                from: try sender(), to: try recipients(serviceCase), cc: cc.map { MailAddress($0) },
                bcc: bcc.map { MailAddress($0) },
                replyTo: replyTo.map { MailAddress($0) }, subject: subject, textBody: text, htmlBody: html,
                attachments: attachments)
        } catch let error as RenderError {
            throw CLIError.badInput("\(error)")
        } catch let error as MailError {
            throw CLIError.badInput("\(error)")
        }
    }

    func sender() throws -> MailAddress {
        guard let address = from ?? ProcessInfo.processInfo.environment["REPAIRQUOTE_MAIL_FROM"] else {
            throw CLIError.badInput("--from: give the sender address (or set REPAIRQUOTE_MAIL_FROM)")
        }
        return MailAddress(address)
    }

    func recipients(_ serviceCase: ServiceCase) throws -> [MailAddress] {
        if !to.isEmpty { return to.map { MailAddress($0) } }
        guard let email = serviceCase.customer.email else {
            throw CLIError.badInput("--to: give a recipient (the case has no customer.email)")
        }
        return [MailAddress(email, name: serviceCase.customer.name)]
    }

    func smtpConfiguration() throws -> SMTPConfiguration {
        guard let smtpUrl else { throw CLIError.badInput("--smtp-url: required to send (or use --dry-run)") }
        var credentials: SMTPConfiguration.Credentials?
        if let user {
            credentials = SMTPConfiguration.Credentials(
                username: user, password: try SMTPPassword.read(file: passwordFile))
        }
        return SMTPConfiguration(
            url: smtpUrl, credentials: credentials, caFile: caFile, allowPlaintext: insecureNoTls)
    }
}
