import QuoteCore

/// The bytes of `JSONStreamWriter`, the one place JSON text is put together: a growable UTF-8
/// buffer in plain memory (no copy-on-write checks on every append) that also writes escaped
/// string contents, exact decimals and dates digit by digit. Callers that write through
/// `reserve(_:)` and `tail` must reserve first.
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

    /// The written bytes as text (one copy).
    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

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

    /// The most bytes `appendDecimal` writes at `scale`: a sign, 19 digits or `scale + 1` digits,
    /// and a dot.
    @inline(__always)
    static func maxDecimalLength(scale: Int) -> Int { max(19, scale + 1) + 2 }

    /// Appends the text of `Decimals.format(value, scale:)`, or of `Decimals.formatTrimmed` when
    /// `trimmed`, digit by digit without an intermediate `String`; in double quotes when `quoted`.
    mutating func appendDecimal(_ value: Int64, scale: Int, trimmed: Bool = false, quoted: Bool = false) {
        reserve(Self.maxDecimalLength(scale: scale) + 2)
        let out = quoted ? tail + 1 : tail
        var written = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            written = 1
        }
        let first = written
        // Digits from the last, with the dot after `scale` of them; at least one digit before it.
        var magnitude = value.magnitude
        var digits = 0
        repeat {
            if scale > 0 && digits == scale {
                out[written] = UInt8(ascii: ".")
                written += 1
            }
            out[written] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
            written += 1
            digits += 1
            magnitude /= 10
        } while magnitude > 0 || digits <= scale
        var low = first
        var high = written - 1
        while low < high {
            let byte = out[low]
            out[low] = out[high]
            out[high] = byte
            low += 1
            high -= 1
        }
        if trimmed && scale > 0 {
            while out[written - 1] == UInt8(ascii: "0") { written -= 1 }
            if out[written - 1] == UInt8(ascii: ".") { written -= 1 }
        }
        if quoted {
            out[-1] = UInt8(ascii: "\"")
            out[written] = UInt8(ascii: "\"")
            written += 2
        }
        count += written
    }

    /// Appends `date.description` as a string literal (`"YYYY-MM-DD"`, 12 bytes) for years 0 to
    /// 9999; returns false (nothing written) otherwise.
    mutating func appendDateString(_ date: CivilDate) -> Bool {
        let (year, month, day) = (date.year, date.month, date.day)
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return false
        }
        @inline(__always) func digit(_ value: Int) -> UInt8 {
            UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10)
        }
        reserve(12)
        let out = tail
        out[0] = UInt8(ascii: "\"")
        out[1] = digit(year / 1000)
        out[2] = digit(year / 100)
        out[3] = digit(year / 10)
        out[4] = digit(year)
        out[5] = UInt8(ascii: "-")
        out[6] = digit(month / 10)
        out[7] = digit(month)
        out[8] = UInt8(ascii: "-")
        out[9] = digit(day / 10)
        out[10] = digit(day)
        out[11] = UInt8(ascii: "\"")
        count += 12
        return true
    }
}
