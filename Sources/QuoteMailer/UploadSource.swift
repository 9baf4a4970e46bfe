import CCurl

/// The bytes of the message being uploaded, handed to libcurl in pieces by its read callback.
final class UploadSource {
    private var bytes: [UInt8] = []
    private var offset = 0

    /// Starts a new message from its first byte.
    func reset(_ message: [UInt8]) {
        bytes = message
        offset = 0
    }

    /// Copies up to `capacity` bytes into `buffer`; 0 means the message is complete.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// The C callback libcurl calls (`CURLOPT_READFUNCTION`); `context` is an unretained
    /// `UploadSource` that the transport keeps alive.
    static let callback: curl_read_callback = { buffer, size, count, context in
        guard let buffer, let context else { return 0 }
        let source = Unmanaged<UploadSource>.fromOpaque(context).takeUnretainedValue()
        return source.read(into: buffer, capacity: size * count)
    }
}
