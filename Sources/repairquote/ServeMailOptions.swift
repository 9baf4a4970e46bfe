import ArgumentParser
import Foundation
import QuoteCore
import QuoteMailer
import QuoteServer

/// The SMTP settings of `repairquote serve`: without `--smtp-url`, e-mails stay queued in the outbox.
struct ServeMailOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "SMTP server for quote e-mails: smtp://host:port (STARTTLS) or smtps://.", valueName: "URL"))
    var smtpUrl: String?
    @Option(help: ArgumentHelp("Sender of quote e-mails; default $REPAIRQUOTE_MAIL_FROM.", valueName: "ADDR"))
    var mailFrom: String?
    @Option(
        help: ArgumentHelp(
            "SMTP user name (password: --smtp-password-file or $REPAIRQUOTE_SMTP_PASSWORD).",
            valueName: "NAME"))
    var smtpUser: String?
    @Option(help: ArgumentHelp("File holding the SMTP password.", valueName: "FILE")) var smtpPasswordFile:
        String?
    @Option(help: ArgumentHelp("CA certificates to trust for the SMTP server.", valueName: "FILE"))
    var smtpCaFile: String?
    @Flag(help: "Allow an SMTP relay without TLS (trusted local relay only).") var smtpInsecureNoTls = false

    /// The outbox's mailer, or nil when no SMTP server is configured.
    func sender(documents: TemplateDocumentRenderer, engine: QuoteCalculator) throws -> SMTPMailSender? {
        guard let smtpUrl else { return nil }
        guard let from = mailFrom ?? ProcessInfo.processInfo.environment["REPAIRQUOTE_MAIL_FROM"] else {
            throw CLIError.badInput(
                "--mail-from: give the sender of quote e-mails (or set REPAIRQUOTE_MAIL_FROM)")
        }
        var credentials: SMTPConfiguration.Credentials?
        if let smtpUser {
            credentials = SMTPConfiguration.Credentials(
                username: smtpUser, password: try SMTPPassword.read(file: smtpPasswordFile))
        }
        let configuration = SMTPConfiguration(
            url: smtpUrl, credentials: credentials, caFile: smtpCaFile, allowPlaintext: smtpInsecureNoTls)
        return SMTPMailSender(
            configuration: configuration, sender: MailAddress(from), documents: documents, engine: engine)
    }
}

/// The SMTP password from a file (its first line) or $REPAIRQUOTE_SMTP_PASSWORD; never an argument.
enum SMTPPassword {
    static func read(file: String?) throws -> String {
        if let file {
            guard let data = FileManager.default.contents(atPath: file),
                let text = String(data: data, encoding: .utf8)
            else {
                throw CLIError.badInput("password file \(file) cannot be read")
            }
            return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        }
        guard let value = ProcessInfo.processInfo.environment["REPAIRQUOTE_SMTP_PASSWORD"] else {
            throw CLIError.badInput(
                "an SMTP user needs a password: a password file or REPAIRQUOTE_SMTP_PASSWORD")
        }
        return value
    }
}
