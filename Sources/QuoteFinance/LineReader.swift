#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of a JSON-lines file: its 1-based number and where its bytes lie in the batch buffer
/// (without the line break). An overlong line has no bytes; it is reported, not read. The last
/// line of an input that does not end with a line break is `unterminated`: when it cannot be read,
/// it is reported as truncated (a file cut off while being copied).
public struct InputLine: Sendable {
    public var number: Int
    public var range: Range<Int>
    public var overlong: Bool
    public var unterminated = false
}

/// Lines read together: one buffer and the lines in it, in file order.
public struct LineBatch: Sendable {
    public var buffer: [UInt8]
    public var lines: [InputLine]
    /// Bytes of the file consumed up to the end of this batch, for progress.
    public var bytesConsumed: Int
}

/// Reads a file descriptor in chunks and hands out batches of lines, so memory stays bounded by the
/// batch size whatever the file size. A trailing `\r` is dropped (CRLF files), and so is a UTF-8
/// byte-order mark at the start of the input, so every finance command reads a file a spreadsheet
/// or editor saved with one. A line longer than `maxLineBytes` is skipped up to its line break and
/// handed out as `overlong`.
public final class LineReader: LineSource {
    private let fd: Int32
    private let chunkSize: Int
    private let maxLineBytes: Int
    private var carry: [UInt8] = []
    private var eof = false
    private var skipping = false
    private var nextNumber = 1
    private var consumed = 0
    private var startChecked = false

    public init(fileDescriptor: Int32, chunkSize: Int = 1 << 20, maxLineBytes: Int = 4 << 20) {
        self.fd = fileDescriptor
        self.chunkSize = chunkSize
        self.maxLineBytes = maxLineBytes
    }

    /// The next batch of up to `maxLines` lines (or about `maxBytes`), nil at the end of the input.
    public func next(maxLines: Int, maxBytes: Int) -> LineBatch? {
        var buffer = carry
        carry = []
        var lines: [InputLine] = []
        var lineStart = 0
        var scanFrom = 0
        while lines.count < maxLines, lineStart < maxBytes || lines.isEmpty {
            if let newline = Self.find(10, in: buffer, from: scanFrom) {
                if skipping {
                    skipping = false
                } else {
                    let end = newline > lineStart && buffer[newline - 1] == 13 ? newline - 1 : newline
                    lines.append(InputLine(number: nextNumber, range: lineStart..<end, overlong: false))
                }
                nextNumber += 1
                lineStart = newline + 1
                scanFrom = lineStart
                continue
            }
            scanFrom = buffer.count
            if eof {
                if lineStart < buffer.count, !skipping {
                    lines.append(
                        InputLine(
                            number: nextNumber, range: lineStart..<buffer.count, overlong: false,
                            unterminated: true))
                    nextNumber += 1
                }
                lineStart = buffer.count
                break
            }
            if skipping || buffer.count - lineStart > maxLineBytes {
                if !skipping {
                    lines.append(InputLine(number: nextNumber, range: lineStart..<lineStart, overlong: true))
                    skipping = true
                }
                buffer.removeSubrange(lineStart...)
                scanFrom = lineStart
            }
            readChunk(into: &buffer)
        }
        carry = Array(buffer[lineStart...])
        consumed += lineStart
        buffer.removeSubrange(lineStart...)
        guard !lines.isEmpty || !(eof && carry.isEmpty) else { return nil }
        return LineBatch(buffer: buffer, lines: lines, bytesConsumed: consumed)
    }

    private func readChunk(into buffer: inout [UInt8]) {
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        let count = buffer.withUnsafeMutableBytes { raw in
            var n: Int
            repeat {
                n = read(fd, raw.baseAddress! + old, chunkSize)
            } while n < 0 && errno == EINTR
            return n
        }
        buffer.removeSubrange((old + max(count, 0))...)
        if count <= 0 { eof = true }
        if !startChecked, consumed == 0, nextNumber == 1, buffer.count >= 3 || eof {
            startChecked = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
                buffer.removeFirst(3)
                consumed += 3
            }
        }
    }

    static func find(_ byte: UInt8, in buffer: [UInt8], from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { p in
            guard let hit = memchr(p.baseAddress! + from, Int32(byte), p.count - from) else { return nil }
            return p.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }
}
