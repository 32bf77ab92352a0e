/// A text as a reader is shown it: the text, the language it is written in (nil for language-neutral
/// text such as ids and dates), and whether it stands in for a missing translation.
public struct ShownText: Sendable, Equatable {
    public let text: String
    public let language: String?
    /// True when the text is another language's, shown because the asked language has none.
    public let isFallback: Bool

    public init(text: String, language: String?, isFallback: Bool = false) {
        self.text = text
        self.language = language
        self.isFallback = isFallback
    }

    init(_ piece: Piece) {
        self.init(text: piece.text, language: piece.language, isFallback: piece.isFallback)
    }
}

/// One commitment prepared for a reader of one language, exactly as `nap render` shows it: every field of
/// OGP's template with its label, the prose sections (guidance comments removed), the milestones and the
/// contact; where a translation is missing, the text of another plan language, marked as a fallback.
public struct CommitmentPresentation: Sendable {
    /// A structured field: its label in the reader's language and its values (empty: shown as a dash).
    public struct Field: Sendable {
        public let label: String
        public let values: [ShownText]
    }

    /// A prose section: its key, heading and Markdown text.
    public struct Section: Sendable {
        public let key: SectionKey
        public let heading: String
        public let text: ShownText
    }

    /// A milestone row.
    public struct MilestoneRow: Sendable {
        public let activity: ShownText?
        public let output: ShownText?
        public let start: String
        public let end: String
        /// The milestone's responsible body, else the lead institutions.
        public let responsible: [ShownText]
    }

    /// A line of the contact point (published content: the OGP template's official contact).
    public struct ContactLine: Sendable {
        public let label: String
        public let value: String
        public let isEmail: Bool
    }

    public let id: String
    /// The reader's language.
    public let language: String
    public let labels: RenderLabels
    public let title: ShownText?
    public let fields: [Field]
    public let sections: [Section]
    public let milestones: [MilestoneRow]
    public let contact: [ContactLine]

    public init(_ commitment: Commitment, language: String, plan: Plan) {
        let view = CommitmentView(commitment, language: language, plan: plan)
        id = view.id
        self.language = view.language
        labels = view.labels
        title = view.title.map(ShownText.init)
        fields = view.fields.map { Field(label: $0.label, values: $0.values.map(ShownText.init)) }
        sections = view.sections.map { Section(key: $0.key, heading: $0.heading, text: ShownText($0.text)) }
        milestones = view.milestones.map {
            MilestoneRow(activity: $0.activity.map(ShownText.init), output: $0.output.map(ShownText.init), start: $0.start,
                         end: $0.end, responsible: $0.responsible.map(ShownText.init))
        }
        contact = view.contact.map { ContactLine(label: $0.label, value: $0.value, isEmail: $0.isEmail) }
    }

    /// Plan text (a title, an institution) in `language`, else another plan language's, marked.
    public static func pick(_ text: LocalizedText, language: String, plan: Plan) -> ShownText? {
        PlanText.pick(text, language: language, plan: plan).map(ShownText.init)
    }

    /// Prose (the plan's introduction) in `language` with guidance comments removed, else another's, marked.
    public static func prose(_ text: LocalizedText, language: String, plan: Plan) -> ShownText? {
        PlanText.prose(text, language: language, plan: plan).map(ShownText.init)
    }
}
