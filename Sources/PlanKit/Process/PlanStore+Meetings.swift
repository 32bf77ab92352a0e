import Foundation
import GitKit
import Localization

extension PlanStore {
    /// Every meeting in the record, by date (then id), each folded under the plan's authority.
    public func meetings() throws -> [MeetingState] {
        let tree = try record.tree()
        let authority = try self.authority()
        var result: [MeetingState] = []
        for (id, _) in try record.processSubjects(in: ProcessSubject.meetingsFolder, tree: tree).subjects {
            let read = try record.processEvents(of: .meeting(id), in: tree)
            result.append(try MeetingState.fold(id: id, events: read.events, problems: read.problems, authority: authority))
        }
        return result.sorted { ($0.current?.record.date.firstDay ?? 0, $0.id) < ($1.current?.record.date.firstDay ?? 0, $1.id) }
    }

    /// The meeting `id` as the record has it.
    public func meeting(_ id: String) throws -> MeetingState {
        guard Identifier.isSafe(id) else { throw PlanError.invalidName(kind: L("meeting id"), name: id, reason: Identifier.problem(in: id) ?? Message(verbatim: "")) }
        let read = try record.processEvents(of: .meeting(id))
        guard !read.events.isEmpty || !read.problems.isEmpty else { throw PlanError.notFound(kind: L("meeting"), name: id) }
        return try MeetingState.fold(id: id, events: read.events, problems: read.problems, authority: try authority())
    }

    /// Checks a draft against the plan on main, its members and proposals, and today: the meeting's record,
    /// or every problem at its place. Dates may not be in the future nor outside the plan's life (its
    /// timeline and period); attendees must be members; decisions must name proposals of the record.
    public func checkMeeting(_ draft: MeetingDraft, now: Date = Date()) throws -> (record: MeetingRecord?, issues: [MeetingDraft.Issue]) {
        var draft = draft
        let main = try requireMain()
        let loaded = try loadPlan(at: main)
        if let problem = Identifier.problem(in: draft.id) { draft.error(L("'\(draft.id)' is not a meeting id: \(problem)"), at: draft.place) }
        if draft.date == nil, !draft.issues.contains(where: { $0.severity == .error }) { draft.error(L("the meeting's date is missing"), at: draft.place) }
        if draft.kind == nil, !draft.issues.contains(where: { $0.severity == .error }) { draft.error(L("the meeting's kind is missing"), at: draft.place) }
        let today = ProcessAdmission.latestDay(at: now)
        if let date = draft.date {
            if let today, date.value.firstDayNumber > today.firstDayNumber {
                draft.error(L("the meeting is dated \(date.value), in the future; record a meeting once it was held"), at: date.place)
            }
            if let lifetime = loaded.plan?.lifetime, !lifetime.contains(date.value) {
                draft.error(L("\(date.value) is outside the plan's life (\(lifetime), its timeline and period)"), at: date.place)
            }
            if let agenda = draft.agendaPublished, agenda.value.firstDay > date.value.lastDay {
                draft.error(L("the agenda is dated \(agenda.value), after the meeting (\(date.value))"), at: agenda.place)
            }
        }
        var seen = Set<String>()
        for attendee in draft.attendees {
            if loaded.members.member(id: attendee.value) == nil {
                draft.error(L("'\(attendee.value)' is not a member in members.yml on main; list members by id, and count others in public-attendance"),
                            at: attendee.place)
            } else if !seen.insert(attendee.value).inserted {
                draft.warning(L("'\(attendee.value)' is listed twice"), at: attendee.place)
            }
        }
        let languages = loaded.plan?.languages ?? []
        if draft.minutes.isEmpty {
            draft.error(L("the meeting has no minutes: write them in the body, one block per language (# 會議紀錄 {lang=zh-Hant})"), at: draft.minutesPlace)
        } else {
            for language in languages where draft.minutes[language] == nil {
                draft.warning(L("the minutes have no \(language) text"), at: draft.minutesPlace)
            }
            for language in draft.minutes.keys.sorted() where !languages.contains(language) {
                draft.warning(L("the minutes have a block in '\(language)', which is not one of the plan's languages"), at: draft.minutesPlace)
            }
        }
        var decisions: [MeetingDecision] = []
        for decision in draft.decisions {
            guard decision.reason.trimmed.count >= 8 else {
                draft.error(L("a decision needs a reason a reader can follow (at least 8 characters)"), at: decision.place)
                continue
            }
            do {
                let candidate = try resolveProposal(decision.proposal.value)
                guard let id = candidate.id else {
                    draft.error(L("proposal '\(decision.proposal.value)' has no record yet; open it with `nap propose`"), at: decision.proposal.place)
                    continue
                }
                decisions.append(MeetingDecision(proposal: id, slug: candidate.slug, outcome: decision.outcome, reason: decision.reason))
            } catch let error as PlanError {
                draft.error(error.message, at: decision.proposal.place)
            }
        }
        guard !draft.issues.contains(where: { $0.severity == .error }), let date = draft.date, let kind = draft.kind else { return (nil, draft.issues) }
        let record = MeetingRecord(id: draft.id, date: date.value, kind: kind, title: draft.title, agendaPublished: draft.agendaPublished?.value,
                                   attendees: draft.attendees.map(\.value), publicAttendance: draft.publicAttendance, links: draft.links,
                                   minutes: draft.minutes, decisions: decisions)
        return (record, draft.issues)
    }

    /// Records a meeting (or revises its record: both are kept, the last is in force). Only a co-chair or a
    /// member of a co-chair's organisation (the forum's secretariats) records minutes; they are signed
    /// like every event when the user has a key. `what` names the draft in errors (a file's path).
    /// Returns the event's id, whether it revised an earlier record, and the warnings about the draft.
    /// The meeting may not be dated after the day the record is made (its event's time).
    public func recordMeeting(_ draft: MeetingDraft, what: String) throws -> (id: EventID, revised: Bool, warnings: [MeetingDraft.Issue]) {
        let signature = try identity()
        let author = try eventAuthor(for: signature)
        let members = try currentMembers()
        if !author.isCoChair {
            let secretariats = Set([members.governmentCoChair, members.civilSocietyCoChair].compactMap { $0?.organization?.trimmed }.filter { !$0.isEmpty })
            guard author.member != nil, let organization = members.member(email: signature.email)?.organization?.trimmed,
                  secretariats.contains(organization) else {
                throw PlanError.refused(reason: L("minutes are recorded by a co-chair or a member of a co-chair's organisation (\(secretariats.sorted().joined(separator: ", "))); \(signature.email) is neither"),
                                        hint: L("send the minutes to the forum's secretariat"))
            }
        }
        let (checked, issues) = try checkMeeting(draft, now: signature.time)
        guard let meeting = checked else {
            throw PlanError.invalidDocument(what: Message(verbatim: what), diagnostics: issues.map { $0.diagnostic(path: what) })
        }
        let existing = try record.processEvents(of: .meeting(meeting.id))
        let event = ProcessEvent(subject: .meeting(meeting.id), author: author, time: signature.time,
                                 clock: (existing.events.map(\.clock).max() ?? 0) + 1, body: .meeting(meeting))
        let revised = !existing.events.isEmpty
        let id = try record.append(process: [event], by: signature,
                                   message: "\(revised ? "Revise the record of" : "Record") meeting \(meeting.id) (\(meeting.kind.rawValue), \(meeting.date))\n")[0]
        return (id, revised, issues)
    }
}
