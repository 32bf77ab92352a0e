/// HTML escaping, and a small, safe Markdown-to-HTML conversion for the prose of a plan.
///
/// Supported: paragraphs (a single line break is kept as a line break between non-CJK text, and joins
/// CJK text without a space), `-`/`*`/`+` and `1.` lists, `>` quotes, `#` sub-headings, fenced code,
/// `*emphasis*`, `**strong**`, `` `code` ``, `[links](https://…)` and bare `https://…` addresses.
/// Everything else is shown as text. No raw HTML ever passes through: every character of the input is
/// escaped, and a link is made only for `http:` and `https:` addresses.
enum ProseHTML {
    /// Escapes text for HTML content and attribute values (`& < > " '`), scalar by scalar: a `"` that a
    /// combining mark follows is one `Character` but still a quote to a browser, so comparing characters
    /// would let it close an attribute. Control characters other than tab and line breaks (a lone CR
    /// included; CR LF is kept) have no place in a document and become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if let entity = entity(for: scalar) {
                out += entity
            } else if scalar == "\r" && pending == "\n" {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || (0x7F...0x9F).contains(scalar.value) {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes text as swift-mustache's HTML escaping does (`& < > " '`, nothing else changed), but scalar
    /// by scalar (see `escape`): the escaping of every `{{value}}` in nap's templates.
    static func escapeForTemplate(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if let entity = entity(for: scalar) { out += entity } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The character reference of a scalar that is markup in HTML (`& < > " '`); nil for any other.
    private static func entity(for scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        default: nil
        }
    }

    /// Whether a link target may be linked to: only `http:` and `https:` addresses without spaces.
    static func isSafeURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        // Scalar by scalar: a quote that a combining mark follows is still a quote.
        return !url.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "`" }
    }

    /// Markdown prose as HTML blocks. `headingLevel` is the level a `#` heading inside the prose gets.
    static func blocks(_ markdown: String, headingLevel: Int = 4, depth: Int = 0) -> String {
        var html: [String] = []
        var paragraph: [Substring] = []
        var list: (ordered: Bool, start: Int, items: [[Substring]])?
        var quote: [Substring] = []
        var fence: (marker: Substring, lines: [Substring])?

        func flush() {
            if !paragraph.isEmpty { html.append("<p>" + inlineLines(paragraph) + "</p>") }
            paragraph = []
            if let current = list {
                let items = current.items.map { "<li>" + inlineLines($0) + "</li>" }.joined()
                let open = current.ordered ? (current.start == 1 ? "<ol>" : "<ol start=\"\(current.start)\">") : "<ul>"
                html.append(open + items + (current.ordered ? "</ol>" : "</ul>"))
            }
            list = nil
            if !quote.isEmpty {
                let inner = quote.joined(separator: "\n")
                // Quotes nest a few levels; deeper `>` are shown as text.
                html.append("<blockquote>" + (depth < 3 ? blocks(inner, headingLevel: headingLevel, depth: depth + 1) : "<p>" + escape(inner) + "</p>") + "</blockquote>")
            }
            quote = []
        }

        // Foundation's replacement costs more than the whole conversion: only text with a CR needs it.
        let unified = markdown.utf8.contains(0x0D) ? markdown.replacingOccurrences(of: "\r\n", with: "\n") : markdown
        let lines = unified.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            if let open = fence {
                if line.trimmed.hasPrefix(open.marker), line.trimmed.allSatisfy({ $0 == open.marker.first }) {
                    html.append("<pre><code>" + escape(open.lines.joined(separator: "\n")) + "</code></pre>")
                    fence = nil
                } else {
                    fence?.lines.append(line)
                }
                continue
            }
            let text = line.trimmed
            if text.isEmpty { flush(); continue }
            if let marker = MarkdownText.fence(line) {
                flush()
                fence = (Substring(String(repeating: String(marker.marker), count: marker.count)), [])
                continue
            }
            if text.hasPrefix(">") {
                if quote.isEmpty { flush() }
                quote.append(Substring(text.dropFirst().drop(while: { $0 == " " })))
                continue
            }
            if let heading = MarkdownText.heading(line) {
                flush()
                // Prose headings start at ### (levels 1 and 2 divide the file); ### gets `headingLevel`.
                let level = min(6, headingLevel + max(0, heading.level - 3))
                html.append("<h\(level)>" + inline(Substring(heading.title)) + "</h\(level)>")
                continue
            }
            if let item = listItem(line) {
                if !paragraph.isEmpty || !quote.isEmpty || (list != nil && list?.ordered != item.ordered) { flush() }
                if list == nil { list = (item.ordered, item.number, []) }
                list?.items.append([item.text])
                continue
            }
            if list != nil, var current = list, !current.items.isEmpty {
                // A continuation line of the last item.
                current.items[current.items.count - 1].append(Substring(text))
                list = current
                continue
            }
            if !quote.isEmpty { flush() }
            paragraph.append(Substring(text))
        }
        if let open = fence { html.append("<pre><code>" + escape(open.lines.joined(separator: "\n")) + "</code></pre>") }
        flush()
        return html.joined(separator: "\n")
    }

    /// A list item's marker and text: `- x`, `* x`, `+ x`, `1. x`, `1) x` (up to three spaces before).
    private static func listItem(_ line: Substring) -> (ordered: Bool, number: Int, text: Substring)? {
        let indent = line.prefix(while: { $0 == " " })
        guard indent.count <= 3 else { return nil }
        let rest = line.dropFirst(indent.count)
        if let first = rest.first, first == "-" || first == "*" || first == "+" {
            let after = rest.dropFirst()
            guard after.first == " " || after.first == "\t" else { return nil }
            // `***` or `- - -` is a rule, not a list; shown as text.
            return (false, 1, Substring(after.trimmed))
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...9).contains(digits.count), let number = Int(digits) else { return nil }
        let after = rest.dropFirst(digits.count)
        guard let delimiter = after.first, delimiter == "." || delimiter == ")" else { return nil }
        let text = after.dropFirst()
        guard text.first == " " || text.first == "\t" else { return nil }
        return (true, number, Substring(text.trimmed))
    }

    /// Lines of a paragraph joined: CJK text joins without a space; other text keeps the line break.
    /// A line ending in two spaces or `\` is a hard break.
    private static func inlineLines(_ lines: [Substring]) -> String {
        var out = ""
        for (index, line) in lines.enumerated() {
            var text = line
            var hardBreak = false
            if text.hasSuffix("\\") { text = text.dropLast(); hardBreak = true }
            out += inline(Substring(text.trimmed))
            guard index < lines.count - 1 else { break }
            if hardBreak {
                out += "<br>\n"
            } else if let last = text.last, let next = lines[index + 1].first, isWide(last), isWide(next) {
                continue
            } else {
                out += "\n"
            }
        }
        return out
    }

    private static func isWide(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFFEF).contains(value)
            || (0x20000...0x3FFFD).contains(value)
    }

    /// Inline Markdown as HTML: escaped text with code spans, emphasis and safe links.
    static func inline(_ text: Substring) -> String {
        isPlain(text) ? escape(String(text)) : parsedInline(text)
    }

    /// Inline Markdown through the parser, whatever the text.
    static func parsedInline(_ text: Substring) -> String {
        var parser = InlineParser(text: Array(text))
        return parser.render(0..<parser.text.count, depth: 0)
    }

    /// True when no character of `text` can start inline markup — no backslash, `` ` ``, `[`, `*` or `_`
    /// byte and no `http` in any case — so the parser would escape it character by character, which
    /// `escape` does at once (most comments: the parser's array of characters was most of their cost).
    /// Checked on bytes, so a byte that is part of a larger character only sends the text to the parser.
    /// (`previous` keeps the last bytes with ASCII letters lowercased; bytes from 0x80 up are kept as they are.)
    static func isPlain(_ text: Substring) -> Bool {
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in text.utf8 {
            switch byte {
            case 0x5C, 0x60, 0x5B, 0x2A, 0x5F: return false
            // U+1FC0...U+1FFF (E1 BF xx): U+1FEF GREEK VARIA is canonically a backtick, which the
            // parser's `Character` comparison matches; the whole block goes to the parser.
            case 0xBF where previous.2 == 0xE1: return false
            default: break
            }
            let lower = byte | 0x20
            if lower == 0x70, previous == (0x68, 0x74, 0x74) { return false }
            previous = (previous.1, previous.2, lower)
        }
        return true
    }
}

/// The inline part of `ProseHTML`. Runs in time linear in the text for each nesting level: a delimiter
/// whose closer was not found is never searched for again, and nesting stops at a fixed depth.
private struct InlineParser {
    let text: [Character]
    /// Searches that failed: (delimiter, end of range) → the position searched from. A search from a
    /// later position in the same range fails too.
    private var failedSearches: [String: Int] = [:]
    static let maximumDepth = 6

    init(text: [Character]) {
        self.text = text
    }

    mutating func render(_ range: Range<Int>, depth: Int) -> String {
        var out = ""
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = text[i]
            if c == "\\", i + 1 < end, let next = text[i + 1].asciiValue, next >= 0x21 && next <= 0x7E, !text[i + 1].isLetter, !text[i + 1].isNumber {
                out += ProseHTML.escape(String(text[i + 1]))
                i += 2
                continue
            }
            if c == "`", let close = find("`", from: i + 1, before: end) {
                out += "<code>" + ProseHTML.escape(String(text[(i + 1)..<close])) + "</code>"
                i = close + 1
                continue
            }
            if depth < Self.maximumDepth, c == "[", let link = link(at: i, before: end) {
                let label = render((i + 1)..<link.labelEnd, depth: depth + 1)
                if ProseHTML.isSafeURL(link.url) {
                    out += "<a href=\"" + ProseHTML.escape(link.url) + "\">" + label + "</a>"
                } else {
                    out += label
                }
                i = link.end
                continue
            }
            if depth < Self.maximumDepth, c == "*" || c == "_", let span = emphasis(at: i, before: end) {
                let tag = span.strong ? "strong" : "em"
                out += "<\(tag)>" + render(span.inner, depth: depth + 1) + "</\(tag)>"
                i = span.end
                continue
            }
            if c == "h" || c == "H", let url = bareURL(at: i, before: end) {
                let address = String(text[i..<url])
                out += "<a href=\"" + ProseHTML.escape(address) + "\">" + ProseHTML.escape(address) + "</a>"
                i = url
                continue
            }
            switch c {
            case "&", "<", ">", "\"", "'": out += ProseHTML.escape(String(c))
            default:
                if c.isASCII, let value = c.asciiValue, value >= 0x20, value != 0x7F { out.append(c) } else { out += ProseHTML.escape(String(c)) }
            }
            i += 1
        }
        return out
    }

    /// The index of the next `delimiter` at or after `start`, remembering a failed search.
    private mutating func find(_ delimiter: String, from start: Int, before end: Int) -> Int? {
        let key = "\(delimiter)@\(end)"
        if let failed = failedSearches[key], start >= failed { return nil }
        let chars = Array(delimiter)
        var j = start
        while j + chars.count <= end {
            var matches = true
            for (offset, char) in chars.enumerated() where text[j + offset] != char {
                matches = false
                break
            }
            if matches { return j }
            j += 1
        }
        failedSearches[key] = min(start, failedSearches[key] ?? start)
        return nil
    }

    private mutating func link(at i: Int, before end: Int) -> (labelEnd: Int, url: String, end: Int)? {
        guard let close = find("](", from: i + 1, before: end), close > i + 1,
              let paren = find(")", from: close + 2, before: end) else { return nil }
        let url = String(text[(close + 2)..<paren]).trimmed
        guard !url.contains(where: \.isWhitespace) else { return nil }
        return (close, url, paren + 1)
    }

    private mutating func emphasis(at i: Int, before end: Int) -> (inner: Range<Int>, strong: Bool, end: Int)? {
        let c = text[i]
        let strong = i + 1 < end && text[i + 1] == c
        let width = strong ? 2 : 1
        let start = i + width
        guard start < end, !text[start].isWhitespace else { return nil }
        // `_` inside a word (snake_case) is not emphasis.
        if c == "_", i > 0, text[i - 1].isLetter || text[i - 1].isNumber, text[i - 1].isASCII { return nil }
        // A closer's validity does not depend on the opener, so a failed search is remembered.
        let key = "emphasis \(c)\(width)@\(end)"
        if let failed = failedSearches[key], start + 1 >= failed { return nil }
        var from = start + 1
        while let close = find(String(repeating: String(c), count: width), from: from, before: end) {
            if !text[close - 1].isWhitespace, !(strong == false && close + 1 < end && text[close + 1] == c) {
                return (start..<close, strong, close + width)
            }
            from = close + 1
        }
        failedSearches[key] = start + 1
        return nil
    }

    private func bareURL(at i: Int, before end: Int) -> Int? {
        if i > 0, text[i - 1].isLetter || text[i - 1].isNumber { return nil }
        let prefix = String(text[i..<min(end, i + 8)]).lowercased()
        guard prefix.hasPrefix("https://") || prefix.hasPrefix("http://") else { return nil }
        var j = i
        while j < end, text[j].isASCII, !text[j].isWhitespace, !"<>\"`".contains(text[j]) { j += 1 }
        while j > i, ".,;:!?)]'".contains(text[j - 1]) { j -= 1 }
        let address = String(text[i..<j])
        return ProseHTML.isSafeURL(address) && address.count > 8 ? j : nil
    }
}
