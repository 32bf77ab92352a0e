/// Text that came from users (comments, titles, names), made safe to show on a terminal: control
/// characters (escape sequences), and bidirectional overrides that could disguise text, are shown as
/// visible `\u{…}` escapes instead of being interpreted. Tabs and (when allowed) newlines are kept.
enum SafeText {
    static func display(_ text: String, keepNewlines: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines:
                out.unicodeScalars.append(scalar)
            case 0x09:
                out.unicodeScalars.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, // C0 and C1 controls, including ESC and CSI
                 0x200E, 0x200F, 0x061C, // directional marks
                 0x202A...0x202E, // embeddings and overrides
                 0x2066...0x2069: // isolates
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One line: newlines shown as `⏎`.
    static func line(_ text: String) -> String {
        display(text, keepNewlines: false).replacingOccurrences(of: "\\u{A}", with: " ⏎ ")
    }
}
