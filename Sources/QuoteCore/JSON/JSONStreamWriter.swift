/// Writes JSON straight to UTF-8 bytes, member by member, in the same layout as `JSONWriter`
/// (compact, or pretty with two-space indents), without building a `JSONValue` tree first.
public struct JSONStreamWriter {
    public private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// One entry per open container: whether it already holds a member or element.
    private var filled: [Bool] = []
    private var afterKey = false

    public init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    private mutating func newline() {
        bytes.append(10)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: filled.count * 2))
    }

    /// Comma and indentation before a value in an array (after a key, nothing).
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard !filled.isEmpty else { return }
        if filled[filled.count - 1] { bytes.append(UInt8(ascii: ",")) }
        filled[filled.count - 1] = true
        if pretty { newline() }
    }

    public mutating func key(_ name: String) {
        if filled[filled.count - 1] { bytes.append(UInt8(ascii: ",")) }
        filled[filled.count - 1] = true
        if pretty { newline() }
        JSONWriter.writeString(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    public mutating func open(_ bracket: UInt8) {
        beforeValue()
        bytes.append(bracket)
        filled.append(false)
    }

    public mutating func close(_ bracket: UInt8) {
        let hadMembers = filled.removeLast()
        if hadMembers && pretty { newline() }
        bytes.append(bracket)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func string(_ value: String) {
        beforeValue()
        JSONWriter.writeString(value, into: &bytes)
    }

    /// A number from its exact text ("2", "-0.5").
    public mutating func number(_ text: String) {
        beforeValue()
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func bool(_ value: Bool) {
        beforeValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// `key: value`, or `key: null` when the value is nil.
    public mutating func member(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }
}
