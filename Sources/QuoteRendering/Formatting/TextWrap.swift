/// Greedy word wrapping by display width. Breaks at spaces, and between CJK characters (which
/// have no spaces); closing CJK punctuation stays with the character before it; a word wider
/// than the line is cut.
public enum TextWrap {
    /// The lines of `text`, each at most `width` columns.
    ///
    /// `lines("Liquid damage is not covered.", width: 14)` → ["Liquid damage", "is not", "covered."].
    public static func lines(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(Substring(paragraph), width: max(1, width))
        }
        return lines
    }

    /// The wrapped text with continuation lines indented: the text of a cell that starts at column
    /// `indent` of a line and runs to its end.
    public static func indented(_ text: String, width: Int, indent: Int) -> String {
        if !text.contains("\n"), DisplayWidth.of(text) <= width { return text }
        return lines(text, width: width).joined(separator: "\n" + String(repeating: " ", count: indent))
    }

    private static func wrapParagraph(_ text: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var pendingSpace = false
        for token in tokens(text) {
            if token == " " {
                pendingSpace = lineWidth > 0
                continue
            }
            var piece = token
            var pieceWidth = DisplayWidth.of(piece)
            let needed = pieceWidth + (pendingSpace ? 1 : 0)
            if lineWidth > 0, lineWidth + needed > width {
                lines.append(line)
                (line, lineWidth, pendingSpace) = ("", 0, false)
            }
            while pieceWidth > width {
                let (head, tail) = cut(piece, width: width)
                lines.append(head)
                (piece, pieceWidth) = (tail, DisplayWidth.of(tail))
            }
            if pendingSpace { (line, lineWidth) = (line + " ", lineWidth + 1) }
            (line, lineWidth, pendingSpace) = (line + piece, lineWidth + pieceWidth, false)
        }
        lines.append(line)
        return lines
    }

    /// Words, single spaces, and single wide characters (with any closing punctuation after them).
    static func tokens(_ text: Substring) -> [String] {
        var tokens: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty { tokens.append(word) }
            word = ""
        }
        for character in text {
            if character == " " {
                flush()
                tokens.append(" ")
            } else if DisplayWidth.of(character) == 2 {
                if closingPunctuation.contains(character), let last = tokens.last, word.isEmpty, last != " " {
                    tokens[tokens.count - 1] = last + String(character)
                } else {
                    flush()
                    tokens.append(String(character))
                }
            } else {
                word.append(character)
            }
        }
        flush()
        return tokens
    }

    private static let closingPunctuation: Set<Character> = [
        "。", "，", "、", "；", "：", "！", "？", "）", "」", "』", "》",
    ]

    private static func cut(_ text: String, width: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = text.startIndex
        while index < text.endIndex, head.isEmpty || used + DisplayWidth.of(text[index]) <= width {
            used += DisplayWidth.of(text[index])
            head.append(text[index])
            index = text.index(after: index)
        }
        return (head, String(text[index...]))
    }
}
