/// Text that came from users (comments, titles, names), made safe to show on a terminal: control
/// characters (escape sequences), and bidirectional overrides that could disguise text, are shown as
/// visible `\u{…}` escapes instead of being interpreted. Tabs and (when allowed) newlines are kept.
enum SafeText {
    static func display(_ text: String, keepNewlines: Bool = true) -> String {
        if !needsEscaping(text, keepNewlines: keepNewlines) { return text }
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

    /// True when `display` would change `text`: a scan of its UTF-8 bytes for the characters it escapes
    /// (most text has none, and is then returned as it is, without being rebuilt).
    static func needsEscaping(_ text: String, keepNewlines: Bool) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x09: continue
            case 0x0A: if !keepNewlines { return true }
            case 0x00...0x1F, 0x7F: return true
            case 0xC2: if let next = utf8.next(), (0x80...0x9F).contains(next) { return true } // C1 controls
            case 0xD8: if utf8.next() == 0x9C { return true } // U+061C
            case 0xE2:
                switch (utf8.next(), utf8.next()) {
                case (0x80, let last?) where last == 0x8E || last == 0x8F || (0xAA...0xAE).contains(last): return true // U+200E, U+200F, U+202A…U+202E
                case (0x81, let last?) where (0xA6...0xA9).contains(last): return true // U+2066…U+2069
                default: continue
                }
            default: continue
            }
        }
        return false
    }

    /// One line: newlines shown as `⏎`.
    static func line(_ text: String) -> String {
        let shown = display(text, keepNewlines: false)
        // Only an escape can hold `\u{A}`; most lines have no backslash at all.
        return shown.utf8.contains(0x5C) ? shown.replacingOccurrences(of: "\\u{A}", with: " ⏎ ") : shown
    }
}
