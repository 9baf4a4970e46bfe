extension ConsoleQuotesController {
    /// A field's label in the error summary, as the form shows it ("repair.parts.0.sku" → "Part"):
    /// each entry names the field its link leads to. The path itself when no label has it.
    static func fieldLabel(_ path: String, _ language: String, _ pages: ConsolePages) -> String {
        let key = path.split(separator: ".").filter { Int($0) == nil }.joined(separator: ".")
        let label = pages.label(key, language)
        return label == key ? path : label
    }
}
