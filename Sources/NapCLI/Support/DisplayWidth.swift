/// How many terminal columns text takes: East Asian wide and fullwidth characters (Chinese, Japanese,
/// Korean, fullwidth punctuation) take two, combining marks none. Used to align tables of Chinese text.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    static func width(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        // Fast paths (no Unicode property lookup): below U+0300 there are no combining marks; the CJK
        // ideographs and Hangul syllables are all wide letters.
        if v < 0x300 { return 1 }
        if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
        if v == 0x200B || (0x200C...0x200F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// `text` padded with spaces to `columns`, or cut (ending in `…`) to fit.
    static func fit(_ text: String, _ columns: Int) -> String {
        let total = of(text)
        if total <= columns { return text + String(repeating: " ", count: columns - total) }
        var out = ""
        var width = 0
        for character in text {
            let w = of(String(character))
            if width + w > columns - 1 { break }
            out.append(character)
            width += w
        }
        return out + "…" + String(repeating: " ", count: max(0, columns - 1 - width))
    }
}
