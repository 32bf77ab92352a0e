import PlanKit

/// Where a page is being rendered: the site's content, the page's language and its path, with the
/// relative links from it to every other page.
struct PageContext {
    let content: SiteContent
    let language: String
    let words: Words
    /// The page's path under its language folder: `proposals/open-data.html`.
    let path: String
    /// Served by `nap serve`: the page carries links to its forms ("comment on this"), and the server sends
    /// the Content-Security-Policy as a header instead of the static site's meta tag (which forbids forms).
    let served: Bool

    init(content: SiteContent, language: String, path: String, served: Bool = false) {
        self.content = content
        self.language = language
        self.words = Words(language: language)
        self.path = path
        self.served = served
    }

    /// The link to one of the server's own pages (`comment`, `sign-in`) of this language, with its query;
    /// nil on the static site, which has no forms.
    func serverLink(_ page: String, query: [(String, String)] = []) -> String? {
        guard served else { return nil }
        return link(page) + ServerLinks.query(query)
    }

    /// The page's path in the site: `en/proposals/open-data.html`.
    var sitePath: String { SitePaths.page(path, language: language) }

    /// The link to another page of the same language.
    func link(_ page: String) -> String {
        SitePaths.relative(from: sitePath, to: SitePaths.page(page, language: language))
    }

    /// The link to a file of the site outside the language folders (assets, downloads).
    func file(_ sitePath: String) -> String {
        SitePaths.relative(from: self.sitePath, to: sitePath)
    }

    /// The link to a commitment's page.
    func commitmentLink(_ id: String) -> String { link(SiteLayout.commitmentPath(id)) }

    /// The link to a proposal's page by slug, when it has one.
    func proposalLink(slug: String) -> String? {
        content.proposal(slug: slug).map { link($0.path) }
    }

    /// Markdown through the safe subset (made once per build for every page that shows it).
    func prose(_ markdown: String, headingLevel: Int = 4) -> TrustedHTML {
        content.memo.prose(markdown, headingLevel: headingLevel)
    }

    /// A name and sector, as an author is shown.
    func sector(of author: EventAuthor) -> String {
        words.sector(author.isPublic ? "public" : author.sector)
    }

    /// The plan's title in the page's language.
    var planTitle: String {
        CommitmentPresentation.pick(content.plan.title, language: language, plan: content.plan)?.text ?? "nap"
    }
}

/// The query part of a link to one of the server's pages, each value percent-encoded.
enum ServerLinks {
    static func query(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { $0.0 + "=" + encode($0.1) }.joined(separator: "&")
    }

    static func encode(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            let safe = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
            let hex = Array("0123456789ABCDEF")
            out += safe ? String(UnicodeScalar(byte)) : "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
        }
        return out
    }
}

/// The site's fixed pages and the paths of its generated ones.
enum SiteLayout {
    static let home = "index.html"
    static let commitments = "commitments/index.html"
    static let proposals = "proposals/index.html"
    static let versions = "versions/index.html"
    static let responses = "responses.html"
    static let forum = "forum.html"
    static let participate = "participate.html"
    static let verify = "verify.html"
    static let accessibility = "accessibility.html"
    static let feed = "feed.atom"
    static let unpublished = "versions/unpublished-changes.html"
    static let process = "process.html"
    static let implementation = "implementation.html"

    static func commitmentPath(_ id: String) -> String { "commitments/\(SitePaths.safeName(id)).html" }
    static func versionPath(_ name: String) -> String { "versions/\(name).html" }
    static func versionChangesPath(_ name: String) -> String { "versions/\(name)-changes.html" }
    static func proposalFilterPath(_ filter: String) -> String { "proposals/\(filter).html" }
    static func meetingPath(_ name: String) -> String { "meetings/\(name).html" }
    /// A proposal's page of the response report: `responses/<slug>.html`, beside its `proposals/<slug>.html`.
    static func responsesPath(of proposal: SiteContent.Proposal) -> String {
        "responses/" + (proposal.path.split(separator: "/").last.map(String.init) ?? SitePaths.safeName(proposal.id) + ".html")
    }

    static let responsesCSV = SitePaths.downloads + "/responses.csv"
    static let responsesJSON = SitePaths.downloads + "/responses.json"
    static func planDownload(_ name: String, format: String) -> String { SitePaths.downloads + "/plan-\(name).\(format)" }

    /// The main navigation: (word, page).
    static let navigation: [(word: String, page: String)] = [
        ("home", home), ("commitments", commitments), ("proposals", proposals), ("versions", versions),
        ("responses", responses), ("process", process), ("forum", forum), ("howToTakePart", participate),
    ]
}
