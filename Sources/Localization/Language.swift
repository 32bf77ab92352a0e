import Foundation

/// A language nap speaks to people in: its own messages (errors, hints, listings' headers, help) and the
/// chrome of its web pages. English is the fallback for anything not translated and for languages nap does
/// not speak. Plan content has its own languages (plan.yml); this is only about what nap says.
public enum Language: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case traditionalChinese = "zh-Hant"

    /// The BCP 47 tag (`lang` attributes, `--lang`, `NAP_LANG`).
    public var tag: String { rawValue }

    /// The language a POSIX locale name or BCP 47 tag asks for, or nil when nap does not speak it.
    /// `zh_TW.UTF-8`, `zh_HK`, `zh-Hant`, `zh-Hant-TW`, `zh-TW`, `zh` → Traditional Chinese; `en_GB.UTF-8`, `en`,
    /// `C`, `POSIX` → English; `zh_CN`, `zh-Hans`, `zh_SG`, `fr_FR` → nil (English is the fallback).
    public static func matching(_ name: String) -> Language? {
        var value = name.trimmingCharacters(in: .whitespaces)
        // `zh_TW.UTF-8@variant`: the codeset and modifier do not choose the language.
        if let cut = value.firstIndex(where: { $0 == "." || $0 == "@" }) { value = String(value[..<cut]) }
        let parts = value.replacingOccurrences(of: "_", with: "-").lowercased().split(separator: "-").map(String.init)
        guard let first = parts.first else { return nil }
        switch first {
        case "c", "posix", "en": return .english
        case "zh":
            let rest = Set(parts.dropFirst())
            if rest.contains("hans") || rest.contains("cn") || rest.contains("sg") { return nil }
            return .traditionalChinese
        default: return nil
        }
    }

    /// The language the environment asks for, by the POSIX rules and GNU gettext's `LANGUAGE` list:
    /// `NAP_LANG` first (nap's own override), then the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` chooses
    /// the locale; unless that locale is `C`/`POSIX` (or unset), `LANGUAGE` (a colon-separated list of
    /// preferences) is tried before it. Anything nap does not speak gives English.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        if let override = environment["NAP_LANG"], !override.isEmpty {
            return matching(override) ?? .english
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let locale else { return .english }
        let isPlain = ["c", "posix"].contains(locale.split(separator: ".").first.map { $0.lowercased() } ?? "")
        if !isPlain, let list = environment["LANGUAGE"], !list.isEmpty {
            for name in list.split(separator: ":") {
                if let language = matching(String(name)) { return language }
            }
        }
        return matching(locale) ?? .english
    }

    /// The language of this process's messages: set once by a front at start-up (`--lang`, the
    /// environment), read everywhere a message is shown. English until set.
    public static var current: Language {
        get { CurrentLanguage.lock.withLock { CurrentLanguage.value } }
        set { CurrentLanguage.lock.withLock { CurrentLanguage.value = newValue } }
    }
}

/// The storage behind `Language.current`.
private enum CurrentLanguage {
    static let lock = NSLock()
    nonisolated(unsafe) static var value: Language = .english
}
