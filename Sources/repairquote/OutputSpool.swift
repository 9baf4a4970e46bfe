import Foundation

/// Standard output held back until the command knows the whole input was good: text is kept in
/// memory up to `memoryLimit` bytes, then in an unlinked temporary file, so a million-row export
/// still runs in flat memory. ``commit()`` copies it all to stdout; ``discard()`` drops it, and
/// nothing was written.
final class OutputSpool {
    private var buffer: [UInt8] = []
    private var file: FileHandle?
    private let memoryLimit: Int

    init(memoryLimit: Int = 32 << 20) { self.memoryLimit = memoryLimit }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= memoryLimit { spill() }
    }

    /// Moves the buffer to the temporary file (made on first use; if it cannot be made, the text
    /// stays in memory).
    private func spill() {
        if file == nil {
            var template = Array((NSTemporaryDirectory() + "/repairquote-spool-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { return }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            file = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        }
        file?.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes everything held to stdout, in order.
    func commit() throws {
        if let file {
            file.seek(toFileOffset: 0)
            while let chunk = try file.read(upToCount: 8 << 20), !chunk.isEmpty {
                FileHandle.standardOutput.write(chunk)
            }
        }
        if !buffer.isEmpty { FileHandle.standardOutput.write(Data(buffer)) }
        discard()
    }

    func discard() {
        buffer = []
        file = nil
    }
}
