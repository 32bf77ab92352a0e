import Localization

/// A Markdown file split into its YAML front matter (between a first line `---` and the next `---` or
/// `...` line) and its body, with the file line numbers each part starts at.
struct FrontMatter {
    /// The YAML text, lines joined with LF.
    let yaml: String
    /// The file line of the opening `---` (so YAML line n is file line n + openingLine).
    let openingLine: Int
    /// The file line of the closing delimiter.
    let closingLine: Int
    /// The body's lines, starting at file line `closingLine + 1`.
    let body: ArraySlice<Substring>

    /// Splits `lines`; on failure returns a diagnostic saying what is missing.
    static func split(_ lines: [Substring], path: String) -> (FrontMatter?, Diagnostic?) {
        guard let first = lines.first, isDelimiter(first, allowDots: false) else {
            return (nil, Diagnostic(path: path, message: L("a commitment file starts with a '---' line that opens its YAML front matter")))
        }
        guard let close = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], allowDots: true) }) else {
            return (nil, Diagnostic(path: path, message: L("the front matter opened on line 1 is never closed: add a '---' line after its last field")))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        return (FrontMatter(yaml: yaml, openingLine: 1, closingLine: close + 1, body: lines[(close + 1)...]), nil)
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        let text = line.trimmed
        return (text == "---" || (allowDots && text == "...")) && line.first == text.first
    }
}
