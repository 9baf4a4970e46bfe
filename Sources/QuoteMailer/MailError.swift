/// Everything that can go wrong building or sending a message, classified for the caller.
///
/// Input errors name the offending field (`subject`, `to[1]`, `configuration.url`, …) and are
/// raised before any byte leaves the process. Delivery errors say in words what failed and
/// whether trying again later can help (``isTransient``).
public enum MailError: Error, Equatable, Sendable {
    /// A header value (subject, display name, Message-ID) is unusable, e.g. contains a line break.
    case invalidHeader(field: String, reason: String)
    /// An address is not a plain `local@domain` addr-spec, or contains a line break.
    case invalidAddress(field: String, reason: String)
    /// A size or count limit of ``MailLimits`` was exceeded.
    case limitExceeded(field: String, limit: Int, actual: Int)
    /// The transport configuration is unusable (bad URL, credentials with a line break, …).
    case invalidConfiguration(field: String, reason: String)
    /// The server could not be reached (refused, unreachable, name not resolved): transient.
    case connectionFailed(reason: String)
    /// Connecting or the transfer took longer than the configured timeout: transient.
    case timedOut(reason: String)
    /// The connection dropped or the server sent nothing usable mid-transfer: transient.
    case connectionLost(reason: String)
    /// TLS is required (the default) but the server does not offer STARTTLS: permanent.
    case tlsNotOffered(reason: String)
    /// The TLS handshake or certificate verification failed: permanent misconfiguration.
    case tlsFailed(reason: String)
    /// The server refused the credentials (535 and friends; a 4xx reply is transient).
    case authenticationFailed(smtpCode: Int, reason: String)
    /// The server refused the sender, a recipient or the data with an SMTP reply code.
    case rejected(smtpCode: Int, reason: String)
    /// Any other libcurl failure, with its numeric code: permanent.
    case transferFailed(curlCode: Int, reason: String)

    /// Whether the same message may succeed later without changing anything (exit code 3).
    public var isTransient: Bool {
        switch self {
        case .connectionFailed, .timedOut, .connectionLost: true
        case .authenticationFailed(let code, _), .rejected(let code, _): (400..<500).contains(code)
        default: false
        }
    }

    /// Whether the caller's input (message or configuration) is at fault (exit code 2).
    public var isBadInput: Bool {
        switch self {
        case .invalidHeader, .invalidAddress, .limitExceeded, .invalidConfiguration: true
        default: false
        }
    }

    /// Process exit code for a CLI: 2 bad input, 3 transient (worth retrying), 4 permanent.
    public var exitCode: Int32 {
        if isBadInput { return 2 }
        return isTransient ? 3 : 4
    }
}

extension MailError: CustomStringConvertible {
    /// One line saying what failed, suitable for a log or a CLI error message.
    public var description: String {
        switch self {
        case .invalidHeader(let field, let reason): "invalid header \(field): \(reason)"
        case .invalidAddress(let field, let reason): "invalid address in \(field): \(reason)"
        case .limitExceeded(let field, let limit, let actual):
            "\(field) is too large: \(actual) exceeds the limit of \(limit)"
        case .invalidConfiguration(let field, let reason): "invalid configuration \(field): \(reason)"
        case .connectionFailed(let reason): "could not connect to the SMTP server: \(reason)"
        case .timedOut(let reason): "SMTP server timed out: \(reason)"
        case .connectionLost(let reason): "connection to the SMTP server was lost: \(reason)"
        case .tlsNotOffered(let reason):
            "TLS is required but the SMTP server does not offer STARTTLS: \(reason)"
        case .tlsFailed(let reason): "TLS with the SMTP server failed: \(reason)"
        case .authenticationFailed(let code, let reason):
            "SMTP authentication failed (reply \(code)): \(reason)"
        case .rejected(let code, let reason): "SMTP server rejected the message (reply \(code)): \(reason)"
        case .transferFailed(let code, let reason): "sending failed (libcurl error \(code)): \(reason)"
        }
    }
}
