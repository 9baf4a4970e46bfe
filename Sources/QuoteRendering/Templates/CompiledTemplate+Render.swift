/// Renders compiled templates into one buffer. A name no enclosing object has is an error:
/// `unknownField`, or `missingLabel` for `ui.*`.
struct TemplateRenderer {
    let partials: [String: CompiledTemplate]
    let templateName: String
    let language: String
    /// The document as UTF-8, appended to without per-append String bookkeeping.
    var output: [UInt8] = []

    /// What a section pushes: a view object, or one string of a list of strings (`{{.}}`).
    enum Frame {
        case object(ViewObject)
        case text(String)

        /// Any view node, for hand-made roots.
        static func node(_ node: any ViewNode) -> Frame { .object(.other(AnyViewNode(node))) }

        /// The field of the object, nil for a string (called in place: no copy of the frame).
        func value(_ field: Field) -> ViewValue? {
            switch self {
            case .object(let object): object.value(field)
            case .text: nil
            }
        }
    }

    /// Renders all of `template` with `stack` as the enclosing objects (the root last pushed).
    mutating func render(_ template: CompiledTemplate, stack: inout [Frame], indentation: String)
        throws(RenderError)
    {
        try render(template, template.nodes.indices, stack: &stack, indentation: indentation)
    }

    private mutating func render(
        _ template: CompiledTemplate, _ range: Range<Int>, stack: inout [Frame], indentation: String
    ) throws(RenderError) {
        var index = range.lowerBound
        while index < range.upperBound {
            switch template.nodes[index] {
            case .bytes(let bytes) where indentation.isEmpty:
                output += template.chunks[bytes]
            case .bytes(let bytes):
                append(String(decoding: template.chunks[bytes], as: UTF8.self), indentation: indentation)
            case .variable(let path, let escaped):
                append(try resolve(path, of: template, in: stack), escaped: escaped)
            case .section(let path, let end, let inverted):
                let value = try resolve(path, of: template, in: stack)
                try section(
                    value, template, index + 1..<end, inverted: inverted, stack: &stack,
                    indentation: indentation)
                index = end
                continue
            case .partial(let include):
                try render(template.includes[include], stack: &stack, indentation: indentation)
            }
            index += 1
        }
    }

    /// A partial, its lines indented as the tag was.
    private mutating func render(
        _ include: CompiledTemplate.Include, stack: inout [Frame], indentation: String
    ) throws(RenderError) {
        guard let partial = partials[include.name] else {
            throw .missingPartial(name: include.name, includedBy: templateName)
        }
        let extra = include.indentation
        if !extra.isEmpty, output.isEmpty || output.last == 10 {
            output += (indentation + extra).utf8
        }
        try render(partial, stack: &stack, indentation: indentation + extra)
    }

    /// A section: its children are `children` of `template`.
    private mutating func section(
        _ value: ViewValue, _ template: CompiledTemplate, _ children: Range<Int>, inverted: Bool,
        stack: inout [Frame], indentation: String
    ) throws(RenderError) {
        switch value {
        case .absent, .flag(false):
            if inverted { try render(template, children, stack: &stack, indentation: indentation) }
        case .flag(true):
            if !inverted { try render(template, children, stack: &stack, indentation: indentation) }
        case .text(let text):
            if !inverted {
                try within(.text(text), template, children, stack: &stack, indentation: indentation)
            }
        case .node(let object):
            if !inverted {
                try within(.object(object), template, children, stack: &stack, indentation: indentation)
            }
        case .list(let list):
            if inverted {
                if list.count == 0 { try render(template, children, stack: &stack, indentation: indentation) }
            } else {
                for index in 0..<list.count {
                    try within(
                        .object(list[index]), template, children, stack: &stack, indentation: indentation)
                }
            }
        case .strings(let strings):
            if inverted {
                if strings.isEmpty { try render(template, children, stack: &stack, indentation: indentation) }
            } else {
                for text in strings {
                    try within(.text(text), template, children, stack: &stack, indentation: indentation)
                }
            }
        }
    }

    private mutating func within(
        _ frame: Frame, _ template: CompiledTemplate, _ children: Range<Int>, stack: inout [Frame],
        indentation: String
    ) throws(RenderError) {
        stack.append(frame)
        defer { stack.removeLast() }
        try render(template, children, stack: &stack, indentation: indentation)
    }

    /// The value of path number `index` of `template`. Plain names (most) take the short way,
    /// reading the path in place.
    private func resolve(_ index: Int, of template: CompiledTemplate, in stack: [Frame]) throws(RenderError)
        -> ViewValue
    {
        if let first = template.plainFields[index], let found = Self.lookup(first, in: stack) {
            return found
        }
        let path = template.paths[index]
        var value: ViewValue?
        if let first = path.first {
            value = Self.lookup(first, in: stack)
        } else {
            switch stack.last {
            case .text(let text): value = .text(text)
            case .object(let object): value = .node(object)
            case nil: value = nil
            }
        }
        if let label = path.label {
            guard case .node(let labels) = value, let text = labels.label(at: path.labelIndex, key: label)
            else {
                throw .missingLabel(key: "ui.\(label)", language: language)
            }
            return text
        }
        for field in path.rest {
            guard case .node(let node) = value else {
                value = nil
                break
            }
            value = node.value(field)
        }
        guard let value else { throw .unknownField(name: path.source, template: templateName) }
        return path.transform.map { Self.transform(value, $0) } ?? value
    }

    /// `field` of the innermost enclosing object that has it.
    private static func lookup(_ field: Field, in stack: [Frame]) -> ViewValue? {
        var index = stack.count - 1
        while index >= 0 {
            if let found = stack[index].value(field) { return found }
            index -= 1
        }
        return nil
    }

    private static func transform(_ value: ViewValue, _ name: String) -> ViewValue {
        switch (value, name) {
        case (.list(let list), "empty"): .flag(list.count == 0)
        case (.strings(let strings), "empty"): .flag(strings.isEmpty)
        case (.text(let text), "empty"): .flag(text.isEmpty)
        case (.text(let text), "uppercased"): .text(text.uppercased())
        case (.text(let text), "lowercased"): .text(text.lowercased())
        case (.text(let text), "capitalized"): .text(text.capitalized)
        default: .absent
        }
    }

    private mutating func append(_ value: ViewValue, escaped: Bool) {
        switch value {
        case .text(let text):
            escaped ? FastHTMLContentType.append(text, to: &output) : output.append(contentsOf: text.utf8)
        case .flag(let flag): output += (flag ? "true" : "false").utf8
        case .list, .strings, .node, .absent: break
        }
    }

    /// Appends template text, indenting each new line inside an indented partial.
    private mutating func append(_ text: String, indentation: String) {
        guard !indentation.isEmpty, text.utf8.contains(10) else { return output += text.utf8 }
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if offset > 0 { output.append(10) }
            if offset > 0, !line.isEmpty { output += indentation.utf8 }
            output += line.utf8
        }
    }
}
