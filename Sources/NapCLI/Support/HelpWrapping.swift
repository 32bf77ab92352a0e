import Foundation

/// Help text re-wrapped by display width. ArgumentParser wraps help at spaces and counts characters, so a
/// line of Chinese (no spaces, two columns a character) runs far past the terminal's edge; this breaks
/// such lines between Chinese characters (never before closing punctuation such as ，。）」), and indents
/// the continuation like ArgumentParser does (under the description column for an option).
enum HelpWrapping {
    /// The column an option's description starts at in ArgumentParser's help.
    static let descriptionColumn = 26

    /// `text` with every line wider than `width` columns broken; narrower lines are kept as they are.
    /// A line starting with one of `hanging` (`用法：`) continues under the text after it.
    static func wrap(_ text: String, width: Int = terminalWidth, hanging: [String] = []) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let line = String(line)
            let prefix = hanging.first { !$0.isEmpty && line.hasPrefix($0) }
            return wrapLine(line, width: width, hangingIndent: prefix.map { DisplayWidth.of($0) })
        }.joined(separator: "\n")
    }

    /// The terminal's width for standard output, else `COLUMNS`, else 80 (as ArgumentParser decides).
    static var terminalWidth: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    private static let noBreakBefore: Set<Character> = ["，", "。", "、", "：", "；", "）", "」", "』", "！", "？", "…", "／"]
    private static let noBreakAfter: Set<Character> = ["（", "「", "『", "／"]

    static func wrapLine(_ line: String, width: Int, hangingIndent: Int? = nil) -> String {
        guard DisplayWidth.of(line) > width else { return line }
        let leading = line.prefix { $0 == " " }.count
        let isOption = leading == 2 && (line.dropFirst(2).first == "-" || line.dropFirst(2).first == "<")
            && line.count > descriptionColumn && DisplayWidth.of(String(line.prefix(descriptionColumn))) == descriptionColumn
        let indent = String(repeating: " ", count: hangingIndent ?? (isOption ? descriptionColumn : leading))
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var breakAt: String.Index?
        for character in line {
            let w = DisplayWidth.of(String(character))
            if currentWidth + w > width, let cut = breakAt, cut > current.startIndex {
                let head = String(current[..<cut])
                let tail = String(current[cut...]).drop { $0 == " " }
                lines.append(head.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
                current = indent + tail
                currentWidth = DisplayWidth.of(current)
                breakAt = nil
            }
            // A break may come before this character: after a space, or between wide characters.
            if !current.isEmpty, currentWidth >= indent.count, !noBreakBefore.contains(character), !(current.last.map(noBreakAfter.contains) ?? false),
               character == " " || w == 2 || (current.last.map { DisplayWidth.of(String($0)) == 2 } ?? false) {
                breakAt = current.endIndex
            }
            current.append(character)
            currentWidth += w
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
