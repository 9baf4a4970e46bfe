/// RFC 4648 §5 base64url, without padding: customer tokens and the service's list cursors.
public enum Base64URL {
    private static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = UInt32(bytes[index]) << 16
            if count > 1 { group |= UInt32(bytes[index + 1]) << 8 }
            if count > 2 { group |= UInt32(bytes[index + 2]) }
            for sextet in 0...count { out.append(alphabet[Int((group >> (18 - 6 * UInt32(sextet))) & 63)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
