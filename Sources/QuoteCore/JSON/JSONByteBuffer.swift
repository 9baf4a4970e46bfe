/// A growable UTF-8 output buffer for `JSONStreamWriter`: plain memory, no copy-on-write checks on
/// every append. Callers that write through `reserve(_:)` and `tail` must reserve first.
struct JSONByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The written bytes as an array (one copy).
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Makes room for `extra` more bytes; afterwards `tail` may be written up to `extra` bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if capacity - count < extra { grow(to: count + extra) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Where the next byte goes (valid for as many bytes as were reserved).
    @inline(__always)
    var tail: UnsafeMutablePointer<UInt8> { base + count }

    /// Counts `n` bytes written at `tail`.
    @inline(__always)
    mutating func advance(_ n: Int) { count += n }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `count` spaces.
    mutating func appendSpaces(_ n: Int) {
        reserve(n)
        tail.initialize(repeating: UInt8(ascii: " "), count: n)
        count += n
    }

    /// Appends `bytes` as the inside of a JSON string literal (see `JSONEscaping`).
    mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        while true {
            let next = JSONEscaping.nextEscape(in: bytes, from: runStart)
            append(UnsafeBufferPointer(rebasing: bytes[runStart..<next]))
            guard next < bytes.count else { return }
            reserve(JSONEscaping.maxEscapeLength)
            let (written, consumed) = JSONEscaping.escape(bytes, at: next, into: tail)
            count += written
            runStart = next + consumed
        }
    }
}
