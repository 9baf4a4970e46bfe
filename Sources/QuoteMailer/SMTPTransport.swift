import CCurl

/// Sends messages over SMTP with libcurl, reusing one connection for a whole batch.
///
/// ```swift
/// let transport = try SMTPTransport(configuration: .init(
///     url: "smtp://mail.repair.example:587",
///     credentials: .init(username: "quotes", password: passwordFromFile)))
/// try transport.send([quoteMail, copyForArchive])
/// ```
/// The connection opens on the first send and stays open (one SMTP session, STARTTLS and AUTH
/// done once) until the transport is released. Not thread-safe: use one transport per task.
public final class SMTPTransport {
    /// The settings this transport was built with.
    public let configuration: SMTPConfiguration
    /// Messages the server accepted so far.
    public private(set) var messagesSent = 0
    /// New connections opened so far (1 for a batch sent over one reused connection).
    public private(set) var connectionsOpened = 0

    private let handle: CurlEasyHandle
    private let upload = UploadSource()

    /// Checks the configuration and prepares the handle; nothing is sent until ``send(_:)-…``.
    public init(configuration: SMTPConfiguration) throws(MailError) {
        try configuration.validate()
        self.configuration = configuration
        handle = try CurlEasyHandle()
        configure()
    }

    private func configure() {
        let config = configuration
        handle.set(CURLOPT_URL, config.url)
        handle.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        handle.set(CURLOPT_NOSIGNAL, 1)
        handle.set(CURLOPT_UPLOAD, 1)
        handle.set(CURLOPT_USE_SSL, Int((config.allowPlaintext ? CURLUSESSL_NONE : CURLUSESSL_ALL).rawValue))
        handle.set(CURLOPT_CONNECTTIMEOUT_MS, SMTPConfiguration.milliseconds(config.connectTimeout))
        handle.set(CURLOPT_TIMEOUT_MS, SMTPConfiguration.milliseconds(config.totalTimeout))
        if let caFile = config.caFile { handle.set(CURLOPT_CAINFO, caFile) }
        if let credentials = config.credentials {
            handle.set(CURLOPT_USERNAME, credentials.username)
            handle.set(CURLOPT_PASSWORD, credentials.password)
        }
        handle.setReader(UploadSource.callback, context: Unmanaged.passUnretained(upload).toOpaque())
    }

    /// Sends one message.
    public func send(_ message: MailMessage) throws(MailError) {
        try send([message])
    }

    /// Sends the messages in order over one connection. On the first failure it stops and
    /// throws; the ``messagesSent`` before it were delivered.
    public func send(_ messages: [MailMessage]) throws(MailError) {
        for message in messages {
            handle.set(CURLOPT_MAIL_FROM, message.envelopeSender)
            handle.setRecipients(message.envelopeRecipients)
            upload.reset(message.render())
            let (code, detail) = handle.perform()
            connectionsOpened += handle.info(CURLINFO_NUM_CONNECTS)
            guard code == CURLE_OK else {
                throw SMTPFailure.classify(
                    code, smtpCode: handle.info(CURLINFO_RESPONSE_CODE), detail: detail)
            }
            messagesSent += 1
        }
    }
}
