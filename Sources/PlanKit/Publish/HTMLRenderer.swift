/// Renders a plan as one self-contained HTML page: inline style sheet, no fonts, scripts or images from
/// anywhere, a Content-Security-Policy that forbids them anyway. Every text from the plan is escaped;
/// prose goes through `ProseHTML` (a safe subset of Markdown). Each element in another language than
/// its surroundings carries a `lang` attribute.
public enum HTMLRenderer {
    /// The plan in `languages` (from `PlanDocument.languages(for:)`), as a complete HTML document.
    public static func render(_ document: PlanDocument, languages: [String]) -> String {
        let languages = languages.isEmpty ? (try? document.languages(for: .all)) ?? ["en"] : languages
        let page = HTMLPage(document: document, languages: languages)
        return page.render()
    }
}

/// HTML document scaffolding shared by the plan and the response report.
enum HTMLDocument {
    /// A complete page around `body`.
    static func page(language: String, title: String, body: String, wide: Bool = false) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(ProseHTML.escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="generator" content="nap">
        <title>\(ProseHTML.escape(title))</title>
        <style>
        \(HTMLStyle.sheet)
        </style>
        </head>
        <body\(wide ? " class=\"wide\"" : "")>
        \(body)
        </body>
        </html>

        """
    }

    /// Labels in every language, each in its own `lang` span: `<span lang="zh-Hant">期間</span> <span lang="en">Period</span>`.
    static func label(_ path: KeyPath<RenderLabels, String>, languages: [String], context: String) -> String {
        var seen = Set<String>()
        return languages.map(RenderLabels.init(language:)).filter { seen.insert($0.language).inserted }.map { labels in
            span(labels[keyPath: path], language: labels.language, context: context)
        }.joined(separator: " ")
    }

    /// Escaped text, wrapped in a `lang` span when its language differs from the surrounding one.
    static func span(_ text: String, language: String?, context: String, classes: String? = nil) -> String {
        let escaped = ProseHTML.escape(text)
        guard let language, language != context else {
            return classes.map { "<span class=\"\($0)\">\(escaped)</span>" } ?? escaped
        }
        let classAttribute = classes.map { " class=\"\($0)\"" } ?? ""
        return "<span lang=\"\(ProseHTML.escape(language))\"\(classAttribute)>\(escaped)</span>"
    }
}

private struct HTMLPage {
    let document: PlanDocument
    let languages: [String]
    var plan: Plan { document.plan }
    var first: String { languages[0] }

    func render() -> String {
        var body: [String] = [header()]
        if let introduction = introduction() { body.append(introduction) }
        if let development = DevelopmentSection.html(document.development, languages: languages) { body.append(development) }
        body.append(contents())
        body += document.commitments.map(commitment)
        body.append(colophon())
        let title = PlanText.pick(plan.title, language: first, plan: plan)?.text ?? ""
        return HTMLDocument.page(language: first, title: title, body: body.joined(separator: "\n"))
    }

    private func label(_ path: KeyPath<RenderLabels, String>) -> String {
        HTMLDocument.label(path, languages: languages, context: first)
    }

    private func piece(_ piece: Piece?, context: String) -> String {
        guard let piece else { return RenderLabels(language: context).none }
        var html = HTMLDocument.span(piece.text, language: piece.language, context: context, classes: piece.isFallback ? "fallback" : nil)
        if piece.isFallback {
            html += " <span class=\"fallback-note\">(" + ProseHTML.escape(RenderLabels(language: context).untranslated) + ")</span>"
        }
        return html
    }

    private func prose(_ piece: Piece, context: String) -> String {
        let blocks = ProseHTML.blocks(piece.text)
        guard let language = piece.language, language != context else { return "<div class=\"prose\">\(blocks)</div>" }
        let note = piece.isFallback
            ? "<p class=\"fallback-note\">(" + ProseHTML.escape(RenderLabels(language: context).untranslated) + ")</p>" : ""
        return note + "<div class=\"prose\(piece.isFallback ? " fallback" : "")\" lang=\"\(ProseHTML.escape(language))\">\(blocks)</div>"
    }

    private func header() -> String {
        var lines = ["<header class=\"plan-header\">"]
        let eyebrow = [plan.country] + (document.version.map { [$0] } ?? [])
        lines.append("<p class=\"eyebrow\">" + eyebrow.map(ProseHTML.escape).joined(separator: " · ") + "</p>")
        for (index, language) in languages.enumerated() {
            let title = piece(PlanText.pick(plan.title, language: language, plan: plan), context: language)
            let attribute = language == first ? "" : " lang=\"\(ProseHTML.escape(language))\""
            lines.append(index == 0 ? "<h1>\(title)</h1>" : "<p class=\"subtitle\"\(attribute)>\(title)</p>")
        }
        lines.append("<dl class=\"facts\">")
        lines.append("<dt>\(label(\.country))</dt><dd>\(ProseHTML.escape(plan.country))</dd>")
        let period = plan.period.map { "\($0.start) – \($0.end)" } ?? RenderLabels(language: first).none
        lines.append("<dt>\(label(\.period))</dt><dd>\(ProseHTML.escape(period))</dd>")
        lines.append("<dt>\(label(\.commitmentCount))</dt><dd>\(document.commitments.count)</dd>")
        if let version = document.version ?? document.revision {
            let commit = document.commit.map { " <code>\($0.short())</code>" } ?? ""
            lines.append("<dt>\(label(\.version))</dt><dd>\(ProseHTML.escape(version))\(commit)</dd>")
        }
        lines.append("</dl>")
        lines.append("</header>")
        return lines.joined(separator: "\n")
    }

    private func introduction() -> String? {
        let texts = languages.compactMap { language in
            PlanText.prose(plan.introduction, language: language, plan: plan).map { (language, $0) }
        }
        guard !texts.isEmpty else { return nil }
        var lines = ["<section class=\"introduction\">", "<h2>\(label(\.introduction))</h2>"]
        for (language, text) in texts {
            let attribute = language == first ? "" : " lang=\"\(ProseHTML.escape(language))\""
            lines.append("<div class=\"intro-version\"\(attribute)>\(prose(text, context: language))</div>")
        }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    private func contents() -> String {
        var lines = ["<nav class=\"toc\">", "<h2>\(label(\.contents))</h2>"]
        for (area, commitments) in document.commitmentsByArea {
            if document.commitmentsByArea.count > 1 || area != nil {
                lines.append("<h3>\(label(\.area)) \(ProseHTML.escape(area ?? "—"))</h3>")
            }
            lines.append("<ol>")
            lines += commitments.map(contentsItem)
            lines.append("</ol>")
        }
        lines.append("</nav>")
        return lines.joined(separator: "\n")
    }

    private func contentsItem(_ commitment: Commitment) -> String {
        var lines: [String] = []
        do {
            let titles = languages.enumerated().map { index, language in
                let title = piece(PlanText.pick(commitment.title, language: language, plan: plan), context: first)
                return index == 0 ? "<span class=\"toc-title\">\(title)</span>" : "<span class=\"toc-alt\">\(title)</span>"
            }
            lines.append("<li><a href=\"#\(anchor(commitment.id))\"><span class=\"id\">\(ProseHTML.escape(commitment.id))</span> "
                         + titles.joined() + "</a></li>")
        }
        return lines.joined(separator: "\n")
    }

    private func anchor(_ id: String) -> String { "commitment-" + ProseHTML.escape(id) }

    private func commitment(_ commitment: Commitment) -> String {
        var lines = ["<article class=\"commitment\" id=\"\(anchor(commitment.id))\">", "<header>"]
        lines.append("<p class=\"commitment-id\">\(ProseHTML.escape(commitment.id))</p>")
        for (index, language) in languages.enumerated() {
            let title = piece(PlanText.pick(commitment.title, language: language, plan: plan), context: language)
            let attribute = language == first ? "" : " lang=\"\(ProseHTML.escape(language))\""
            lines.append(index == 0 ? "<h2>\(title)</h2>" : "<p class=\"alt-title\"\(attribute)>\(title)</p>")
        }
        lines.append("</header>")
        for language in languages {
            lines.append(version(CommitmentView(commitment, language: language, plan: plan)))
        }
        lines.append("</article>")
        return lines.joined(separator: "\n")
    }

    /// One commitment in one language: every field, the prose, the milestones and the contact.
    private func version(_ view: CommitmentView) -> String {
        let language = view.language
        let labels = view.labels
        let attribute = language == first ? "" : " lang=\"\(ProseHTML.escape(language))\""
        var lines = ["<section class=\"language-version\"\(attribute)>"]
        if languages.count > 1 {
            lines.append("<p class=\"language-name\">\(ProseHTML.escape(labels.languageName))</p>")
        }
        lines.append("<div class=\"table-wrap\"><table class=\"fields\"><tbody>")
        for field in view.fields {
            let value: String
            switch field.values.count {
            case 0: value = labels.none
            case 1: value = piece(field.values[0], context: language)
            default: value = "<ul>" + field.values.map { "<li>" + piece($0, context: language) + "</li>" }.joined() + "</ul>"
            }
            lines.append("<tr><th scope=\"row\">\(ProseHTML.escape(field.label))</th><td>\(value)</td></tr>")
        }
        lines.append("</tbody></table></div>")
        for section in view.sections {
            lines.append("<section class=\"prose-section\" id=\"\(anchor(view.id))-\(section.key.rawValue)-\(ProseHTML.escape(language))\">")
            lines.append("<h3>\(ProseHTML.escape(section.heading))</h3>")
            lines.append(prose(section.text, context: language))
            lines.append("</section>")
        }
        lines.append("<h3>\(ProseHTML.escape(labels.milestones))</h3>")
        lines.append(milestones(view))
        lines.append("<h3>\(ProseHTML.escape(labels.contact))</h3>")
        if view.contact.isEmpty {
            lines.append("<p>\(labels.none)</p>")
        } else {
            lines.append("<dl class=\"contact\">")
            for line in view.contact {
                let value = line.isEmail
                    ? "<a href=\"mailto:\(ProseHTML.escape(line.value))\">\(ProseHTML.escape(line.value))</a>"
                    : ProseHTML.escape(line.value)
                lines.append("<dt>\(ProseHTML.escape(line.label))</dt><dd>\(value)</dd>")
            }
            lines.append("</dl>")
        }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    private func milestones(_ view: CommitmentView) -> String {
        let labels = view.labels
        let language = view.language
        guard !view.milestones.isEmpty else { return "<p>\(labels.none)</p>" }
        let headers = ["#", labels.activity, labels.output, labels.start, labels.end, labels.responsible]
        var lines = ["<div class=\"table-wrap\"><table class=\"milestones stack\">",
                     "<thead><tr>" + headers.map { "<th scope=\"col\">\(ProseHTML.escape($0))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        for (index, row) in view.milestones.enumerated() {
            let responsible = row.responsible.map { piece($0, context: language) }.joined(separator: labels.listSeparator)
            let cells = [
                ("#", "\(index + 1)", " class=\"number\""),
                (labels.activity, piece(row.activity, context: language), ""),
                (labels.output, piece(row.output, context: language), ""),
                (labels.start, ProseHTML.escape(row.start), " class=\"date\""),
                (labels.end, ProseHTML.escape(row.end), " class=\"date\""),
                (labels.responsible, responsible.isEmpty ? labels.none : responsible, ""),
            ]
            lines.append("<tr>" + cells.map { "<td data-label=\"\(ProseHTML.escape($0.0))\"\($0.2)>\($0.1)</td>" }.joined() + "</tr>")
        }
        lines.append("</tbody></table></div>")
        return lines.joined(separator: "\n")
    }

    private func colophon() -> String {
        var parts: [String] = []
        if let revision = document.revision { parts.append(ProseHTML.escape(revision)) }
        if let commit = document.commit { parts.append("commit <code>\(commit.hex)</code>") }
        let source = parts.isEmpty ? "" : " — " + parts.joined(separator: ", ")
        let made = languages.map { language in
            HTMLDocument.span(LanguageCode.name(of: language) == "繁體中文" ? "由 nap 自計畫儲存庫產生" : "Rendered by nap from the plan's repository",
                              language: RenderLabels(language: language).language, context: first)
        }.joined(separator: " · ")
        return "<footer class=\"colophon\"><p>\(made)\(source)</p></footer>"
    }
}
