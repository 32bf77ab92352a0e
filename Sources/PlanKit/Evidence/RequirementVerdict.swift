import Foundation
import Localization

/// Something in the repository that a verdict rests on: a file at a commit, a commit, an event of the
/// record, a meeting, a version tag. An IRM researcher follows it with stock git or with `nap show`.
public struct EvidenceItem: Sendable, Hashable, Codable {
    /// What `reference` names.
    public enum Kind: String, Sendable, Hashable, Codable {
        case path, commit, event, meeting, tag, proposal
    }

    public let kind: Kind
    /// The path (`members.yml@<commit>`), the commit id, the event id, the meeting id or the tag name.
    public let reference: String
    /// What it shows, in a few words (English in JSON).
    public let note: Message

    public init(_ kind: Kind, _ reference: String, _ note: Message) {
        self.kind = kind
        self.reference = reference
        self.note = note
    }
}

/// nap's verdict on one of OGP's minimum requirements (Participation and Co-Creation Standards, 2021),
/// as far as the repository can evidence it.
public struct RequirementVerdict: Sendable {
    /// How the requirement stands.
    public enum Outcome: String, Sendable, Codable {
        /// The repository shows it met.
        case pass
        /// The repository shows it broken.
        case fail
        /// Not broken yet, not met yet: its time has not come (an input whose deadline is ahead, an
        /// implementation that has not ended).
        case pending
        /// nap cannot hold the evidence; someone must look elsewhere. Never a pass.
        case notCheckable = "not-checkable"
    }

    /// A stable id (`forum-co-chairs`, `response-days`, …), listed in docs/CLI.md.
    public let id: String
    /// The requirement in words, with the standard it comes from.
    public let requirement: Message
    public let outcome: Outcome
    /// Why: each a sentence, the failures first.
    public let reasons: [Message]
    public let evidence: [EvidenceItem]

    public init(id: String, requirement: Message, outcome: Outcome, reasons: [Message], evidence: [EvidenceItem] = []) {
        self.id = id
        self.requirement = requirement
        self.outcome = outcome
        self.reasons = reasons
        self.evidence = evidence
    }
}

/// `nap check`: one verdict per minimum requirement, as of a moment.
public struct RequirementsReport: Sendable {
    /// The moment the repository was judged at (`--at`, else now).
    public let at: Date
    /// The main commit judged (the last one at or before `at`); nil before the first.
    public let main: ObjectID?
    public let verdicts: [RequirementVerdict]

    /// Whether any requirement failed.
    public var failed: Bool { verdicts.contains { $0.outcome == .fail } }

    /// How many verdicts have each outcome.
    public func count(_ outcome: RequirementVerdict.Outcome) -> Int { verdicts.filter { $0.outcome == outcome }.count }
}
