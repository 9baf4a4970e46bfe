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
        static func node(_ node: any ViewNode) -> Frame { .object(.other(node)) }

        /// The field of the object, nil for a string (called in place: no copy of the frame).
        func value(_ field: Field) -> ViewValue? {
            switch self {
            case .object(let object): object.value(field)
            case .text: nil
            }
        }
    }

    mutating func render(_ nodes: [CompiledTemplate.Node], stack: inout [Frame], indentation: String)
        throws(RenderError)
    {
        for index in nodes.indices {
            switch nodes[index] {
            case .bytes(let bytes) where indentation.isEmpty:
                output += bytes
            case .bytes(let bytes):
                append(String(decoding: bytes, as: UTF8.self), indentation: indentation)
            case .variable(let path, let escaped):
                let value = try resolve(path, in: stack)
                append(value, escaped: escaped)
            case .section(let section):
                let value = try resolve(section.path, in: stack)
                try self.section(
                    value, section.children, inverted: section.inverted, stack: &stack,
                    indentation: indentation)
            case .partial(let include):
                guard let partial = partials[include.name] else {
                    throw .missingPartial(name: include.name, includedBy: templateName)
                }
                let extra = include.indentation
                if !extra.isEmpty, output.isEmpty || output.last == 10 {
                    output += (indentation + extra).utf8
                }
                try render(partial.nodes, stack: &stack, indentation: indentation + extra)
            }
        }
    }

    private mutating func section(
        _ value: ViewValue, _ children: [CompiledTemplate.Node], inverted: Bool, stack: inout [Frame],
        indentation: String
    ) throws(RenderError) {
        switch value {
        case .absent, .flag(false):
            if inverted { try render(children, stack: &stack, indentation: indentation) }
        case .flag(true):
            if !inverted { try render(children, stack: &stack, indentation: indentation) }
        case .text(let text):
            if !inverted { try within(.text(text), children, stack: &stack, indentation: indentation) }
        case .node(let object):
            if !inverted { try within(.object(object), children, stack: &stack, indentation: indentation) }
        case .list(let list):
            if inverted {
                if list.count == 0 { try render(children, stack: &stack, indentation: indentation) }
            } else {
                for index in 0..<list.count {
                    try within(.object(list[index]), children, stack: &stack, indentation: indentation)
                }
            }
        case .strings(let strings):
            if inverted {
                if strings.isEmpty { try render(children, stack: &stack, indentation: indentation) }
            } else {
                for text in strings {
                    try within(.text(text), children, stack: &stack, indentation: indentation)
                }
            }
        }
    }

    private mutating func within(
        _ frame: Frame, _ children: [CompiledTemplate.Node], stack: inout [Frame], indentation: String
    ) throws(RenderError) {
        stack.append(frame)
        defer { stack.removeLast() }
        try render(children, stack: &stack, indentation: indentation)
    }

    private func resolve(_ path: CompiledTemplate.Path, in stack: [Frame]) throws(RenderError) -> ViewValue {
        if path.isPlain, let first = path.first {
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].value(first) { return found }
                index -= 1
            }
            throw .unknownField(name: path.source, template: templateName)
        }
        var value: ViewValue?
        if let first = path.first {
            var index = stack.count - 1
            while index >= 0 {
                if case .object(let object) = stack[index], let found = object.value(first) {
                    value = found
                    break
                }
                index -= 1
            }
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
