/// A mailbox: an addr-spec (`local@domain`) and an optional display name.
///
/// Construction never fails; ``MailMessage`` validates every address when it is built, so the
/// error can name the field (`to[2]`, `replyTo`, …).
public struct MailAddress: Sendable, Hashable {
    /// The plain addr-spec, e.g. `service@repair.example`.
    public var address: String
    /// The human name shown by mail clients, e.g. `Atelier Réparation`; any Unicode.
    public var displayName: String?

    /// A mailbox, e.g. `MailAddress("quotes@repair.example", name: "Repair Desk")`.
    public init(_ address: String, name displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }

    /// The part after the `@`, used for the default Message-ID.
    var domain: Substring { address.split(separator: "@").last ?? "localhost" }
}

extension MailAddress {
    /// Checks the addr-spec strictly (ASCII dot-atom local part, LDH domain labels) and the
    /// display name for line breaks and length.
    func validate(field: String, limits: MailLimits) throws(MailError) {
        try HeaderSafety.check(address) { reason in .invalidAddress(field: field, reason: reason) }
        if let displayName {
            try HeaderSafety.check(displayName) { reason in
                .invalidHeader(field: "\(field).displayName", reason: reason)
            }
            let size = displayName.utf8.count
            if size > limits.displayNameBytes {
                throw .limitExceeded(
                    field: "\(field).displayName", limit: limits.displayNameBytes, actual: size)
            }
        }
        if let problem = Self.addrSpecProblem(address, maxBytes: limits.addressBytes) {
            throw .invalidAddress(field: field, reason: "\"\(address)\" \(problem)")
        }
    }

    /// Why `text` cannot be sent to as one envelope recipient (control characters, a list, RFC 5321
    /// length limits: local part ≤ 64, whole ≤ 254 bytes), or nil when it can.
    public static func problem(_ text: String, limits: MailLimits = MailLimits()) -> String? {
        addrSpecProblem(text, maxBytes: limits.addressBytes)
    }

    /// Why `text` is not a simple addr-spec, or nil when it is one.
    static func addrSpecProblem(_ text: String, maxBytes: Int) -> String? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return "is empty" }
        guard bytes.count <= maxBytes else { return "is longer than \(maxBytes) bytes" }
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return "must be printable ASCII without spaces"
        }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "must contain exactly one @" }
        if let problem = localPartProblem(parts[0]) { return problem }
        return domainProblem(parts[1])
    }

    private static func localPartProblem(_ local: ArraySlice<UInt8>) -> String? {
        guard !local.isEmpty, local.count <= 64 else { return "needs a local part of 1 to 64 characters" }
        let atoms = local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard atoms.allSatisfy({ !$0.isEmpty }) else { return "has a misplaced dot in the local part" }
        let allowed = Set("!#$%&'*+-/=?^_`{|}~".utf8)
        let valid = local.allSatisfy { isAlphanumeric($0) || allowed.contains($0) || $0 == UInt8(ascii: ".") }
        return valid ? nil : "has a character not allowed in the local part"
    }

    private static func domainProblem(_ domain: ArraySlice<UInt8>) -> String? {
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        for label in labels {
            guard !label.isEmpty, label.count <= 63 else { return "has an empty or overlong domain label" }
            guard label.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }),
                label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else { return "has a character not allowed in the domain" }
        }
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
