#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An address block in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`, a single `192.0.2.7`): the
/// proxies `serve --trusted-proxy` names.
public struct IPNetwork: Sendable, Equatable, CustomStringConvertible {
    let bytes: [UInt8]
    let prefix: Int
    public let description: String

    /// Parses `ADDRESS[/BITS]`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let bytes = Self.bytes(String(parts[0])) else { return nil }
        let bits = bytes.count * 8
        var prefix = bits
        if parts.count == 2 {
            guard let value = Int(parts[1]), (0...bits).contains(value) else { return nil }
            prefix = value
        }
        self.bytes = bytes
        self.prefix = prefix
        description = text
    }

    /// Whether the address `literal` lies in this block (an IPv4 block never holds an IPv6 address).
    public func contains(_ literal: String) -> Bool {
        guard let address = Self.bytes(literal), address.count == bytes.count else { return false }
        for bit in 0..<prefix {
            let mask = UInt8(0x80) >> UInt8(bit % 8)
            if address[bit / 8] & mask != bytes[bit / 8] & mask { return false }
        }
        return true
    }

    /// The 4 or 16 bytes of an address literal (`inet_pton`), or nil.
    static func bytes(_ literal: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, literal, &v6) == 1 else { return nil }
        return withUnsafeBytes(of: &v6) { Array($0) }
    }
}
