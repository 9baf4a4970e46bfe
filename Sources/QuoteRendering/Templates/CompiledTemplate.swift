/// A Mustache template parsed once into a flat program whose names are already resolved, rendered
/// straight into one output buffer over the typed view model (`ViewObject`): no reflection and no
/// dynamic casts per lookup. It implements the subset the quote templates use — variables, `{{{…}}}`
/// and `{{&…}}`, sections, inverted sections, partials, comments, `{{%CONTENT_TYPE: …}}`, standalone
/// lines, and the transforms `empty`, `uppercased`, `lowercased`, `capitalized` — with the same
/// output as swift-mustache, which stays the reference (the tests render every snapshot with both).
struct CompiledTemplate: Sendable {
    /// One instruction. Every payload is an index or a range (trivial), so walking the program
    /// copies no reference: a section's children are the nodes after it, up to `end`.
    enum Node: Sendable {
        /// Template text: an index into `chunks`, UTF-8 ready to copy into the output.
        case bytes(Int)
        /// `{{name}}`: an index into `paths`.
        case variable(Int, escaped: Bool)
        /// `{{#name}}` (or `{{^name}}`): an index into `paths`; its children end before `end`.
        case section(Int, end: Int, inverted: Bool)
        /// `{{> name}}`: an index into `includes`.
        case partial(Int)
    }

    /// A dotted name resolved at load time, with an optional transform: `empty(rules)`.
    struct Path: Sendable {
        /// The first field, looked up through the enclosing objects; nil for `.`.
        let first: Field?
        /// `ui.<label>`: the label key, and its position in the template set's label order
        /// (`UILabels` keeps the labels in that order, so a render looks none up by name).
        var label: String? = nil
        var labelIndex = 0
        /// The fields after the first: `due.label`.
        var rest: [Field] = []
        let transform: String?
        let source: String

        /// One field, no label, no transform: `{{net}}` (most names), looked up without detours.
        var isPlain: Bool { first != nil && label == nil && rest.isEmpty && transform == nil }
    }

    /// `{{> name}}`, standing alone on a line indented by `indentation`.
    struct Include: Sendable {
        let name: String
        let indentation: String
    }

    /// Why a template cannot be compiled.
    enum CompileError: Error {
        case syntax(String)
        case unknownField(String)

        var message: String {
            switch self {
            case .syntax(let message): message
            case .unknownField(let name): "unknown field \"\(name)\""
            }
        }
    }

    static let transforms: Set<String> = ["empty", "uppercased", "lowercased", "capitalized"]

    /// The program, in document order.
    private(set) var nodes: [Node] = []
    /// The template's text between tags, as UTF-8.
    private(set) var chunks: [[UInt8]] = []
    private(set) var paths: [Path] = []
    /// Per path, its field when the path is plain (`Path.isPlain`): read without copying a path.
    private(set) var plainFields: [Field?] = []
    private(set) var includes: [Include] = []
    /// The partials the template includes.
    private(set) var partials: Set<String> = []

    init(_ text: String) throws(CompileError) {
        var labelIndices: [String: Int] = [:]
        try self.init(text, labelIndices: &labelIndices)
    }

    /// Compiles `text`, numbering each new `ui.*` label key it uses after those in `labelIndices`.
    init(_ source: String, labelIndices: inout [String: Int]) throws(CompileError) {
        var parser = TagScanner(Array(source.utf8))
        /// The open sections: their nodes.
        var open: [Int] = []
        var escaping = true
        while let token = try parser.next() {
            switch token {
            case .text(let chunk):
                chunks.append(Array(chunk.utf8))
                nodes.append(.bytes(chunks.count - 1))
            case .tag(let sigil, let content, let indentation):
                switch sigil {
                case "!": break
                case "%": escaping = Self.escapes(afterPragma: content, current: escaping)
                case "#", "^":
                    open.append(nodes.count)
                    nodes.append(.section(try add(content, &labelIndices), end: 0, inverted: sigil == "^"))
                case "/": try close(content, open: open.popLast())
                case ">":
                    partials.insert(content)
                    includes.append(Include(name: content, indentation: indentation))
                    nodes.append(.partial(includes.count - 1))
                case "=": throw CompileError.syntax("changing delimiters ({{=…=}}) is not supported")
                case "&", "{": nodes.append(.variable(try add(content, &labelIndices), escaped: false))
                default: nodes.append(.variable(try add(content, &labelIndices), escaped: escaping))
                }
            }
        }
        if let unclosed = open.last, case .section(let path, _, _) = nodes[unclosed] {
            throw CompileError.syntax("{{#\(paths[path].source)}} is not closed")
        }
    }

    /// Adds the path of a tag; its index.
    private mutating func add(_ content: String, _ labelIndices: inout [String: Int]) throws(CompileError)
        -> Int
    {
        let path = try Self.path(content, labelIndices: &labelIndices)
        paths.append(path)
        plainFields.append(path.isPlain ? path.first : nil)
        return paths.count - 1
    }

    /// `{{/content}}`: ends the innermost open section, which must have the same name.
    private mutating func close(_ content: String, open section: Int?) throws(CompileError) {
        guard let section, case .section(let path, _, let inverted) = nodes[section],
            paths[path].source == content
        else {
            throw CompileError.syntax("{{/\(content)}} closes no open section")
        }
        nodes[section] = .section(path, end: nodes.count, inverted: inverted)
    }

    /// `CONTENT_TYPE: TEXT` turns escaping off; any other content type (HTML, HTML5) on.
    private static func escapes(afterPragma content: String, current: Bool) -> Bool {
        let compact = content.filter { !$0.isWhitespace }
        guard compact.hasPrefix("CONTENT_TYPE:") else { return current }
        return compact != "CONTENT_TYPE:TEXT"
    }

    private static func path(_ content: String, labelIndices: inout [String: Int]) throws(CompileError)
        -> Path
    {
        var name = content
        var transform: String?
        if let open = content.firstIndex(of: "("), content.last == ")" {
            let function = String(content[..<open])
            guard transforms.contains(function) else {
                throw CompileError.syntax(
                    "unsupported transform \"\(function)\" (supported: \(transforms.sorted()))")
            }
            transform = function
            name = String(content[content.index(after: open)..<content.index(before: content.endIndex)])
        }
        if name == "." {
            return Path(first: nil, transform: transform, source: content)
        }
        let names = name.split(separator: ".").map(String.init)
        guard let head = names.first else { throw CompileError.syntax("empty tag {{\(content)}}") }
        guard let first = Field(rawValue: head) else { throw CompileError.unknownField(head) }
        if first == .ui {
            guard names.count == 2 else {
                throw CompileError.syntax("{{\(content)}}: write a label as ui.<key>")
            }
            let index = labelIndices[names[1]] ?? labelIndices.count
            labelIndices[names[1]] = index
            return Path(
                first: first, label: names[1], labelIndex: index, transform: transform, source: content)
        }
        var rest: [Field] = []
        for next in names.dropFirst() {
            guard let field = Field(rawValue: next) else { throw CompileError.unknownField(name) }
            rest.append(field)
        }
        return Path(first: first, rest: rest, transform: transform, source: content)
    }
}

/// Splits template bytes into text and tags, removing standalone lines: a section, inverted,
/// closing, partial, comment or pragma tag alone on its line (but for spaces and tabs) takes the
/// whole line with it; a standalone partial keeps the line's indentation for its own lines.
struct TagScanner {
    enum Token {
        case text(String)
        case tag(sigil: Character, content: String, indentation: String)
    }

    private let bytes: [UInt8]
    private var position = 0
    private var pending: Token?

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() throws(CompiledTemplate.CompileError) -> Token? {
        if let token = pending {
            pending = nil
            return token
        }
        guard position < bytes.count else { return nil }
        guard let open = find([123, 123], from: position) else {
            defer { position = bytes.count }
            return .text(string(position..<bytes.count))
        }
        let triple = open + 2 < bytes.count && bytes[open + 2] == 123
        let closing: [UInt8] = triple ? [125, 125, 125] : [125, 125]
        guard let close = find(closing, from: open + 2) else {
            throw CompiledTemplate.CompileError.syntax("unclosed tag at byte \(open)")
        }
        var inner = string((open + 2)..<close).trimmingSpaces
        var sigil: Character = " "
        if let first = inner.first, "!%#^/>=&{".contains(first) {
            sigil = first
            inner = String(inner.dropFirst()).trimmingSpaces
        }
        let end = close + closing.count
        let textStart = position
        var textEnd = open
        var indentation = ""
        position = end
        if "!%#^/>=".contains(sigil),
            let (lineStart, lineEnd) = standaloneLine(open: open, end: end, after: textStart)
        {
            indentation = string(lineStart..<open)
            textEnd = lineStart
            position = lineEnd
        }
        let tag = Token.tag(sigil: sigil, content: inner, indentation: indentation)
        guard textEnd > textStart else { return tag }
        pending = tag
        return .text(string(textStart..<textEnd))
    }

    /// The start of the tag's line and the position after its newline, when nothing but spaces
    /// and tabs shares the line with the tag.
    private func standaloneLine(open: Int, end: Int, after textStart: Int) -> (Int, Int)? {
        var start = open
        while start > textStart, bytes[start - 1] == 32 || bytes[start - 1] == 9 { start -= 1 }
        guard start == 0 || bytes[start - 1] == 10 else { return nil }
        var stop = end
        while stop < bytes.count, bytes[stop] == 32 || bytes[stop] == 9 { stop += 1 }
        if stop == bytes.count { return (start, stop) }
        if bytes[stop] == 10 { return (start, stop + 1) }
        if bytes[stop] == 13, stop + 1 < bytes.count, bytes[stop + 1] == 10 { return (start, stop + 2) }
        return nil
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) {
                return index
            }
            index += 1
        }
        return nil
    }

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
