/// Renders a plan as one Markdown document (GitHub-flavoured tables), for forges, wikis and pandoc.
///
/// Structured fields (titles, institutions, names) are escaped so that they show as written; prose
/// sections are the authors' Markdown, passed through as written (guidance comments removed, headings
/// moved below the section's own heading).
public enum MarkdownRenderer {
    /// The plan in `languages` (from `PlanDocument.languages(for:)`).
    public static func render(_ document: PlanDocument, languages: [String]) -> String {
        let languages = languages.isEmpty ? (try? document.languages(for: .all)) ?? ["en"] : languages
        return MarkdownPage(document: document, languages: languages).render()
    }

    /// Text that shows as written in Markdown: punctuation Markdown would read is escaped with `\`, line
    /// breaks become spaces (for headings and table cells).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~": out += "\\" + String(character)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// A table row of already escaped cells.
    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }
}

private struct MarkdownPage {
    let document: PlanDocument
    let languages: [String]
    var plan: Plan { document.plan }
    var first: String { languages[0] }
    /// Headings: commitments `##`, a language `###` when several are shown, then their sections.
    var sectionLevel: Int { languages.count > 1 ? 4 : 3 }

    func render() -> String {
        var blocks: [String] = [header()]
        if let introduction = introduction() { blocks.append(introduction) }
        if let development = DevelopmentSection.markdown(document.development, languages: languages) { blocks.append(development) }
        blocks.append(contents())
        for commitment in document.commitments {
            blocks.append("---")
            blocks.append(self.commitment(commitment))
        }
        blocks.append("---")
        blocks.append(colophon())
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func label(_ path: KeyPath<RenderLabels, String>) -> String {
        var seen = Set<String>()
        return languages.map(RenderLabels.init(language:)).filter { seen.insert($0.language).inserted }
            .map { $0[keyPath: path] }.joined(separator: " ")
    }

    private func piece(_ piece: Piece?, context: String) -> String {
        guard let piece else { return RenderLabels(language: context).none }
        let text = MarkdownRenderer.escape(piece.text)
        return piece.isFallback ? text + " *(" + RenderLabels(language: context).untranslated + ")*" : text
    }

    private func header() -> String {
        var lines: [String] = []
        for (index, language) in languages.enumerated() {
            let title = piece(PlanText.pick(plan.title, language: language, plan: plan), context: language)
            lines.append(index == 0 ? "# " + title : "\n**" + title + "**")
        }
        lines.append("")
        let colon = RenderLabels(language: first).pick("：", ": ")
        lines.append("- " + label(\.country) + colon + MarkdownRenderer.escape(plan.country))
        let period = plan.period.map { "\($0.start) – \($0.end)" } ?? RenderLabels(language: first).none
        lines.append("- " + label(\.period) + colon + period)
        lines.append("- " + label(\.commitmentCount) + colon + "\(document.commitments.count)")
        if let version = document.version ?? document.revision {
            let commit = document.commit.map { " (`\($0.short())`)" } ?? ""
            lines.append("- " + label(\.version) + colon + MarkdownRenderer.escape(version) + commit)
        }
        return lines.joined(separator: "\n")
    }

    private func introduction() -> String? {
        let texts = languages.compactMap { language in
            PlanText.prose(plan.introduction, language: language, plan: plan).map { (language, $0) }
        }
        guard !texts.isEmpty else { return nil }
        return (["## " + label(\.introduction)] + texts.map { language, text in prose(text, context: language, level: 3) })
            .joined(separator: "\n\n")
    }

    /// The commitments in order; grouped by area (a heading per area, `—` for none) when any has one.
    private func contents() -> String {
        var lines = ["## " + label(\.contents)]
        var number = 0
        for (area, commitments) in document.commitmentsByArea {
            if let area { lines += ["", "### " + label(\.area) + " " + MarkdownRenderer.escape(area)] }
            else if document.commitmentsByArea.count > 1 { lines += ["", "### " + label(\.area) + " —"] }
            lines.append("")
            for commitment in commitments {
                number += 1
                let titles = languages.map { piece(PlanText.pick(commitment.title, language: $0, plan: plan), context: $0) }
                lines.append("\(number). \(MarkdownRenderer.escape(commitment.id)) " + titles.joined(separator: " · "))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func commitment(_ commitment: Commitment) -> String {
        var blocks: [String] = []
        let titles = languages.map { piece(PlanText.pick(commitment.title, language: $0, plan: plan), context: $0) }
        blocks.append("## " + MarkdownRenderer.escape(commitment.id) + " " + titles[0])
        if titles.count > 1 { blocks.append(titles.dropFirst().map { "*" + $0 + "*" }.joined(separator: "  \n")) }
        for language in languages {
            blocks.append(version(CommitmentView(commitment, language: language, plan: plan)))
        }
        return blocks.joined(separator: "\n\n")
    }

    private func version(_ view: CommitmentView) -> String {
        let labels = view.labels
        let language = view.language
        let hashes = String(repeating: "#", count: sectionLevel)
        var blocks: [String] = []
        if languages.count > 1 { blocks.append("### " + labels.languageName) }
        var table = [MarkdownRenderer.row([labels.pick("欄位", "Field"), labels.pick("內容", "Value")]), "| --- | --- |"]
        for field in view.fields {
            let value = field.values.isEmpty ? labels.none : field.values.map { piece($0, context: language) }.joined(separator: "<br>")
            table.append(MarkdownRenderer.row([MarkdownRenderer.escape(field.label), value]))
        }
        blocks.append(table.joined(separator: "\n"))
        for section in view.sections {
            blocks.append(hashes + " " + MarkdownRenderer.escape(section.heading))
            blocks.append(prose(section.text, context: language, level: sectionLevel + 1))
        }
        blocks.append(hashes + " " + labels.milestones)
        blocks.append(milestones(view))
        blocks.append(hashes + " " + labels.contact)
        blocks.append(view.contact.isEmpty ? labels.none : view.contact.map { line in
            "- " + line.label + labels.pick("：", ": ") + (line.isEmail ? "<\(line.value)>" : MarkdownRenderer.escape(line.value))
        }.joined(separator: "\n"))
        return blocks.joined(separator: "\n\n")
    }

    private func milestones(_ view: CommitmentView) -> String {
        let labels = view.labels
        guard !view.milestones.isEmpty else { return labels.none }
        var lines = [MarkdownRenderer.row(["#", labels.activity, labels.output, labels.start, labels.end, labels.responsible]),
                     "| ---: | --- | --- | --- | --- | --- |"]
        for (index, row) in view.milestones.enumerated() {
            let responsible = row.responsible.map { piece($0, context: view.language) }.joined(separator: labels.listSeparator)
            lines.append(MarkdownRenderer.row([
                "\(index + 1)", piece(row.activity, context: view.language), piece(row.output, context: view.language),
                row.start, row.end, responsible.isEmpty ? labels.none : responsible,
            ]))
        }
        return lines.joined(separator: "\n")
    }

    /// Prose as written, its headings moved to start at `level`; a fallback is marked.
    private func prose(_ piece: Piece, context: String, level: Int) -> String {
        var inFence: (marker: Character, count: Int)?
        let lines = piece.text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if let open = inFence {
                if let close = MarkdownText.fence(line), close.marker == open.marker, close.count >= open.count { inFence = nil }
                return String(line)
            }
            if let fence = MarkdownText.fence(line) {
                inFence = fence
                return String(line)
            }
            guard let heading = MarkdownText.heading(line) else { return String(line) }
            return String(repeating: "#", count: min(6, level + max(0, heading.level - 3))) + " " + heading.title
        }
        let text = lines.joined(separator: "\n")
        guard piece.isFallback else { return text }
        return "*(" + RenderLabels(language: context).untranslated + ")*\n\n" + text
    }

    private func colophon() -> String {
        var parts: [String] = []
        if let revision = document.revision { parts.append(MarkdownRenderer.escape(revision)) }
        if let commit = document.commit { parts.append("commit `\(commit.hex)`") }
        let made = languages.map { LanguageCode.name(of: $0) == "繁體中文" ? "由 nap 自計畫儲存庫產生" : "Rendered by nap from the plan's repository" }
        return "*" + uniqued(made).joined(separator: " · ") + (parts.isEmpty ? "" : " — " + parts.joined(separator: ", ")) + "*"
    }
}

/// The elements in their first-seen order, without repeats.
private func uniqued(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
}
