/// Where and how to deliver: server URL, TLS policy, credentials, CA file and timeouts.
///
/// `smtp://host:587` upgrades with STARTTLS and **requires** it (a server that does not offer
/// it is an error); `smtps://host:465` is TLS from the first byte. Only a trusted local relay
/// should set ``allowPlaintext``.
public struct SMTPConfiguration: Sendable {
    /// `smtp://host[:port]` or `smtps://host[:port]`.
    public var url: String
    /// AUTH user name and password; the caller reads the password from a file or the
    /// environment, never from command-line arguments (visible in `ps`).
    public var credentials: Credentials?
    /// PEM file of CA certificates that verify the server (`CURLOPT_CAINFO`); nil uses the
    /// system store.
    public var caFile: String?
    /// Sends without TLS on `smtp://`. For a trusted relay on the same host or network only;
    /// refused together with ``credentials``, which would otherwise travel in clear text.
    public var allowPlaintext: Bool
    /// Limit for establishing the connection (TCP, greeting, TLS).
    public var connectTimeout: Duration
    /// Limit for one message's whole transfer.
    public var totalTimeout: Duration

    /// User name and password for SMTP AUTH (PLAIN or LOGIN, chosen by libcurl).
    public struct Credentials: Sendable {
        /// The login name.
        public var username: String
        /// The secret, as a value (read from a file or the environment by the caller).
        public var password: String

        /// Credentials for SMTP AUTH.
        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    /// A configuration with safe defaults: TLS required, 10 s to connect, 60 s per message.
    public init(
        url: String, credentials: Credentials? = nil, caFile: String? = nil, allowPlaintext: Bool = false,
        connectTimeout: Duration = .seconds(10), totalTimeout: Duration = .seconds(60)
    ) {
        self.url = url
        self.credentials = credentials
        self.caFile = caFile
        self.allowPlaintext = allowPlaintext
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
    }

    /// Whether the URL asks for TLS from the first byte.
    var isImplicitTLS: Bool { url.lowercased().hasPrefix("smtps://") }

    /// Refuses unusable settings before any connection is made.
    func validate() throws(MailError) {
        let lower = url.lowercased()
        guard lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://") else {
            throw .invalidConfiguration(field: "url", reason: "must start with smtp:// or smtps://")
        }
        let fields = [
            ("url", url), ("caFile", caFile ?? ""), ("username", credentials?.username ?? ""),
            ("password", credentials?.password ?? ""),
        ]
        for (field, value) in fields {
            try HeaderSafety.check(value) { reason in .invalidConfiguration(field: field, reason: reason) }
        }
        if allowPlaintext, credentials != nil, !isImplicitTLS {
            throw .invalidConfiguration(
                field: "allowPlaintext", reason: "refusing to send credentials without TLS")
        }
        if connectTimeout <= .zero || totalTimeout <= .zero {
            throw .invalidConfiguration(field: "timeout", reason: "timeouts must be positive")
        }
    }

    /// A duration as whole milliseconds, at least 1, for libcurl's `_MS` options.
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
