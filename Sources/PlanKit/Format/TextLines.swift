/// A text split into lines that keep their own line breaks (LF, CRLF or CR), so that edits to some lines
/// give back every other byte unchanged.
struct TextLines {
    private(set) var byteOrderMark: Bool
    /// Each line's content (without the break).
    private(set) var contents: [Substring]
    private(set) var breaks: [String]

    init(_ text: String) {
        var scalars = text.unicodeScalars[...]
        byteOrderMark = scalars.first == "\u{FEFF}"
        if byteOrderMark { scalars = scalars.dropFirst() }
        let rest = Substring(scalars)
        contents = []
        breaks = []
        var start = rest.startIndex
        var index = rest.unicodeScalars.startIndex
        let view = rest.unicodeScalars
        while index < view.endIndex {
            let scalar = view[index]
            if scalar == "\n" || scalar == "\r" {
                let next = view.index(after: index)
                if scalar == "\r", next < view.endIndex, view[next] == "\n" {
                    contents.append(rest[start..<index])
                    breaks.append("\r\n")
                    index = view.index(after: next)
                } else {
                    contents.append(rest[start..<index])
                    breaks.append(String(scalar))
                    index = next
                }
                start = index
            } else {
                index = view.index(after: index)
            }
        }
        if start < rest.endIndex || contents.isEmpty {
            contents.append(rest[start...])
            breaks.append("")
        }
    }

    /// The line break used most in the text (LF when there is none).
    var preferredBreak: String {
        let crlf = breaks.filter { $0 == "\r\n" }.count
        return crlf * 2 > breaks.filter({ !$0.isEmpty }).count ? "\r\n" : "\n"
    }

    /// Replaces everything from `column` (1-based, in Unicode scalars) to the end of file line `line`.
    mutating func replaceAttribute(onLine line: Int, column: Int, with replacement: String) {
        let index = line - 1
        guard contents.indices.contains(index) else { return }
        let content = contents[index]
        let scalars = content.unicodeScalars
        guard let cut = scalars.index(scalars.startIndex, offsetBy: column - 1, limitedBy: scalars.endIndex) else { return }
        let kept = String(content.unicodeScalars[scalars.startIndex..<cut])
        let updated = kept + replacement
        contents[index] = updated[...]
    }

    /// Inserts lines (without breaks) before line index `index` (0-based), using `lineBreak`.
    mutating func insert(_ newLines: [String], at index: Int, lineBreak: String) {
        var position = min(max(index, 0), contents.count)
        if position == contents.count, let last = breaks.indices.last, breaks[last].isEmpty {
            if contents[last].isEmpty {
                contents.removeLast()
                breaks.removeLast()
                position -= 1
            } else {
                breaks[last] = lineBreak
            }
        }
        contents.insert(contentsOf: newLines.map { $0[...] }, at: position)
        breaks.insert(contentsOf: Array(repeating: lineBreak, count: newLines.count), at: position)
    }

    /// Replaces the content of line index `index` (0-based).
    mutating func replace(lineAt index: Int, with content: String) {
        guard contents.indices.contains(index) else { return }
        contents[index] = content[...]
    }

    func joined() -> String {
        var result = byteOrderMark ? "\u{FEFF}" : ""
        for (content, lineBreak) in zip(contents, breaks) {
            result += content
            result += lineBreak
        }
        return result
    }
}
