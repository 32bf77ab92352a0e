/// Writes a text as a YAML scalar that reads back as exactly that text: plain when that is safe (most
/// titles and names, Chinese included), otherwise double-quoted with escapes.
enum YAMLScalar {
    static func render(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    /// Like `render`, but an empty text is written `""` (a value, not a missing one).
    static func quotedIfNeeded(_ text: String) -> String {
        text.isEmpty ? "\"\"" : render(text)
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            case "\u{FEFF}": result += "\\uFEFF"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value):
                let digits = String(scalar.value, radix: 16, uppercase: true)
                result += "\\x" + (digits.count == 1 ? "0" : "") + digits
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Plain is safe when the text cannot be read as anything but this string: no indicator at the start,
    /// no `: ` or ` #`, no surrounding spaces, no control characters, and nothing YAML 1.1 would turn into a
    /// number, boolean, null or date.
    private static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first.properties.isWhitespace || last.properties.isWhitespace {
            return false
        }
        if last == ":" || text.contains(": ") || text.contains(" #") || text.contains("\t") { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value)
            || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}" }) {
            return false
        }
        let reserved: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"]
        if reserved.contains(text.lowercased()) { return false }
        return !looksLikeNumberOrDate(text)
    }

    /// YAML 1.1 integers, floats (also sexagesimal, hex, octal, binary, .inf, .nan) and timestamps.
    private static func looksLikeNumberOrDate(_ text: String) -> Bool {
        let lowercased = text.lowercased()
        if [".inf", "-.inf", "+.inf", ".nan"].contains(lowercased) { return true }
        if text.wholeMatch(of: #/[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?/#) != nil { return true }
        if text.wholeMatch(of: #/[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?/#) != nil { return true }
        if text.wholeMatch(of: #/[-+]?0[xXoObB][0-9a-fA-F_]+/#) != nil { return true }
        return text.prefixMatch(of: #/[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/#) != nil
    }
}
