import Foundation

/// Standard output held back until the command knows the whole input was good: text is kept in
/// memory up to `memoryLimit` bytes, then appended to an unlinked temporary file, so a
/// million-row export still runs in flat memory (the buffer, and one buffer's worth while
/// copying back). ``commit()`` copies it all to stdout; ``discard()`` drops it, and nothing was
/// written.
final class OutputSpool {
    private var buffer: [UInt8] = []
    private var file: Int32 = -1
    private let memoryLimit: Int

    init(memoryLimit: Int = 4 << 20) { self.memoryLimit = memoryLimit }

    deinit { discard() }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= memoryLimit { spill() }
    }

    /// Moves the buffer to the temporary file (made on first use; if it cannot be made or
    /// written, the text stays in memory).
    private func spill() {
        if file < 0 {
            var template = Array((NSTemporaryDirectory() + "/repairquote-spool-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { return }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            file = fd
        }
        guard buffer.withUnsafeBytes({ Self.writeAll(file, $0) }) else { return }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes everything held to stdout, in order; a failed write (a closed pipe, a full disk) is
    /// an error.
    func commit() throws {
        if file >= 0 {
            guard lseek(file, 0, SEEK_SET) == 0 else {
                throw CLIError.badInput("cannot read back the output")
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else { throw CLIError.badInput("cannot read back the output") }
                if count == 0 { break }
                let written = chunk.withUnsafeBytes {
                    Self.writeAll(1, UnsafeRawBufferPointer(rebasing: $0[..<count]))
                }
                guard written else { throw CLIError.badInput("cannot write the output") }
            }
        }
        guard buffer.withUnsafeBytes({ Self.writeAll(1, $0) }) else {
            throw CLIError.badInput("cannot write the output")
        }
        discard()
    }

    func discard() {
        buffer = []
        if file >= 0 { close(file) }
        file = -1
    }

    /// Writes all of `bytes` to `fd`, going on after a partial write or an interruption.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
