import Foundation
import Localization
import GitKit

/// The rules about the forum and the repository: co-chairs and rules, meetings every six months, the
/// repository kept up to date, the timeline published first.
extension RequirementsContext {
    /// A forum with one co-chair per side (government, civil society) and published rules.
    func forumVerdict() -> RequirementVerdict {
        let requirement = L("A forum of government and civil society, one co-chair for each, with published rules (Standard 1)")
        guard main != nil else {
            return RequirementVerdict(id: "forum-co-chairs", requirement: requirement, outcome: .pending, reasons: [L("main has no commit yet")])
        }
        var failures: [Message] = []
        var notes: [Message] = []
        var evidence: [EvidenceItem] = []
        for sector in [Sector.government, .civilSociety] {
            let chairs = members.all.filter { $0.role == .coChair && $0.sector == sector }
            switch chairs.count {
            case 1: notes.append(L("\(MessageWords.sector(sector.rawValue)) co-chair: \(chairs[0].name) (\(chairs[0].id))"))
            case 0: failures.append(L("members.yml names no \(MessageWords.sector(sector.rawValue)) co-chair"))
            default: failures.append(L("members.yml names \(chairs.count) \(MessageWords.sector(sector.rawValue)) co-chairs (\(chairs.map(\.id).joined(separator: ", "))); one for each side"))
            }
        }
        evidence.append(file(PlanFiles.members, L("the forum's members and co-chairs")))
        let sectors = Set(members.all.map(\.sector))
        if !sectors.contains(.government) || !sectors.contains(.civilSociety) {
            failures.append(L("the forum needs members of government and of civil society; members.yml has \(sectors.map(\.rawValue).sorted().joined(separator: ", "))"))
        }
        let governance = (try? main.flatMap { try store.files(at: $0).read(PlanFiles.governance) }) ?? nil
        if let governance, !String(decoding: governance, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            notes.append(L("the forum's rules are published in \(PlanFiles.governance)"))
            evidence.append(file(PlanFiles.governance, L("the forum's rules")))
        } else {
            failures.append(L("the forum's rules are not published: \(PlanFiles.governance) is missing or empty on main"))
        }
        return RequirementVerdict(id: "forum-co-chairs", requirement: requirement, outcome: failures.isEmpty ? .pass : .fail,
                                  reasons: failures + notes, evidence: evidence)
    }

    /// The forum meets at least every six months, from the start of the plan's life to the moment asked.
    func meetingsVerdict() -> RequirementVerdict {
        let requirement = L("The forum meets at least every six months (Standard 1)")
        let forumMeetings = meetings.filter { $0.record.kind != .public }
        let evidence = forumMeetings.map { EvidenceItem(.meeting, $0.record.id, L("\($0.record.kind.rawValue) meeting on \($0.record.date)")) }
        guard let start = lifeStart else {
            return RequirementVerdict(id: "forum-meetings", requirement: requirement, outcome: .pending,
                                      reasons: [L("the plan has no timeline or period to count from")], evidence: evidence)
        }
        let end = min(today.firstDayNumber, plan?.lifetime?.end.lastDayNumber ?? today.firstDayNumber)
        var failures: [Message] = []
        var previous = (day: start.firstDayNumber, label: L("the start of the plan's life (\(start))"))
        for (_, meeting) in forumMeetings where meeting.date.firstDayNumber >= start.firstDayNumber {
            let gap = meeting.date.firstDayNumber - previous.day
            if gap > Self.sixMonths {
                failures.append(L("\(gap) days passed between \(previous.label) and the meeting \(meeting.id) on \(meeting.date)"))
            }
            previous = (meeting.date.firstDayNumber, L("the meeting \(meeting.id) (\(meeting.date))"))
        }
        let since = end - previous.day
        if since > Self.sixMonths {
            failures.append(L("\(since) days passed since \(previous.label) with no forum meeting recorded"))
        }
        var reasons = failures
        if failures.isEmpty {
            reasons.append(forumMeetings.isEmpty
                ? L("no forum meeting recorded yet, and \(max(0, since)) days have passed since \(previous.label)")
                : Message.plural(forumMeetings.count, one: L("1 forum meeting recorded"),
                                 other: L("\(forumMeetings.count) forum meetings recorded, none more than \(Self.sixMonths) days apart")))
        }
        let outcome: RequirementVerdict.Outcome = !failures.isEmpty ? .fail : forumMeetings.isEmpty ? .pending : .pass
        return RequirementVerdict(id: "forum-meetings", requirement: requirement, outcome: outcome, reasons: reasons, evidence: evidence)
    }

    /// The first day of the plan's life: its timeline's first phase, else its period.
    var lifeStart: PlanDate? { plan?.process.phases.first?.period.start ?? plan?.period?.start }

    /// The repository is updated at least every six months: no gap longer than that between commits of
    /// main and of the record, nor since the last one.
    func repositoryVerdict() throws -> RequirementVerdict {
        let requirement = L("The online repository is updated at least every six months (Standard 2)")
        let repository = store.repository
        var commits: [(time: Date, id: ObjectID, ref: String)] = []
        for (name, ref) in [("main", RefNames.main), ("record", RefNames.record)] {
            guard let head = try PlanError.wrap({ try repository.referenceTarget(ref) }) else { continue }
            for id in try PlanError.wrap({ try repository.walk(from: [head]) }) {
                let time = try PlanError.wrap { try repository.commit(id) }.committer.time
                if time <= at { commits.append((time, id, name)) }
            }
        }
        commits.sort { $0.time < $1.time }
        guard let first = commits.first, let last = commits.last else {
            return RequirementVerdict(id: "repository-updated", requirement: requirement, outcome: .pending, reasons: [L("the repository has no commit yet")])
        }
        var failures: [Message] = []
        var evidence: [EvidenceItem] = [EvidenceItem(.commit, first.id.hex, L("the first commit (\(first.ref), \(Self.day(first.time)))"))]
        for (earlier, later) in zip(commits, commits.dropFirst()) {
            guard let days = PlanDate.days(from: earlier.time, to: later.time), days > Self.sixMonths else { continue }
            failures.append(L("\(days) days without an update, from \(Self.day(earlier.time)) to \(Self.day(later.time))"))
            evidence.append(EvidenceItem(.commit, earlier.id.hex, L("before a gap of \(days) days")))
            evidence.append(EvidenceItem(.commit, later.id.hex, L("after a gap of \(days) days")))
        }
        let endOfLife = plan?.lifetime.flatMap { PlanDate.day(number: $0.end.lastDayNumber) }
        let horizon = endOfLife.map { min(today.firstDayNumber, $0.firstDayNumber) } ?? today.firstDayNumber
        if let lastDay = PlanDate.day(of: last.time), horizon - lastDay.firstDayNumber > Self.sixMonths {
            failures.append(L("no update for \(horizon - lastDay.firstDayNumber) days since \(lastDay)"))
        }
        evidence.append(EvidenceItem(.commit, last.id.hex, L("the latest commit (\(last.ref), \(Self.day(last.time)))")))
        let reasons = failures.isEmpty
            ? [L("\(commits.count) commits of main and the record from \(Self.day(first.time)) to \(Self.day(last.time)), none more than \(Self.sixMonths) days apart")]
            : failures
        return RequirementVerdict(id: "repository-updated", requirement: requirement, outcome: failures.isEmpty ? .pass : .fail,
                                  reasons: reasons, evidence: evidence)
    }

    /// The timeline is in the repository (plan.yml `process:`) before the first proposal was opened, and
    /// it says it was published before its first phase began.
    func timelineVerdict() throws -> RequirementVerdict {
        let requirement = L("A timeline published before co-creation starts (Standard 3)")
        guard let main else {
            return RequirementVerdict(id: "timeline", requirement: requirement, outcome: .pending, reasons: [L("main has no commit yet")])
        }
        guard let process = plan?.process, !process.phases.isEmpty else {
            return RequirementVerdict(id: "timeline", requirement: requirement, outcome: .fail,
                                      reasons: [L("plan.yml on main has no timeline (process: phases)")], evidence: [file(PlanFiles.plan, L("the plan's settings"))])
        }
        let repository = store.repository
        var published: (id: ObjectID, time: Date)?
        for id in try PlanError.wrap({ try repository.walk(from: [main], order: [.topological, .time, .reverse], firstParentOnly: true) }) {
            guard let phases = try store.loadPlan(at: id).plan?.process.phases, !phases.isEmpty else { continue }
            published = (id, try PlanError.wrap { try repository.commit(id) }.committer.time)
            break
        }
        var failures: [Message] = []
        var notes: [Message] = []
        var evidence: [EvidenceItem] = []
        if let published {
            evidence.append(EvidenceItem(.commit, published.id.hex, L("the first commit on main with the timeline (\(Self.day(published.time)))")))
            if let first = proposals.first {
                evidence.append(EvidenceItem(.event, first.id, L("the first proposal, \(first.slug), opened \(Self.day(first.opened))")))
                if first.opened < published.time {
                    failures.append(L("the first proposal (\(first.slug)) was opened on \(Self.day(first.opened)), before the timeline reached main on \(Self.day(published.time))"))
                } else {
                    notes.append(L("the timeline reached main on \(Self.day(published.time)), before the first proposal (\(first.slug), \(Self.day(first.opened)))"))
                }
            } else {
                notes.append(L("the timeline reached main on \(Self.day(published.time)); no proposal has been opened yet"))
            }
        }
        if let stated = process.timelinePublished, let firstPhase = process.phases.first, stated.firstDayNumber > firstPhase.period.start.firstDayNumber {
            failures.append(L("plan.yml says the timeline was published on \(stated), after its first phase (\(firstPhase.kind.rawValue)) began on \(firstPhase.period.start)"))
        } else if process.timelinePublished == nil {
            failures.append(L("plan.yml does not say when the timeline was published (timeline-published)"))
        }
        evidence.append(file(PlanFiles.plan, L("the timeline (process:)")))
        return RequirementVerdict(id: "timeline", requirement: requirement, outcome: failures.isEmpty ? .pass : .fail,
                                  reasons: failures + notes, evidence: evidence)
    }
}
