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

/// SHA-256 as lowercase hex, for tokens, idempotency request hashes and the event chain.
public enum Digest {
    public static func sha256Hex(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    /// SHA-256 of a text's UTF-8, hashed where the text lies (no copy into an array first:
    /// `store verify` hashes every stored quote, about 3 kB each).
    public static func sha256Hex(utf8 text: String) -> String {
        var hasher = SHA256()
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hex(hasher.finalize())
    }

    /// SHA-256 of `first` and then `second`, without joining them first (an event's previous
    /// hash and its canonical bytes).
    public static func sha256Hex(utf8 first: String, then second: [UInt8]) -> String {
        var hasher = SHA256()
        var first = first
        first.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        second.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hex(hasher.finalize())
    }

    /// The 64 lowercase hex characters of a digest, written straight into the string's storage.
    static func hex(_ digest: SHA256.Digest) -> String {
        String(unsafeUninitializedCapacity: 2 * SHA256.byteCount) { out in
            let digits: StaticString = "0123456789abcdef"
            var index = 0
            for byte in digest {
                out[index] = digits.utf8Start[Int(byte >> 4)]
                out[index + 1] = digits.utf8Start[Int(byte & 0x0f)]
                index += 2
            }
            return index
        }
    }
}
