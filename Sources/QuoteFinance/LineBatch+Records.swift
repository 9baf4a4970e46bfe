import QuoteCore

/// What a finance command gave for one batch of lines: its output text (in line order), the
/// messages of lines it could not read, and how many non-blank lines it read.
public protocol BatchOutput: Sendable {
    var output: String { get }
    var invalid: [String] { get }
    var lines: Int { get }
}

extension LineBatch {
    /// Calls `body` with the number and bytes of every non-blank line in order, and returns how
    /// many were read and, for each that `body` (or its length) refused,
    /// `line N: invalid: FIELD: message`.
    public func forEachRecord(
        _ body: (_ number: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws(ValidationError) -> Void
    ) -> (lines: Int, invalid: [String]) {
        var count = 0
        var invalid: [String] = []
        buffer.withUnsafeBufferPointer { buffer in
            for line in lines {
                let bytes = UnsafeBufferPointer(rebasing: buffer[line.range])
                if !line.overlong, bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
                count += 1
                do {
                    guard !line.overlong else {
                        throw ValidationError(field: "", "line too long (over 4 MiB)")
                    }
                    try body(line.number, bytes)
                } catch {
                    invalid.append("line \(line.number): invalid: \(error)")
                }
            }
        }
        return (count, invalid)
    }
}
