import Crypto
import Foundation

/// Customer link tokens: 256 random bits, base64url without padding. Only their SHA-256 is stored.
public enum CustomerToken {
    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<4).flatMap { _ in withUnsafeBytes(of: rng.next() as UInt64) { Array($0) } }
        return base64url(bytes)
    }

    /// Lowercase hex SHA-256 of the token's text.
    public static func hash(_ token: String) -> String { Digest.sha256Hex(Array(token.utf8)) }

    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
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
