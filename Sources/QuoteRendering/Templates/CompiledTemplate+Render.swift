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
        case node(any ViewNode)
        case text(String)
    }

    mutating func render(_ nodes: [CompiledTemplate.Node], stack: inout [Frame], indentation: String)
        throws(RenderError)
    {
        for node in nodes {
            switch node {
            case .bytes(let bytes) where indentation.isEmpty:
                output += bytes
            case .bytes(let bytes):
                append(String(decoding: bytes, as: UTF8.self), indentation: indentation)
            case .variable(let path, let escaped):
                let value = try resolve(path, in: stack)
                append(value, escaped: escaped)
            case .section(let path, let children, let inverted):
                let value = try resolve(path, in: stack)
                try section(value, children, inverted: inverted, stack: &stack, indentation: indentation)
            case .partial(let name, let extra):
                guard let partial = partials[name] else {
                    throw .missingPartial(name: name, includedBy: templateName)
                }
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
        case .node(let node):
            if !inverted { try within(.node(node), children, stack: &stack, indentation: indentation) }
        case .list(let nodes):
            if inverted {
                if nodes.isEmpty { try render(children, stack: &stack, indentation: indentation) }
            } else {
                for node in nodes {
                    try within(.node(node), children, stack: &stack, indentation: indentation)
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
        var value: ViewValue?
        if let first = path.first {
            for frame in stack.reversed() {
                if case .node(let node) = frame, let found = node.value(first) {
                    value = found
                    break
                }
            }
        } else {
            switch stack.last {
            case .text(let text): value = .text(text)
            case .node(let node): value = .node(node)
            case nil: value = nil
            }
        }
        if let label = path.label {
            guard case .node(let labels) = value, let text = labels.label(label) else {
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
        case (.list(let nodes), "empty"): .flag(nodes.isEmpty)
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
