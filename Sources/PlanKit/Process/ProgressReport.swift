/// A lead agency's account of a commitment's implementation (`nap progress`): the completion level on
/// OGP's scale, of the commitment as a whole or of one milestone, with evidence anyone can check and the
/// reason for any delay. Kept in the record as a `progress` event.
public struct ProgressReport: Sendable, Hashable {
    /// The commitment's id.
    public var commitment: String
    /// The milestone, counted from 1 in the commitment's `milestones:` list; nil for the commitment as a whole.
    public var milestone: Int?
    public var status: CompletionLevel
    /// Addresses of the evidence (`https://…`): documents, data sets, decisions.
    public var evidence: [String]
    /// What was done (Markdown).
    public var text: String
    /// Why the work is late, when it is.
    public var delay: String?
    /// The day the report speaks for.
    public var asOf: PlanDate

    public init(commitment: String, milestone: Int? = nil, status: CompletionLevel, evidence: [String] = [], text: String,
                delay: String? = nil, asOf: PlanDate) {
        self.commitment = commitment
        self.milestone = milestone
        self.status = status
        self.evidence = evidence
        self.text = text
        self.delay = delay
        self.asOf = asOf
    }
}

extension CompletionLevel {
    /// How OGP's Independent Reporting Mechanism names the level, in English.
    public var englishName: String {
        switch self {
        case .notStarted: "Not started"
        case .limited: "Limited"
        case .substantial: "Substantial"
        case .complete: "Complete"
        }
    }

    /// The level in Traditional Chinese.
    public var chineseName: String {
        switch self {
        case .notStarted: "尚未開始"
        case .limited: "有限"
        case .substantial: "大致完成"
        case .complete: "完成"
        }
    }
}
