/// The small part of Markdown that nap reads: ATX headings (`## Title {#key attr=value}`) with a
/// Pandoc-style attribute at the end, HTML comments, and fenced code blocks (whose lines are never headings).
enum MarkdownText {
    /// A `#` heading line.
    struct Heading {
        var level: Int
        /// The heading text without the `#`s and without the attribute.
        var title: String
        var attributes: HeadingAttributes?
    }

    /// Parses an ATX heading (up to three spaces, 1–6 `#`, a space); nil when the line is not one.
    static func heading(_ line: Substring) -> Heading? {
        let indent = line.prefix(while: { $0 == " " })
        guard indent.count <= 3 else { return nil }
        let afterIndent = line.dropFirst(indent.count)
        let hashes = afterIndent.prefix(while: { $0 == "#" })
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = afterIndent.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.trimmed
        var attributes: HeadingAttributes?
        if title.hasSuffix("}"), let open = title.lastIndex(of: "{") {
            let inside = title[title.index(after: open)..<title.index(before: title.endIndex)]
            if var parsed = HeadingAttributes(parsing: inside) {
                if let brace = line.lastIndex(of: "{") {
                    parsed.column = line[line.startIndex..<brace].scalarCount + 1
                }
                attributes = parsed
                title = String(title[..<open]).trimmed
            }
        }
        return Heading(level: hashes.count, title: title, attributes: attributes)
    }

    /// Whether the line opens or closes a fenced code block: up to three spaces then ``` or ~~~.
    static func fence(_ line: Substring) -> (marker: Character, count: Int)? {
        let indent = line.prefix(while: { $0 == " " })
        guard indent.count <= 3 else { return nil }
        let rest = line.dropFirst(indent.count)
        guard let marker = rest.first, marker == "`" || marker == "~" else { return nil }
        let count = rest.prefix(while: { $0 == marker }).count
        return count >= 3 ? (marker, count) : nil
    }

    /// The text with every `<!-- … -->` removed (an unclosed comment runs to the end).
    static func withoutComments(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        var inComment = false
        return visiblePart(of: text[...], inComment: &inComment)
    }

    /// Whether a line ends inside an HTML comment, given whether it started inside one.
    static func endsInComment(_ line: Substring, startingInComment: Bool) -> Bool {
        var inComment = startingInComment
        _ = visiblePart(of: line, inComment: &inComment)
        return inComment
    }

    /// The part of a text outside HTML comments; `inComment` says whether the text starts inside one and
    /// is updated to whether it ends inside one. Works on UTF-8 bytes: the markers are ASCII, so they never
    /// match inside a multi-byte character.
    static func visiblePart(of text: Substring, inComment: inout Bool) -> String {
        let bytes = Array(text.utf8)
        var visible: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if inComment {
                guard let close = find(closeMarker, in: bytes, from: index) else { return String(decoding: visible, as: UTF8.self) }
                index = close + closeMarker.count
                inComment = false
            } else {
                guard let open = find(openMarker, in: bytes, from: index) else {
                    visible += bytes[index...]
                    break
                }
                visible += bytes[index..<open]
                index = open + openMarker.count
                inComment = true
            }
        }
        return String(decoding: visible, as: UTF8.self)
    }

    private static let openMarker = Array("<!--".utf8)
    private static let closeMarker = Array("-->".utf8)

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}

/// A Pandoc-style heading attribute: `{#problem source=1a2b3c4d}` or `{lang=en}`.
struct HeadingAttributes {
    /// The `#key` token, without `#`.
    var identifier: String?
    /// `key=value` tokens, in order.
    var pairs: [(key: String, value: String)]
    /// `.class` tokens, without `.`.
    var classes: [String]
    /// The 1-based column of the `{`.
    var column = 1

    /// Parses the text between the braces; nil when a token is not an attribute, in which case the braces
    /// are part of the title.
    init?(parsing inside: Substring) {
        identifier = nil
        pairs = []
        classes = []
        let tokens = inside.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !tokens.isEmpty else { return nil }
        for token in tokens {
            if token.hasPrefix("#"), token.count > 1 {
                identifier = String(token.dropFirst())
            } else if token.hasPrefix("."), token.count > 1 {
                classes.append(String(token.dropFirst()))
            } else if let equals = token.firstIndex(of: "="), equals != token.startIndex {
                var value = token[token.index(after: equals)...]
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
                pairs.append((String(token[..<equals]), String(value)))
            } else {
                return nil
            }
        }
    }

    func value(_ key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// The attribute written back, `{#key a=b}`, with `source` set to `hash` (added at the end if absent).
    func writing(source hash: String) -> String {
        var tokens: [String] = []
        if let identifier { tokens.append("#" + identifier) }
        tokens += classes.map { "." + $0 }
        var replaced = false
        for pair in pairs {
            if pair.key == "source" {
                if !replaced { tokens.append("source=" + hash) }
                replaced = true
            } else {
                tokens.append(pair.key + "=" + pair.value)
            }
        }
        if !replaced { tokens.append("source=" + hash) }
        return "{" + tokens.joined(separator: " ") + "}"
    }
}
