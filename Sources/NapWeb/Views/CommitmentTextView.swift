import PlanKit

/// One commitment's text in one language, every field of OGP's template, for the `commitment-text`
/// partial (a commitment's page and the full plan of a version).
struct CommitmentTextView {
    struct Labels {
        let milestones, activity, output, start, end, responsible, contact, fieldsCaption, separator: String
    }

    struct Field {
        let label: String
        let isEmpty: Bool
        let single: LangText?
        let hasMany: Bool
        let values: [LangText]
    }

    struct Section {
        let anchor: String
        let level: Int
        let heading: String
        let note: String?
        let lang: String?
        let fallback: Bool
        let proseHTML: TrustedHTML
        /// On `nap serve`'s commitment page: the link to comment on this paragraph, and what it says.
        let commentHref: String?
        let commentLabel: String?
    }

    struct Milestone {
        let number: Int
        let activity: LangText?
        let output: LangText?
        let start: String
        let end: String
        let responsible: [LangText]
    }

    struct ContactLine {
        let label: String
        let value: String
        let mailto: String?
    }

    let labels: Labels
    /// The heading level of the milestones and contact headings (sections use the same).
    let level: Int
    let fields: [Field]
    let sections: [Section]
    let hasMilestones: Bool
    let milestones: [Milestone]
    let hasContact: Bool
    let contact: [ContactLine]

    /// `commentable`: the commitment's own page, where `nap serve` links each paragraph to its comment form.
    init(_ commitment: Commitment, page: PageContext, level: Int, anchorPrefix: String, commentable: Bool = false) {
        let shown = CommitmentPresentation(commitment, language: page.language, plan: page.content.plan)
        let words = page.words
        let text = { (value: ShownText) in LangText.plan(value, page: page) }
        labels = Labels(milestones: shown.labels.milestones, activity: shown.labels.activity, output: shown.labels.output,
                        start: shown.labels.start, end: shown.labels.end, responsible: shown.labels.responsible,
                        contact: shown.labels.contact, fieldsCaption: words["fieldsCaption"], separator: shown.labels.listSeparator)
        self.level = level
        fields = shown.fields.map { field in
            let values = field.values.map(text)
            return Field(label: field.label, isEmpty: values.isEmpty, single: values.count == 1 ? values[0] : nil,
                         hasMany: values.count > 1, values: values)
        }
        sections = shown.sections.map { section in
            let other = section.text.language.flatMap { $0 == page.language ? nil : $0 }
            return Section(anchor: anchorPrefix + section.key.rawValue, level: level, heading: section.heading,
                           note: section.text.isFallback ? words["untranslatedNote"] : nil, lang: other,
                           fallback: section.text.isFallback, proseHTML: page.prose(section.text.text, headingLevel: min(level + 1, 6)),
                           commentHref: commentable ? page.serverLink("comment", query: [("commitment", commitment.id), ("section", section.key.rawValue)]) : nil,
                           commentLabel: commentable ? words.format("commentOnSection", section.heading) : nil)
        }
        milestones = shown.milestones.enumerated().map { index, row in
            Milestone(number: index + 1, activity: row.activity.map(text), output: row.output.map(text), start: row.start,
                      end: row.end, responsible: row.responsible.map(text).markingLast())
        }
        hasMilestones = !milestones.isEmpty
        contact = shown.contact.map { line in
            let linkable = line.isEmail && line.value.contains("@") && !line.value.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
            return ContactLine(label: line.label, value: line.value, mailto: linkable ? "mailto:" + line.value : nil)
        }
        hasContact = !contact.isEmpty
    }
}
