/// The language of a text people wrote (a comment, a proposal's title), which nap does not record: text
/// with Han characters is taken as Chinese, other text as English. Used for `lang` attributes, so that
/// screen readers and fonts follow the text, and for the note that says a text is in another language.
enum TextLanguage {
    static func guess(_ text: String, languages: [String]) -> String {
        let chinese = languages.first { $0.lowercased().hasPrefix("zh") } ?? "zh-Hant"
        let other = languages.first { !$0.lowercased().hasPrefix("zh") } ?? "en"
        for scalar in text.unicodeScalars.prefix(2_000) where isHan(scalar) { return chinese }
        return other
    }

    private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3000...0x303F, 0xFF00...0xFFEF: true
        default: false
        }
    }
}
