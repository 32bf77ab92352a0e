import Localization

/// Checks the language codes a plan is written in: BCP-47 tags of the shape `language[-Script][-REGION]`
/// (`zh-Hant`, `en`, `zh-Hant-TW`, `en-GB`, `ami`), written in their canonical case so that they match
/// the keys used in the plan's files exactly.
public enum LanguageCode {
    /// The code's problem, or nil when nap accepts it.
    public static func problem(in code: String) -> Message? {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let language = parts.first, !language.isEmpty else { return L("the code is empty") }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else {
            return L("write it as language[-Script][-REGION] with ASCII letters, e.g. zh-Hant or en")
        }
        guard (2...3).contains(language.count), language.allSatisfy(\.isLetter) else {
            return L("'\(language)' is not a language subtag (two or three letters, e.g. zh, en, ami)")
        }
        if language.count == 2, !iso639_1.contains(language.lowercased()) {
            return L("'\(language)' is not an ISO 639-1 language")
        }
        var rest = parts.dropFirst()
        var canonical = [language.lowercased()]
        if let script = rest.first, script.count == 4, script.allSatisfy(\.isLetter) {
            canonical.append(script.prefix(1).uppercased() + script.dropFirst().lowercased())
            rest = rest.dropFirst()
        }
        if let region = rest.first,
           (region.count == 2 && region.allSatisfy(\.isLetter)) || (region.count == 3 && region.allSatisfy(\.isNumber)) {
            canonical.append(region.uppercased())
            rest = rest.dropFirst()
        }
        guard rest.isEmpty else {
            return L("'\(rest.joined(separator: "-"))' is not a script (4 letters, e.g. Hant) or a region (e.g. TW)")
        }
        let written = canonical.joined(separator: "-")
        guard written == code else { return L("write it as '\(written)'") }
        return nil
    }

    /// Whether nap accepts the code.
    public static func isValid(_ code: String) -> Bool { problem(in: code) == nil }

    /// A name for the languages nap's template is written in, for headings; nil for others.
    public static func name(of code: String) -> String? {
        switch code {
        case "zh-Hant", "zh-TW", "zh-Hant-TW": "繁體中文"
        case "en": "English"
        default: nil
        }
    }

    /// ISO 639-1 two-letter language codes.
    private static let iso639_1: Set<String> = [
        "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi", "bm",
        "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz",
        "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl",
        "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii",
        "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr",
        "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi",
        "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv",
        "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw",
        "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv",
        "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk",
        "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
    ]
}
