/// One commitment of the plan, from `commitments/<id>.md`: the structured fields of its YAML front matter
/// and the prose answers of the OGP template in each language.
public struct Commitment: Sendable, Hashable, Codable {
    /// Equal to the file name without `.md`.
    public var id: String
    public var title: LocalizedText
    /// Nil only when the file's period is missing or invalid (validation reports it).
    public var period: Period?
    /// The lead institutions, each named in every plan language.
    public var lead: [LocalizedText]
    public var supporting: SupportingInstitutions
    public var values: [OGPValue]
    /// The completion level during implementation; nil before it is assessed.
    public var status: CompletionLevel?
    public var milestones: [Milestone]
    public var contact: Contact
    /// Sustainable Development Goals (1–17) the commitment contributes to.
    public var sdgs: [Int]
    /// The budget, in words, per language (optional).
    public var budget: LocalizedText
    /// The prose sections, in file order, in every language present in the file.
    public var sections: [CommitmentSection]
    /// The thematic area it belongs to (a short id, e.g. `open-data`); members' `groups` name areas.
    public var area: String? = nil
    /// The policy areas of OGP's commitments database it belongs to (`policy-areas:`; ids of
    /// `OGPColumns.policyAreas`), for `nap export ogp-csv`.
    public var policyAreas: [String] = []

    public init(
        id: String, title: LocalizedText, period: Period?, lead: [LocalizedText] = [],
        supporting: SupportingInstitutions = SupportingInstitutions(), values: [OGPValue] = [],
        status: CompletionLevel? = nil, milestones: [Milestone] = [], contact: Contact = Contact(),
        sdgs: [Int] = [], budget: LocalizedText = [:], sections: [CommitmentSection] = []
    ) {
        self.id = id
        self.title = title
        self.period = period
        self.lead = lead
        self.supporting = supporting
        self.values = values
        self.status = status
        self.milestones = milestones
        self.contact = contact
        self.sdgs = sdgs
        self.budget = budget
        self.sections = sections
    }

    /// The section `key` in `language`, when the file has it.
    public func section(_ key: SectionKey, in language: String) -> CommitmentSection? {
        sections.first { $0.key == key && $0.language == language }
    }
}

/// The institutions that support a commitment besides its lead, by kind (`supporting:` in the file).
public struct SupportingInstitutions: Sendable, Hashable, Codable {
    public var government: [LocalizedText]
    public var civilSociety: [LocalizedText]
    /// Private sector, multilaterals, working groups and others.
    public var others: [LocalizedText]

    public init(government: [LocalizedText] = [], civilSociety: [LocalizedText] = [], others: [LocalizedText] = []) {
        self.government = government
        self.civilSociety = civilSociety
        self.others = others
    }
}

/// The OGP values a commitment promotes; Taiwan adds inclusion (涵容) to OGP's three.
public enum OGPValue: String, Sendable, Hashable, Codable, CaseIterable {
    case transparency
    case accountability
    case participation
    case inclusion

    /// The value's name in Taiwan's plans.
    public var chineseName: String {
        switch self {
        case .transparency: "透明"
        case .accountability: "課責"
        case .participation: "公共參與"
        case .inclusion: "涵容"
        }
    }
}

/// How far a commitment has been carried out, as OGP's Independent Reporting Mechanism assesses it.
public enum CompletionLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case notStarted = "not-started"
    case limited
    case substantial
    case complete
}

/// A step of a commitment with a verifiable deliverable (衡量指標).
public struct Milestone: Sendable, Hashable, Codable {
    /// What is done.
    public var activity: LocalizedText
    /// The verifiable deliverable: how anyone can check the milestone was met.
    public var output: LocalizedText
    public var start: PlanDate?
    /// The due date; nil only when missing or invalid in the file (validation reports it).
    public var end: PlanDate?
    /// The body responsible, when it is not the lead institution.
    public var responsible: LocalizedText

    public init(
        activity: LocalizedText, output: LocalizedText, start: PlanDate? = nil, end: PlanDate?,
        responsible: LocalizedText = [:]
    ) {
        self.activity = activity
        self.output = output
        self.start = start
        self.end = end
        self.responsible = responsible
    }
}

/// The person to contact about a commitment.
public struct Contact: Sendable, Hashable, Codable {
    public var name: String
    /// Job title and department.
    public var title: String?
    public var email: String
    public var phone: String?

    public init(name: String = "", title: String? = nil, email: String = "", phone: String? = nil) {
        self.name = name
        self.title = title
        self.email = email
        self.phone = phone
    }
}
