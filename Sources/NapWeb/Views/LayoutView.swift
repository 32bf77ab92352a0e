/// The frame around every page: header with the language switch, navigation, footer.
struct LayoutView {
    struct Alternate {
        let lang: String
        let name: String
        let href: String
        let current: Bool
    }

    let lang: String
    let pageTitle: String
    let siteTitle: String
    let stylesheetHref: String
    let feedHref: String
    let homeHref: String
    let accessibilityHref: String
    let verifyHref: String
    let revisionNote: String
    let alternates: [Alternate]
    let nav: [Link]
    let hasBreadcrumbs: Bool
    let breadcrumbs: [Link]
    let contentHTML: TrustedHTML
    /// Served by `nap serve`: no CSP meta tag (the server sends its policy as a header, allowing its own
    /// forms), and a slot the server fills with the sign-in state of each request.
    let served: Bool
    let t: Words

    init(page: PageContext, title: String, breadcrumbs: [Link], content: TrustedHTML) {
        lang = page.language
        pageTitle = title
        siteTitle = page.planTitle
        stylesheetHref = page.file(SitePaths.stylesheet)
        feedHref = page.link(SiteLayout.feed)
        homeHref = page.link(SiteLayout.home)
        accessibilityHref = page.link(SiteLayout.accessibility)
        verifyHref = page.link(SiteLayout.verify)
        let commit = page.content.document.commit.map { " · " + $0.short() } ?? ""
        revisionNote = page.content.revision + commit
        alternates = page.content.languages.map { language in
            Alternate(lang: language, name: Words.languageName(language),
                      href: SitePaths.relative(from: page.sitePath, to: SitePaths.page(page.path, language: language)),
                      current: language == page.language)
        }
        nav = SiteLayout.navigation.map { item in
            Link(label: page.words[item.word], href: page.link(item.page), current: item.page == page.path)
        }
        hasBreadcrumbs = !breadcrumbs.isEmpty
        self.breadcrumbs = breadcrumbs
        contentHTML = content
        served = page.served
        t = page.words
    }
}

extension LayoutView: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("lang", lang)
        fields.add("pageTitle", pageTitle)
        fields.add("siteTitle", siteTitle)
        fields.add("stylesheetHref", stylesheetHref)
        fields.add("feedHref", feedHref)
        fields.add("homeHref", homeHref)
        fields.add("accessibilityHref", accessibilityHref)
        fields.add("verifyHref", verifyHref)
        fields.add("revisionNote", revisionNote)
        fields.add("alternates", alternates)
        fields.add("nav", nav)
        fields.add("hasBreadcrumbs", hasBreadcrumbs)
        fields.add("breadcrumbs", breadcrumbs)
        fields.add("contentHTML", contentHTML)
        fields.add("served", served)
        fields.add("t", t)
    }
}

extension LayoutView.Alternate: TemplateFields {
    func list(into fields: inout TemplateFieldList) {
        fields.add("lang", lang)
        fields.add("name", name)
        fields.add("href", href)
        fields.add("current", current)
    }
}
