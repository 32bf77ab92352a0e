/// The Markdown body of a commitment file, split into language blocks (`# 繁體中文 {lang=zh-Hant}`) and,
/// inside each, sections (`## 問題界定 {#problem}`). Lines inside fenced code blocks and HTML comments are
/// never headings. Line numbers are file lines.
struct CommitmentBody {
    struct Section {
        var line: Int
        var title: String
        var attributes: HeadingAttributes?
        var lines: [Substring] = []

        /// The section's text: its lines joined with LF and trimmed (the text translation hashes are made
        /// of); set when the scan ends.
        var text = ""
        /// Whether the text is nothing but HTML comments and white space; set when the scan ends.
        var isEmpty = true

        var key: String? { attributes?.identifier }
        var source: String? { attributes?.value("source") }

        mutating func finish() {
            text = lines.joined(separator: "\n").trimmed
            isEmpty = MarkdownText.withoutComments(text).trimmed.isEmpty
        }
    }

    struct LanguageBlock {
        var line: Int
        var title: String
        var attributes: HeadingAttributes?
        /// Lines between the language heading and its first section.
        var preamble: [Substring] = []
        var preambleLine: Int
        var sections: [Section] = []

        var language: String? { attributes?.value("lang") }
    }

    /// Lines before the first language heading.
    var leading: [Substring] = []
    var leadingLine: Int
    var blocks: [LanguageBlock] = []
    /// The file line of an HTML comment that is never closed, if any.
    var unclosedCommentLine: Int?

    /// Scans `lines`, the first of which is file line `firstLine`.
    init(lines: ArraySlice<Substring>, firstLine: Int) {
        leadingLine = firstLine
        var fence: (marker: Character, count: Int)?
        var inComment = false
        var commentStart = 0
        for (offset, line) in lines.enumerated() {
            let number = firstLine + offset
            if fence == nil, !inComment, let heading = MarkdownText.heading(line), heading.level <= 2 {
                if heading.level == 1 {
                    blocks.append(LanguageBlock(line: number, title: heading.title, attributes: heading.attributes, preambleLine: number + 1))
                    continue
                }
                if !blocks.isEmpty {
                    blocks[blocks.count - 1].sections.append(Section(line: number, title: heading.title, attributes: heading.attributes))
                    continue
                }
            }
            if inComment {
                inComment = MarkdownText.endsInComment(line, startingInComment: true)
            } else if let open = fence {
                if let close = MarkdownText.fence(line), close.marker == open.marker, close.count >= open.count,
                   line.drop(while: { $0 == " " }).drop(while: { $0 == open.marker }).allSatisfy(\.isWhitespace) {
                    fence = nil
                }
            } else if let opening = MarkdownText.fence(line) {
                fence = opening
            } else if MarkdownText.endsInComment(line, startingInComment: false) {
                inComment = true
                commentStart = number
            }
            append(line)
        }
        if inComment { unclosedCommentLine = commentStart }
        for block in blocks.indices {
            for section in blocks[block].sections.indices { blocks[block].sections[section].finish() }
        }
    }

    private mutating func append(_ line: Substring) {
        guard !blocks.isEmpty else {
            leading.append(line)
            return
        }
        let last = blocks.count - 1
        if blocks[last].sections.isEmpty {
            blocks[last].preamble.append(line)
        } else {
            blocks[last].sections[blocks[last].sections.count - 1].lines.append(line)
        }
    }
}
