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
                    invalid.append(InvalidLine.message(line, "\(error)"))
                }
            }
        }
        return (count, invalid)
    }
}

/// The report of a line a finance command could not read, `line N: invalid: REASON` (the last line
/// of an input without a line break is named truncated), and the parts of such a report for the
/// workbook's `Skipped` sheet.
public enum InvalidLine {
    /// `line 7: invalid: quote.currency: unknown currency "EUX"`, or for a cut-off last line
    /// `line 9: invalid: truncated (the input ends inside this line): malformed JSON: …`.
    public static func message(_ line: InputLine, _ reason: String) -> String {
        "line \(line.number): invalid: " + (line.unterminated ? truncated + reason : reason)
    }

    /// What is put before the reason of an unreadable last line without a line break.
    public static let truncated = "truncated (the input ends inside this line): "

    /// The line number and reason of a `message(_:_:)`; nil for other text.
    public static func parts(_ message: String) -> (line: Int, reason: String)? {
        guard message.hasPrefix("line "), let colon = message.firstIndex(of: ":") else { return nil }
        guard let number = Int(message[message.index(message.startIndex, offsetBy: 5)..<colon]) else {
            return nil
        }
        var reason = message[message.index(after: colon)...].drop { $0 == " " }
        if reason.hasPrefix("invalid: ") { reason = reason.dropFirst("invalid: ".count) }
        return (number, String(reason))
    }
}
