/// How the plan is made and carried out, from the `process:` block of `plan.yml`: the published timeline
/// of co-creation and implementation (OGP Participation and Co-Creation Standards, 2021: a timeline
/// published before co-creation starts) and the forum's promises about meetings, which nap reports on
/// (`nap meetings`, `nap render`).
public struct PlanProcess: Sendable, Hashable, Codable {
    /// When the timeline itself was published; nil when plan.yml does not say (validation reports it
    /// when there are phases).
    public var timelinePublished: PlanDate?
    /// The phases, in their order, none overlapping another.
    public var phases: [TimelinePhase]
    /// The minutes of a meeting are recorded within this many days of it (GOVERNANCE.md rule 7.2).
    public var minutesWithinDays: Int?
    /// A meeting's agenda is published at least this many days before it (GOVERNANCE.md rule 7.2).
    public var agendaDaysBefore: Int?
    /// The forum meets at least once every this many months (GOVERNANCE.md rule 7.1; OGP: six).
    public var meetingEveryMonths: Int?
    /// How many meetings with civil society implementation needs at least (GOVERNANCE.md rule 7.4; OGP: two).
    public var implementationMeetings: Int?

    public init(timelinePublished: PlanDate? = nil, phases: [TimelinePhase] = [], minutesWithinDays: Int? = nil,
                agendaDaysBefore: Int? = nil, meetingEveryMonths: Int? = nil, implementationMeetings: Int? = nil) {
        self.timelinePublished = timelinePublished
        self.phases = phases
        self.minutesWithinDays = minutesWithinDays
        self.agendaDaysBefore = agendaDaysBefore
        self.meetingEveryMonths = meetingEveryMonths
        self.implementationMeetings = implementationMeetings
    }

    /// The phase a day falls in; nil before the first, after the last, or between two.
    public func phase(on day: PlanDate) -> TimelinePhase? {
        phases.first { $0.period.contains(day) }
    }

    /// The phase `kind`, when the timeline has it.
    public func phase(_ kind: TimelinePhase.Kind) -> TimelinePhase? {
        phases.first { $0.kind == kind }
    }
}

/// One phase of the plan's timeline, with its dates.
public struct TimelinePhase: Sendable, Hashable, Codable {
    /// The phases of an action plan's life, in the order they come.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case callForInput = "call-for-input"
        case drafting
        case consultation
        case publication
        case implementation
        case endOfTerm = "end-of-term"

        /// Its place in the order of phases.
        public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.order < rhs.order }

        /// The phase's name in English, as reports print it.
        public var englishName: String {
            switch self {
            case .callForInput: "Call for input"
            case .drafting: "Drafting"
            case .consultation: "Consultation on the draft"
            case .publication: "Publication"
            case .implementation: "Implementation"
            case .endOfTerm: "End-of-term review"
            }
        }

        /// The phase's name in Traditional Chinese.
        public var chineseName: String {
            switch self {
            case .callForInput: "公開徵求意見"
            case .drafting: "草擬"
            case .consultation: "草案諮詢"
            case .publication: "發布"
            case .implementation: "執行"
            case .endOfTerm: "期末檢討"
            }
        }
    }

    public var kind: Kind
    public var period: Period

    public init(kind: Kind, period: Period) {
        self.kind = kind
        self.period = period
    }
}

extension Plan {
    /// The days the plan's life spans: from the earliest of its timeline and period to the latest of them.
    /// Meetings and progress are dated inside it. Nil when plan.yml has no valid period.
    public var lifetime: Period? {
        guard let period else { return nil }
        var start = period.start
        var end = period.end
        for phase in process.phases {
            if phase.period.start.firstDay < start.firstDay { start = phase.period.start }
            if phase.period.end.lastDay > end.lastDay { end = phase.period.end }
        }
        return Period(start: start, end: end)
    }
}
