import Foundation
import Mustache

/// The site's own words in one language: Traditional Chinese for `zh-…`, English otherwise. Templates
/// read them as `{{t.name}}` (a test checks that every name used there is in the table); Swift code reads
/// them by name too. Plan content is never looked up here: it comes in its own languages.
struct Words: MustacheParent, Sendable {
    let language: String
    private let chinese: Bool

    init(language: String) {
        chinese = language.lowercased().hasPrefix("zh")
        self.language = language
    }

    /// The word `name`; the name itself when the table has no such word (a test prevents that).
    subscript(_ name: String) -> String {
        guard let entry = WordTable.entries[name] else { return name }
        return chinese ? entry.zh : entry.en
    }

    func child(named name: String) -> Any? {
        WordTable.entries[name].map { chinese ? $0.zh : $0.en }
    }

    /// `zh` for Chinese pages, `en` otherwise, for words built from data (counts, names).
    func pick(_ zh: String, _ en: String) -> String { chinese ? zh : en }

    /// `text` in parentheses, full-width on Chinese pages: `（內政部）`, ` (Ministry)`.
    func parenthesized(_ text: String) -> String { pick("（" + text + "）", " (" + text + ")") }

    /// The name of a language in that language: `繁體中文`, `English`.
    static func languageName(_ code: String) -> String {
        code.lowercased().hasPrefix("zh") ? "繁體中文" : code == "en" ? "English" : code
    }

    /// A sector as readers say it.
    func sector(_ sector: String) -> String {
        switch sector {
        case "government": pick("政府", "Government")
        case "civil-society": pick("公民社會", "Civil society")
        case "legislature": pick("立法機關", "Legislature")
        case "private-sector": pick("私部門", "Private sector")
        case "academia": pick("學界", "Academia")
        case "public": pick("民眾", "Public")
        default: sector
        }
    }

    /// A member's role.
    func role(_ role: String) -> String {
        switch role {
        case "co-chair": pick("共同主席", "Co-chair")
        case "member": pick("成員", "Member")
        case "reviewer": pick("審閱者", "Reviewer")
        case "observer": pick("觀察員", "Observer")
        default: role
        }
    }

    /// A trailer's `Name (government co-chair)` with the role in the page's language.
    func approval(_ text: String) -> String {
        guard chinese else { return text }
        return text.replacingOccurrences(of: "(government co-chair)", with: "（政府共同主席）")
            .replacingOccurrences(of: "(civil-society co-chair)", with: "（民間共同主席）")
    }

    /// A proposal state.
    func state(_ state: String) -> String {
        switch state {
        case "open": pick("進行中", "Open")
        case "merged": pick("已合併", "Merged")
        case "withdrawn": pick("已撤回", "Withdrawn")
        default: state
        }
    }

    /// A disposition of a reasoned response.
    func disposition(_ disposition: String) -> String {
        switch disposition {
        case "adopted": pick("採納", "Adopted")
        case "adopted-in-part": pick("部分採納", "Adopted in part")
        case "deferred": pick("列為備選", "Deferred (kept in reserve)")
        case "not-adopted": pick("不採納", "Not adopted")
        case "out-of-scope": pick("非本方案範圍", "Out of scope")
        case "none": pick("尚無回應", "No response yet")
        default: disposition
        }
    }
}

extension Words {
    /// The word `name` with each `%@` replaced, in order, by `values`.
    func format(_ name: String, _ values: String...) -> String {
        var text = self[name]
        for value in values {
            guard let range = text.range(of: "%@") else { break }
            text.replaceSubrange(range, with: value)
        }
        return text
    }
}
