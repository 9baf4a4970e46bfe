import Crypto
import Foundation

/// Customer link tokens: 256 random bits, base64url without padding. Only their SHA-256 is stored.
public enum CustomerToken {
    public static func generate() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        randomFill(&bytes)
        return Base64URL.encode(bytes)
    }

    /// Fills `bytes` from the system's CSPRNG (`SystemRandomNumberGenerator`: `getrandom` on
    /// Linux), eight bytes per call. One `getrandom` of 32 bytes through a C shim was about 1 µs
    /// faster per token, under 1 % of an issue: not worth a C module (docs/decisions.md).
    static func randomFill(_ bytes: inout [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        var index = 0
        while index < bytes.count {
            var word: UInt64 = generator.next()
            for _ in 0..<8 where index < bytes.count {
                bytes[index] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                index += 1
            }
        }
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
