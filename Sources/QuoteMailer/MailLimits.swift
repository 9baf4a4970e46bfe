/// Size and count caps checked before a message is built, so a runaway input fails early.
public struct MailLimits: Sendable, Equatable {
    /// Longest subject in UTF-8 bytes (RFC 5322's line limit).
    public var subjectBytes: Int = 998
    /// Longest display name in UTF-8 bytes.
    public var displayNameBytes: Int = 256
    /// Longest address (RFC 5321 path limit minus the angle brackets).
    public var addressBytes: Int = 254
    /// Most envelope recipients (To + Cc + Bcc) per message.
    public var recipients: Int = 100
    /// Largest rendered message in bytes.
    public var messageBytes: Int = 10 * 1024 * 1024

    /// The defaults: 998-byte subject, 100 recipients, 10 MiB message.
    public init() {}
}
