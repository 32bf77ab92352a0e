import Foundation
import Localization
import Mustache
import PlanKit

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

    // The domain's words (sectors, roles, states, dispositions): in Chinese from nap's message catalogs
    // through PlanKit's `MessageWords`, the one source the command line uses too (docs/GLOSSARY.md); in
    // English as the site writes them for readers (capitalised, in words rather than identifiers).

    /// A word of the catalogs in Chinese (resolved once: `kind` and `name` say which), else the
    /// site's English.
    private func word(_ kind: ResolvedWords.Kind, _ name: String, _ english: String) -> String {
        chinese ? Words.catalogWords.chinese(kind, name) : english
    }

    /// The catalogs' Chinese for the domain's words, each resolved once: resolving a message looks it up
    /// and formats it anew, and the pages of a national record name a sector or a disposition a few
    /// hundred thousand times.
    private static let catalogWords = ResolvedWords()

    /// A sector as readers say it.
    func sector(_ sector: String) -> String {
        switch sector {
        case "government": word(.sector, sector, "Government")
        case "civil-society": word(.sector, sector, "Civil society")
        case "legislature": word(.sector, sector, "Legislature")
        case "private-sector": word(.sector, sector, "Private sector")
        case "academia": word(.sector, sector, "Academia")
        case "public": word(.sector, sector, "Public")
        default: sector
        }
    }

    /// A member's role.
    func role(_ role: String) -> String {
        switch role {
        case "co-chair": word(.role, role, "Co-chair")
        case "member": word(.role, role, "Member")
        case "reviewer": word(.role, role, "Reviewer")
        case "observer": word(.role, role, "Observer")
        default: role
        }
    }

    /// A trailer's `Name (government co-chair)` with the role in the page's language.
    func approval(_ text: String) -> String {
        guard chinese else { return text }
        var result = text
        for approver in [Policy.Approver.governmentCoChair, .civilSocietyCoChair] {
            result = result.replacingOccurrences(of: "(\(approver.label))",
                                                 with: "（" + MessageWords.approver(approver).resolved(in: .traditionalChinese) + "）")
        }
        return result
    }

    /// A proposal state.
    func state(_ state: String) -> String {
        switch state {
        case "open": word(.status, state, "Open")
        case "merged": word(.status, state, "Merged")
        case "withdrawn": word(.status, state, "Withdrawn")
        default: state
        }
    }

    /// A disposition of a reasoned response.
    func disposition(_ disposition: String) -> String {
        switch disposition {
        case "adopted": word(.disposition, disposition, "Adopted")
        case "adopted-in-part": word(.disposition, disposition, "Adopted in part")
        case "deferred": word(.disposition, disposition, "Deferred (kept in reserve)")
        case "not-adopted": word(.disposition, disposition, "Not adopted")
        case "out-of-scope": word(.disposition, disposition, "Out of scope")
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
