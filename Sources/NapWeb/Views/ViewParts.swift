import PlanKit

/// A text as a page shows it: the `lang` attribute when it differs from the page's, and the visible note
/// when it stands in for a missing translation or is in another language than the page.
struct LangText {
    let text: String
    let lang: String?
    let note: String?
    let fallback: Bool
    var isLast = false

    /// Plan content picked for the page's language (a title, an institution).
    static func plan(_ shown: ShownText, page: PageContext) -> LangText {
        let other = shown.language.flatMap { $0 == page.language ? nil : $0 }
        return LangText(text: shown.text, lang: other, note: shown.isFallback ? page.words["untranslatedNote"] : nil,
                        fallback: shown.isFallback)
    }

    /// Plan content in one language, shown as it is (`nil` language: language-neutral).
    static func neutral(_ text: String) -> LangText {
        LangText(text: text, lang: nil, note: nil, fallback: false)
    }

    /// Text people wrote (no translation exists): its language is guessed, and when it is not the page's,
    /// the text is marked with its language and a note says so.
    static func written(_ text: String, page: PageContext) -> LangText {
        let language = TextLanguage.guess(text, languages: page.content.languages)
        guard language != page.language else { return LangText(text: text, lang: nil, note: nil, fallback: false) }
        return LangText(text: text, lang: language, note: page.words.format("inOtherLanguage", Words.languageName(language)),
                        fallback: false)
    }
}

/// Marks the last element of a list, for separators in templates (`{{^isLast}}, {{/isLast}}`).
protocol Listable {
    var isLast: Bool { get set }
}

extension LangText: Listable {}

extension Array where Element: Listable {
    func markingLast() -> [Element] {
        var copy = self
        if !copy.isEmpty { copy[copy.count - 1].isLast = true }
        return copy
    }
}

/// A link with its label; `current` marks the page one is on.
struct Link: Listable {
    let label: String
    let href: String
    var current = false
    var isLast = false
}

/// A short status mark (`signed`, `stale`, `merged`), with its CSS kind and an optional explanation.
struct Badge {
    let label: String
    let kind: String
    let detail: String?
}

/// A proposal named by a link: its slug and the page.
struct ProposalLink: Listable {
    let slug: String
    let href: String
    var isLast = false
}

/// An author as the site names them: name and sector, never an address.
struct PersonLabel: Listable {
    let name: String
    let sector: String
    var isLast = false
}

extension Badge {
    /// The badge for an event's signature, judged against the author's registered key.
    static func signature(_ check: SignatureCheck?, words: Words) -> Badge? {
        guard let check else { return nil }
        switch check.verdict {
        case .good: return Badge(label: words["signatureGood"], kind: "good", detail: check.fingerprint)
        case .unsigned: return Badge(label: words["signatureUnsigned"], kind: "unsigned", detail: nil)
        case .invalid: return Badge(label: words["signatureInvalid"], kind: "invalid", detail: nil)
        case .wrongKey: return Badge(label: words["signatureWrongKey"], kind: "wrong-key", detail: check.fingerprint)
        }
    }

    /// The badge for a version tag's signature.
    static func signature(_ status: VersionSignatureStatus, words: Words) -> Badge {
        switch status {
        case .good(let fingerprint): Badge(label: words["signatureGood"], kind: "good", detail: fingerprint)
        case .wrongKey(let fingerprint): Badge(label: words["signatureWrongKey"], kind: "wrong-key", detail: fingerprint)
        case .invalid: Badge(label: words["signatureInvalid"], kind: "invalid", detail: nil)
        case .notChecked: Badge(label: words["signatureNotChecked"], kind: "unsigned", detail: nil)
        case .unsigned(let required): Badge(label: words[required ? "unsignedRequired" : "signatureUnsigned"], kind: required ? "bad" : "unsigned", detail: nil)
        }
    }
}

extension LangText: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("text", text)
        fields.add("lang", lang)
        fields.add("note", note)
        fields.add("fallback", fallback)
        fields.add("isLast", isLast)
    }
}

extension Link: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("label", label)
        fields.add("href", href)
        fields.add("current", current)
        fields.add("isLast", isLast)
    }
}

extension Badge: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("label", label)
        fields.add("kind", kind)
        fields.add("detail", detail)
    }
}

extension ProposalLink: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("slug", slug)
        fields.add("href", href)
        fields.add("isLast", isLast)
    }
}

extension PersonLabel: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("name", name)
        fields.add("sector", sector)
        fields.add("isLast", isLast)
    }
}
