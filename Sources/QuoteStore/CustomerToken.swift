import CRandom
import Crypto
import Foundation

/// Customer link tokens: 256 random bits, base64url without padding. Only their SHA-256 is stored.
public enum CustomerToken {
    public static func generate() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        randomFill(&bytes)
        return Base64URL.encode(bytes)
    }

    /// Fills `bytes` from the kernel's CSPRNG in one `getrandom` call (the standard library's
    /// generator makes one call per 8 bytes); should that fail, through the standard library.
    static func randomFill(_ bytes: inout [UInt8]) {
        let filled = bytes.withUnsafeMutableBytes { getrandom($0.baseAddress, $0.count, 0) }
        guard filled != bytes.count else { return }
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
    }

    /// Lowercase hex SHA-256 of the token's text.
    public static func hash(_ token: String) -> String { Digest.sha256Hex(Array(token.utf8)) }
}

/// SHA-256 as lowercase hex, for tokens and idempotency request hashes.
public enum Digest {
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in SHA256.hash(data: bytes) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
