import Hummingbird

extension Request {
    /// The body, at most `maxSize` bytes, for every handler that reads one: 413 at once when
    /// `Content-Length` declares more, before a byte of it is read (Hummingbird's
    /// `collectBody(upTo:)` counts the bytes as they come, so a declared 100 GB sent slowly would
    /// wait for the body deadline, 408); else 413 once more than `maxSize` bytes have come (a
    /// chunked body). The early answer closes the connection (``BodyDeadlineHandler``), the rest
    /// of the body unread.
    mutating func collectBody(atMost maxSize: Int) async throws -> ByteBuffer {
        if let declared = headers[.contentLength], let length = Int(declared), length > maxSize {
            throw HTTPError(.contentTooLarge)
        }
        return try await collectBody(upTo: maxSize)
    }
}
