import PlanKit

/// One of `nap serve`'s own pages (a form, a message, a member's inbox): a template of
/// Resources/templates/ (`serve-*.mustache`) with its values, rendered inside the site's frame with the
/// site's header, navigation and language switch. Values are escaped by the template engine like every
/// page's; `t` (the site's words in the page's language) is added.
public struct ServedPage {
    /// The template's name, e.g. `serve-comment`.
    public let template: String
    /// The page's path under its language folder (`comment`), for the frame's relative links and the
    /// language switch.
    public let path: String
    /// The name of the word that is the page's title.
    public let titleWord: String
    /// The template's values: strings, booleans, numbers, arrays and dictionaries of them.
    public let values: [String: Any]

    public init(template: String, path: String, titleWord: String, values: [String: Any]) {
        self.template = template
        self.path = path
        self.titleWord = titleWord
        self.values = values
    }
}

extension SiteRenderer {
    /// A server page in `language`, in the frame every page has; passes through the privacy filter.
    /// The language switch links to the same path (with no query) in the other languages.
    public func render(_ served: ServedPage, language: String) throws -> [UInt8] {
        let language = content.languages.contains(language) ? language : content.languages[0]
        let page = PageContext(content: content, language: language, path: served.path, served: true)
        var values = served.values
        values["t"] = page.words
        let body = try templates.render(values, with: served.template)
        let home = [Link(label: page.words["home"], href: page.link(SiteLayout.home))]
        let layout = LayoutView(page: page, title: page.words[served.titleWord], breadcrumbs: home, content: .rendered(body))
        return Array(privacy.scrub(try templates.render(layout, with: "layout")).utf8)
    }

    /// A part of a page (`serve-session`: who is signed in), without the frame, in `language`.
    public func fragment(_ template: String, language: String, values: [String: Any]) throws -> String {
        var values = values
        values["t"] = Words(language: language)
        return privacy.scrub(try templates.render(values, with: template))
    }

    /// The site's languages, the primary one first.
    public var languages: [String] { content.languages }

    /// The link from a server page at `path` (under a language folder) to a page of the site at `target`
    /// in the same language: what the server puts in its own pages' links.
    public static func link(from path: String, to target: String, language: String) -> String {
        SitePaths.relative(from: SitePaths.page(path, language: language), to: SitePaths.page(target, language: language))
    }

    /// The path of a commitment's page and of a proposal's page under a language folder.
    public static func commitmentPage(_ id: String) -> String { SiteLayout.commitmentPath(id) }

    /// The path of the page of the proposal with this id, when the site has one.
    public func proposalPage(id: String) -> String? { content.proposal(id: id)?.path }
}

/// The site's words, for the server's messages (refusals, confirmations) in both languages.
public enum SiteWords {
    /// The word `name` in `language` (Traditional Chinese for `zh-…`, English otherwise), each `%@`
    /// replaced by `values` in order.
    public static func word(_ name: String, language: String, _ values: String...) -> String {
        var text = Words(language: language)[name]
        for value in values {
            guard let range = text.range(of: "%@") else { break }
            text.replaceSubrange(range, with: value)
        }
        return text
    }

    /// A disposition of a reasoned response as readers say it.
    public static func disposition(_ value: String, language: String) -> String {
        Words(language: language).disposition(value)
    }

    /// Whether the table has this word (tests).
    public static func has(_ name: String) -> Bool { WordTable.entries[name] != nil }
}
