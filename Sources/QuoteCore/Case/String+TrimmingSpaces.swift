extension String {
    /// The text without leading and trailing white space (Unicode `isWhitespace`).
    package var trimmingSpaces: Substring {
        // Quick answer when the first and last bytes are ASCII and not white space.
        if let first = utf8.first, let last = utf8.last, Self.isASCIINonSpace(first),
            Self.isASCIINonSpace(last)
        {
            return self[...]
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return Substring(scalars[first...last])
    }

    /// An ASCII byte that is not Unicode white space (U+0009 to U+000D, U+0020).
    @inline(__always)
    private static func isASCIINonSpace(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }
}
