import ExtrasBase64

/// RFC 4648 §5 base64url, without padding: customer tokens and the service's list cursors
/// (swift-extras-base64, which hummingbird-auth already brings).
public enum Base64URL {
    public static func encode(_ bytes: [UInt8]) -> String {
        Base64.encodeToString(bytes: bytes, options: [.base64UrlAlphabet, .omitPaddingCharacter])
    }
}
