import QuoteCore

/// Writes JSON straight to UTF-8 bytes, member by member, in the same layout as `JSONWriter`
/// (compact, or pretty with two-space indents), without building a `JSONValue` tree first.
///
/// Constant keys (`field(_:)`) are copied as they are when they need no escaping; amounts, rates,
/// dates and whole numbers are written digit by digit, without an intermediate `String`.
public struct JSONStreamWriter: ~Copyable {
    private var out: JSONByteBuffer
    let pretty: Bool
    /// Bit `n` says whether the container at depth `n + 1` already holds a member or element.
    private var filled: UInt64 = 0
    /// How many containers are open (at most 64, as `JSONParser` allows).
    private var depth = 0
    private var afterKey = false

    public init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        out = JSONByteBuffer(capacity: capacity)
    }

    /// The JSON written so far.
    public var bytes: [UInt8] { out.array }

    /// The JSON written so far, as text.
    public var text: String { out.text }

    private mutating func newline() {
        out.append(10)
        out.appendSpaces(depth * 2)
    }

    /// Marks the current container as filled and tells whether it already was.
    @inline(__always)
    private mutating func markFilled() -> Bool {
        let bit: UInt64 = 1 << UInt64(depth - 1)
        defer { filled |= bit }
        return filled & bit != 0
    }

    /// Comma and indentation before a value in an array (after a key, nothing).
    @inline(__always)
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if markFilled() { out.append(UInt8(ascii: ",")) }
        if pretty { newline() }
    }

    /// Comma and indentation before a key.
    @inline(__always)
    private mutating func beforeKey() {
        if markFilled() { out.append(UInt8(ascii: ",")) }
        if pretty { newline() }
    }

    @inline(__always)
    private mutating func afterKeyText() {
        if pretty { out.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    public mutating func key(_ name: String) {
        beforeKey()
        writeString(name)
        out.append(UInt8(ascii: ":"))
        afterKeyText()
    }

    /// A key known when the program is written: `"name":` copied in one go.
    public mutating func field(_ name: StaticString) {
        beforeKey()
        let text = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        if JSONEscaping.nextEscape(in: text, from: 0) == text.count {
            out.reserve(text.count + 3)
            let tail = out.tail
            tail[0] = UInt8(ascii: "\"")
            if let source = text.baseAddress { (tail + 1).initialize(from: source, count: text.count) }
            tail[text.count + 1] = UInt8(ascii: "\"")
            tail[text.count + 2] = UInt8(ascii: ":")
            out.advance(text.count + 3)
        } else {
            out.append(UInt8(ascii: "\""))
            out.appendEscaped(text)
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
        }
        afterKeyText()
    }

    public mutating func open(_ bracket: UInt8) {
        beforeValue()
        precondition(depth < 64, "JSONStreamWriter: nesting deeper than 64 levels")
        out.append(bracket)
        depth += 1
        filled &= ~(1 << UInt64(depth - 1))
    }

    public mutating func close(_ bracket: UInt8) {
        precondition(depth > 0, "JSONStreamWriter: close without open")
        let hadMembers = filled & (1 << UInt64(depth - 1)) != 0
        depth -= 1
        if hadMembers && pretty { newline() }
        out.append(bracket)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { text in
            out.reserve(text.count + 2)
            out.append(UInt8(ascii: "\""))
            out.appendEscaped(text)
            out.append(UInt8(ascii: "\""))
        }
    }

    public mutating func string(_ value: String) {
        beforeValue()
        writeString(value)
    }

    /// A value that is already compact JSON written by this package (a stored case, quote or
    /// decision's charges), copied in as it is. With `embedMembers(_:)`, the one place where JSON
    /// text is spliced rather than written; it is not checked again.
    public mutating func embed(_ json: String) {
        beforeValue()
        var json = json
        json.withUTF8 { out.append($0) }
    }

    /// Members that are already compact JSON written by this package (`"a":1,"b":2`, no braces),
    /// copied into the object open now, after the members written so far.
    public mutating func embedMembers(_ members: ArraySlice<UInt8>) {
        guard !members.isEmpty else { return }
        beforeKey()
        members.withUnsafeBufferPointer { out.append($0) }
    }

    /// A number from its exact text ("2", "-0.5").
    public mutating func number(_ text: String) {
        beforeValue()
        var text = text
        text.withUTF8 { out.append($0) }
    }

    /// A whole number, as `String(value)` writes it.
    public mutating func number(_ value: Int) {
        beforeValue()
        out.appendDecimal(Int64(value), scale: 0)
    }

    public mutating func bool(_ value: Bool) {
        beforeValue()
        out.append(value ? "true" : "false")
    }

    public mutating func null() {
        beforeValue()
        out.append("null")
    }

    /// `key: value`, or `key: null` when the value is nil.
    public mutating func member(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    /// `name: value`, or `name: null` when the value is nil.
    public mutating func field(_ name: StaticString, _ value: String?) {
        field(name)
        if let value { string(value) } else { null() }
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        field(name)
        bool(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        field(name)
        number(value)
    }

    /// An amount as a string with all minor digits, the same text as `Money.text`.
    public mutating func field(_ name: StaticString, _ value: Money) {
        field(name)
        decimalString(value.minorUnits, scale: value.currency.minorUnits, trimmed: false)
    }

    /// A rate as a string in its shortest exact form, the same text as `Percent.text`.
    public mutating func field(_ name: StaticString, _ value: Percent) {
        field(name)
        decimalString(value.tenThousandths, scale: Percent.scale, trimmed: true)
    }

    /// A date as a `YYYY-MM-DD` string (its `description`), or null when nil.
    public mutating func field(_ name: StaticString, _ value: CivilDate?) {
        field(name)
        guard let value else { return null() }
        beforeValue()
        if !out.appendDateString(value) { writeString(value.description) }
    }

    private mutating func decimalString(_ value: Int64, scale: Int, trimmed: Bool) {
        beforeValue()
        out.appendDecimal(value, scale: scale, trimmed: trimmed, quoted: true)
    }
}
