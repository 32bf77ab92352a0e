import Foundation
import GitKit
import Localization

/// A request to record progress (`nap progress`), before it is checked against the published plan.
public struct ProgressRequest: Sendable {
    public var commitment: String
    public var milestone: Int?
    public var status: CompletionLevel
    public var evidence: [String]
    public var text: String
    public var delay: String?
    /// The day the report speaks for; nil: today.
    public var asOf: PlanDate?

    public init(commitment: String, milestone: Int? = nil, status: CompletionLevel, evidence: [String] = [], text: String,
                delay: String? = nil, asOf: PlanDate? = nil) {
        self.commitment = commitment
        self.milestone = milestone
        self.status = status
        self.evidence = evidence
        self.text = text
        self.delay = delay
        self.asOf = asOf
    }
}

extension PlanStore {
    /// The published plan progress is reported against: the latest published version on main's history,
    /// and its commitments.
    public func publishedPlan() throws -> (version: PublishedVersion, contents: PlanContents)? {
        guard let main = try mainHead(), let version = try previousPublication(before: main) else { return nil }
        return (version, try contents(at: version.commit))
    }

    /// The progress record of one commitment, folded under the plan's authority.
    public func progress(of commitment: String) throws -> CommitmentProgress {
        guard Identifier.isSafe(commitment) else { return CommitmentProgress(commitment: commitment) }
        let read = try record.processEvents(of: .commitment(commitment))
        return try CommitmentProgress.fold(commitment: commitment, events: read.events, problems: read.problems, authority: try authority())
    }

    /// Every commitment's progress record in the record, by commitment id.
    public func allProgress() throws -> [String: CommitmentProgress] {
        let tree = try record.tree()
        let authority = try self.authority()
        var result: [String: CommitmentProgress] = [:]
        for (id, _) in try record.processSubjects(in: ProcessSubject.progressFolder, tree: tree).subjects {
            let read = try record.processEvents(of: .commitment(id), in: tree)
            result[id] = try CommitmentProgress.fold(commitment: id, events: read.events, problems: read.problems, authority: authority)
        }
        return result
    }

    /// Records a progress report. Refuses, writing nothing, when the plan has not been published, the
    /// commitment is not in the published plan, the milestone is out of range, the day is outside the
    /// plan's period or in the future, an evidence address is not a web address, or the user is not a
    /// member of the commitment's lead agency.
    public func recordProgress(_ request: ProgressRequest) throws -> EventID {
        let text = try checkedText(request.text, what: L("progress report"))
        let delay = try request.delay.map { try checkedText($0, what: L("reason for the delay")) }
        guard let (version, contents) = try publishedPlan() else {
            throw PlanError.refused(reason: L("the plan has not been published yet; progress is reported on the commitments of a published version"),
                                    hint: L("a co-chair publishes the agreed plan with `nap publish v1 -m \"...\"`"))
        }
        guard let commitment = contents.commitments.first(where: { $0.id == request.commitment }) else {
            let known = contents.commitments.map(\.id).joined(separator: ", ")
            throw PlanError.invalidInput(L("commitment '\(request.commitment)' is not in the published plan (\(version.name) has: \(known.isEmpty ? L("no commitments") : Message(verbatim: known)))"))
        }
        if let milestone = request.milestone, !(1...max(1, commitment.milestones.count)).contains(milestone) || commitment.milestones.isEmpty {
            let count = commitment.milestones.count
            throw PlanError.invalidInput(Message.plural(count, one: L("--milestone \(milestone): commitment \(commitment.id) has 1 milestone (1…1)"),
                                                        other: L("--milestone \(milestone): commitment \(commitment.id) has \(count) milestones (1…\(count))")))
        }
        for address in request.evidence where !ProcessEventBounds.isWebAddress(address) {
            throw PlanError.invalidInput(L("--evidence '\(address)': not a web address (https://…, without spaces)"))
        }
        guard request.evidence.count <= ProcessEventBounds.maximumEvidence else {
            throw PlanError.invalidInput(L("at most \(ProcessEventBounds.maximumEvidence) evidence addresses per report"))
        }
        let signature = try identity()
        let now = signature.time
        guard let today = PlanDate.day(of: now) else { throw PlanError.invalidInput(L("the computer's clock is outside the years nap can count")) }
        let asOf = request.asOf ?? today
        guard asOf.day != nil else { throw PlanError.invalidInput(L("--date \(asOf): name a day (YYYY-MM-DD)")) }
        if let latest = ProcessAdmission.latestDay(at: now), asOf.firstDayNumber > latest.firstDayNumber {
            throw PlanError.invalidInput(L("--date \(asOf) is in the future; report progress as of today or an earlier day"))
        }
        if let period = contents.plan?.period, !period.contains(asOf) {
            throw PlanError.invalidInput(L("--date \(asOf) is outside the plan's period (\(period))"))
        }
        let author = try eventAuthor(for: signature)
        let lead = LeadAgency(of: commitment, in: try currentMembers())
        guard author.member != nil, lead.includes(email: signature.email) else {
            let who = lead.members.isEmpty ? "no member of it is in members.yml" : "its members are " + lead.members.map(\.id).joined(separator: ", ")
            throw PlanError.refused(reason: L("progress on commitment \(commitment.id) is reported by its lead agency (\(lead.label)); \(signature.email) is not one of its members (\(who))"),
                                    hint: L("comment on a progress report instead: nap progress comment <report> -m \"...\""))
        }
        let existing = try progress(of: commitment.id)
        let report = ProgressReport(commitment: commitment.id, milestone: request.milestone, status: request.status, evidence: request.evidence,
                                    text: text, delay: delay, asOf: asOf)
        let event = ProcessEvent(subject: .commitment(commitment.id), author: author, time: signature.time, clock: existing.clock + 1,
                                 body: .progress(report))
        let what = request.milestone.map { "milestone \($0) of commitment \(commitment.id)" } ?? "commitment \(commitment.id)"
        return try record.append(process: [event], by: signature, message: "Progress on \(what): \(request.status.rawValue)\n")[0]
    }

    /// Comments on a progress report (by a unique prefix of its id). Anyone may; input from outside
    /// government is owed a reasoned response.
    public func commentOnProgress(_ report: String, body: String) throws -> EventID {
        let body = try checkedText(body, what: L("comment"))
        let (progress, entry) = try locateProgressReport(report)
        let signature = try identity()
        let event = ProcessEvent(subject: .commitment(progress.commitment), author: try eventAuthor(for: signature), time: signature.time,
                                 clock: progress.clock + 1, body: .progressComment(target: entry.id, body: body))
        return try record.append(process: [event], by: signature, message: "Comment on progress of commitment \(progress.commitment)\n")[0]
    }

    /// The progress report whose id starts with `prefix` (at least 4 hex digits).
    func locateProgressReport(_ prefix: String) throws -> (CommitmentProgress, CommitmentProgress.Entry) {
        let lowered = prefix.lowercased()
        guard lowered.count >= 4, lowered.allSatisfy(\.isHexDigit) else {
            throw PlanError.invalidInput(L("'\(prefix)' is not a progress report id (at least 4 hex digits, as `nap progress report` prints them)"))
        }
        var found: [(CommitmentProgress, CommitmentProgress.Entry)] = []
        for progress in try allProgress().values {
            for entry in progress.reports where entry.id.hasPrefix(lowered) { found.append((progress, entry)) }
        }
        if found.count > 1 { throw PlanError.ambiguous(kind: L("progress report"), prefix: prefix, candidates: found.map { String($0.1.id.prefix(12)) }) }
        guard let match = found.first else { throw PlanError.notFound(kind: L("progress report"), name: prefix) }
        return match
    }

    /// The comment on a progress report whose id starts with `prefix`; nil when there is none.
    func locateProgressComment(_ prefix: String) throws -> (progress: CommitmentProgress, comment: CommitmentProgress.Comment)? {
        var found: [(CommitmentProgress, CommitmentProgress.Comment)] = []
        for progress in try allProgress().values {
            for comment in progress.comments where comment.id.hasPrefix(prefix) { found.append((progress, comment)) }
        }
        if found.count > 1 { throw PlanError.ambiguous(kind: L("comment"), prefix: prefix, candidates: found.map { String($0.1.id.prefix(12)) }) }
        return found.first
    }

    /// The reasoned response to a comment on a progress report: by the lead agency, a government member
    /// or a co-chair.
    func respondToProgressComment(_ found: (progress: CommitmentProgress, comment: CommitmentProgress.Comment), disposition: Disposition,
                                  reason: String) throws -> EventID {
        let signature = try identity()
        let author = try eventAuthor(for: signature)
        let lead = try leadAgenciesOnMain()[found.progress.commitment]
        guard author.member != nil, author.isGovernment || author.isCoChair || lead?.includes(email: signature.email) == true else {
            throw PlanError.refused(reason: L("reasoned responses on progress are given by the lead agency, government members or the co-chairs; \(signature.email) is none of them"), hint: nil)
        }
        let event = ProcessEvent(subject: .commitment(found.progress.commitment), author: author, time: signature.time,
                                 clock: found.progress.clock + 1, body: .progressResponse(target: found.comment.id, disposition: disposition, reason: reason))
        return try record.append(process: [event], by: signature,
                                 message: "Respond (\(disposition.rawValue)) on progress of commitment \(found.progress.commitment)\n")[0]
    }
}
