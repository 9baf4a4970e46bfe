/// Why an endpoint's address is refused (server-side request forgery rules).
public enum AddressRefusal: String, Sendable, Equatable {
    case unspecified, loopback, `private`, linkLocal, sharedAddressSpace, metadata, multicast, reserved
}

extension IPAddress {
    /// Why a webhook may not be sent to this address, or nil when it is a public one.
    ///
    /// IPv4: 0/8 unspecified; 127/8 loopback; 10/8, 172.16/12, 192.168/16 private (RFC 1918);
    /// 169.254/16 link-local, of which 169.254.169.254 is the cloud metadata service; 100.64/10
    /// shared (CGNAT, RFC 6598); 224/4 multicast; 240/4 reserved and broadcast.
    /// IPv6: `::` unspecified; `::1` loopback; fc00::/7 unique local (private), of which
    /// fd00:ec2::254 is metadata; fe80::/10 link-local; ff00::/8 multicast; IPv4-mapped
    /// (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`) and NAT64 (`64:ff9b::/96`) addresses are
    /// judged by the IPv4 address inside them.
    public var refusal: AddressRefusal? {
        switch self {
        case .v4(let value): return Self.refusal(v4: value)
        case .v6(let bytes): return Self.refusal(v6: bytes)
        }
    }

    static func refusal(v4 value: UInt32) -> AddressRefusal? {
        func within(_ network: UInt32, _ prefix: UInt32) -> Bool {
            value >> (32 - prefix) == network >> (32 - prefix)
        }
        if value == 0xA9FE_A9FE { return .metadata }  // 169.254.169.254
        if within(0x0000_0000, 8) { return .unspecified }
        if within(0x7F00_0000, 8) { return .loopback }
        if within(0x0A00_0000, 8) || within(0xAC10_0000, 12) || within(0xC0A8_0000, 16) { return .private }
        if within(0xA9FE_0000, 16) { return .linkLocal }
        if within(0x6440_0000, 10) { return .sharedAddressSpace }
        if within(0xE000_0000, 4) { return .multicast }
        if within(0xF000_0000, 4) { return .reserved }
        return nil
    }

    static func refusal(v6 bytes: [UInt8]) -> AddressRefusal? {
        let metadata: [UInt8] = [0xFD, 0, 0x0E, 0xC2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54]
        if bytes == metadata { return .metadata }
        let firstTen = bytes[0..<10].allSatisfy { $0 == 0 }
        if firstTen && bytes[10] == 0xFF && bytes[11] == 0xFF { return refusal(v4: embeddedV4(bytes)) }
        if firstTen && bytes[10] == 0 && bytes[11] == 0 {
            if bytes[12..<15].allSatisfy({ $0 == 0 }) && bytes[15] <= 1 {
                return bytes[15] == 0 ? .unspecified : .loopback
            }
            return refusal(v4: embeddedV4(bytes))  // deprecated IPv4-compatible ::a.b.c.d
        }
        if bytes[0...3] == [0x00, 0x64, 0xFF, 0x9B] && bytes[4..<12].allSatisfy({ $0 == 0 }) {
            return refusal(v4: embeddedV4(bytes))  // NAT64 64:ff9b::/96
        }
        if bytes[0] & 0xFE == 0xFC { return .private }
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return .linkLocal }
        if bytes[0] == 0xFF { return .multicast }
        return nil
    }

    private static func embeddedV4(_ bytes: [UInt8]) -> UInt32 {
        bytes[12..<16].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
