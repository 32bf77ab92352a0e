import Foundation
import GitKit
import Localization

/// A plan as a reader gets it: plan.yml and the commitments, read from one revision, with where they
/// came from. The input of `MarkdownRenderer` and `HTMLRenderer`.
public struct PlanDocument: Sendable {
    public var plan: Plan
    /// The commitments, sorted by id.
    public var commitments: [Commitment]
    /// What the reader was given, as the user named it (`main`, `v1`), when known.
    public var revision: String?
    /// The commit the text comes from, when known.
    public var commit: ObjectID?
    /// The published version this commit is, when it is one.
    public var version: String?
    /// How many errors `nap validate` finds in this revision (a draft may be rendered with errors).
    public var errorCount: Int
    /// How the plan was developed (timeline, meetings, input and answers), when known.
    public var development: PlanDevelopment?

    public init(plan: Plan, commitments: [Commitment], revision: String? = nil, commit: ObjectID? = nil,
                version: String? = nil, errorCount: Int = 0) {
        self.plan = plan
        self.commitments = commitments.sorted { $0.id < $1.id }
        self.revision = revision
        self.commit = commit
        self.version = version
        self.errorCount = errorCount
    }

    /// The commitments grouped by thematic area (`area:`), areas in order of their id, the commitments
    /// without an area last; one group (nil) when no commitment has an area.
    public var commitmentsByArea: [(area: String?, commitments: [Commitment])] {
        let areas = Set(commitments.compactMap(\.area)).sorted()
        guard !areas.isEmpty else { return [(nil, commitments)] }
        var groups: [(area: String?, commitments: [Commitment])] = areas.map { area in (area, commitments.filter { $0.area == area }) }
        let rest = commitments.filter { $0.area == nil }
        if !rest.isEmpty { groups.append((nil, rest)) }
        return groups
    }

    /// The languages to render: the plan's languages in its order (the primary language first, zh-Hant in
    /// Taiwan's plans) for `.all`, or the one asked for, which must be one of them.
    public func languages(for choice: RenderLanguages) throws -> [String] {
        let available = plan.languages.isEmpty ? ["zh-Hant", "en"] : plan.languages
        switch choice {
        case .all:
            return available
        case .only(let language):
            guard available.contains(language) else {
                throw PlanError.invalidInput(L("the plan is not written in '\(language)'; its languages are \(available.joined(separator: ", ")) (or all)"))
            }
            return [language]
        }
    }
}

/// Which of the plan's languages a rendering shows.
public enum RenderLanguages: Sendable, Equatable {
    /// Every language of the plan, the primary one first.
    case all
    /// One language.
    case only(String)

    /// `all`, or a language code.
    public init(_ text: String) {
        self = text == "all" ? .all : .only(text)
    }
}

extension PlanStore {
    /// The plan as it is at `revision` (main, a version, a proposal, any commit), ready to render.
    /// Refuses only when plan.yml cannot be read at all; other errors are counted in `errorCount`.
    /// `development: false` leaves out the development section (the process and the inputs counted up to
    /// `revision`: a reading of every proposal's record), for a reader that shows only the text.
    public func planDocument(at revision: String, development: Bool = true) throws -> PlanDocument {
        let commit = try resolveRevision(revision)
        var document = try planDocument(commit: commit, revision: revision, version: try publishedVersions().last { $0.commit == commit }?.name)
        if development { document.development = try planDevelopment(at: revision) }
        return document
    }

    /// The plan as `version` published it (its tag's commit), without resolving its name again: what a
    /// reader of every version (the site) asks for once per version.
    public func planDocument(of version: PublishedVersion, development: Bool = true) throws -> PlanDocument {
        var document = try planDocument(commit: version.commit, revision: version.name, version: version.name)
        if development { document.development = try planDevelopment(of: version) }
        return document
    }

    /// The text at `commit`, without the development section.
    private func planDocument(commit: ObjectID, revision: String, version: String?) throws -> PlanDocument {
        let contents = try contents(at: commit)
        guard let plan = contents.plan else { throw PlanError.invalidPlan(diagnostics: contents.errors) }
        return PlanDocument(plan: plan, commitments: contents.commitments, revision: revision, commit: commit,
                            version: version, errorCount: contents.errors.count)
    }
}

/// A piece of text as shown: the text, the language it is in (nil for language-neutral text such as ids
/// and dates), and whether it stands in for a missing translation.
struct Piece: Equatable {
    var text: String
    var language: String?
    var isFallback = false

    static func neutral(_ text: String) -> Piece { Piece(text: text, language: nil) }
}

/// One commitment prepared for rendering in one language: every OGP field with its label, the texts
/// picked for that language (or, where a translation is missing, another language's, marked).
struct CommitmentView {
    struct Field {
        let label: String
        /// Empty: shown as a dash.
        let values: [Piece]
    }

    struct Section {
        let key: SectionKey
        let heading: String
        /// Markdown, guidance comments removed.
        let text: Piece
    }

    struct MilestoneRow {
        let activity: Piece?
        let output: Piece?
        let start: String
        let end: String
        let responsible: [Piece]
    }

    struct ContactLine {
        let label: String
        let value: String
        let isEmail: Bool
    }

    let id: String
    let language: String
    let labels: RenderLabels
    let title: Piece?
    /// id, title, period, lead, supporting (three kinds), values, status, SDGs, budget.
    let fields: [Field]
    let sections: [Section]
    let milestones: [MilestoneRow]
    let contact: [ContactLine]

    init(_ commitment: Commitment, language: String, plan: Plan) {
        let labels = RenderLabels(language: language)
        let pick = { (text: LocalizedText) in PlanText.pick(text, language: language, plan: plan) }
        let all = { (texts: [LocalizedText]) in texts.compactMap(pick) }
        id = commitment.id
        self.language = language
        self.labels = labels
        title = pick(commitment.title)
        fields = [
            Field(label: labels.id, values: [.neutral(commitment.id)]),
            Field(label: labels.title, values: title.map { [$0] } ?? []),
            Field(label: labels.period, values: [Piece(text: labels.period(commitment.period), language: labels.language)]),
            Field(label: labels.lead, values: all(commitment.lead)),
            Field(label: labels.supportingGovernment, values: all(commitment.supporting.government)),
            Field(label: labels.supportingCivilSociety, values: all(commitment.supporting.civilSociety)),
            Field(label: labels.supportingOthers, values: all(commitment.supporting.others)),
            Field(label: labels.values, values: commitment.values.map { Piece(text: labels.value($0), language: labels.language) }),
            Field(label: labels.status, values: [Piece(text: labels.status(commitment.status), language: labels.language)]),
            Field(label: labels.sdgs, values: commitment.sdgs.map { Piece(text: labels.sdg($0), language: labels.language) }),
            Field(label: labels.budget, values: pick(commitment.budget).map { [$0] } ?? []),
        ]
        sections = SectionKey.allCases.compactMap { key in
            CommitmentView.section(key, of: commitment, language: language, plan: plan)
        }
        let lead = all(commitment.lead)
        milestones = commitment.milestones.map { milestone in
            MilestoneRow(activity: pick(milestone.activity), output: pick(milestone.output),
                         start: milestone.start?.description ?? labels.none, end: milestone.end?.description ?? labels.none,
                         responsible: pick(milestone.responsible).map { [$0] } ?? lead)
        }
        let person = commitment.contact
        contact = [
            ContactLine(label: labels.contactName, value: person.name, isEmail: false),
            ContactLine(label: labels.contactTitle, value: person.title ?? "", isEmail: false),
            ContactLine(label: labels.email, value: person.email, isEmail: true),
            ContactLine(label: labels.phone, value: person.phone ?? "", isEmail: false),
        ].filter { !$0.value.trimmed.isEmpty }
    }

    /// The section in `language`, else (a missing translation) in the first plan language that has it.
    private static func section(_ key: SectionKey, of commitment: Commitment, language: String, plan: Plan) -> Section? {
        let visible = { (section: CommitmentSection) in MarkdownText.withoutComments(section.text).trimmed }
        if let own = commitment.section(key, in: language), !visible(own).isEmpty {
            let heading = own.heading.trimmed.isEmpty ? key.heading(in: language) : own.heading
            return Section(key: key, heading: heading, text: Piece(text: visible(own), language: language))
        }
        let others = plan.languages + commitment.sections.map(\.language)
        for other in others where other != language {
            if let section = commitment.section(key, in: other), !visible(section).isEmpty {
                return Section(key: key, heading: key.heading(in: language),
                               text: Piece(text: visible(section), language: other, isFallback: true))
            }
        }
        return nil
    }
}

/// Picks plan text for a language.
enum PlanText {
    /// The text in `language`; when it is missing, the text in the first plan language (then any
    /// language) that has it, marked as a fallback; nil when there is no text at all.
    static func pick(_ text: LocalizedText, language: String, plan: Plan) -> Piece? {
        if let own = text[language]?.trimmed, !own.isEmpty { return Piece(text: own, language: language) }
        for other in plan.languages + text.keys.sorted() where other != language {
            if let value = text[other]?.trimmed, !value.isEmpty { return Piece(text: value, language: other, isFallback: true) }
        }
        return nil
    }

    /// Prose (an introduction) in `language` with guidance comments removed.
    static func prose(_ text: LocalizedText, language: String, plan: Plan) -> Piece? {
        let visible = text.mapValues { MarkdownText.withoutComments($0).trimmed }.filter { !$0.value.isEmpty }
        return pick(visible, language: language, plan: plan)
    }
}
