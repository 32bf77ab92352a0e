import Foundation
import Localization

/// The rules a process event must keep before any state uses it (docs/STORAGE.md, "Who may write what"),
/// as `EventAdmission` for proposal events: the author is re-derived from members.yml on main at the
/// event's time, signatures are required where the policy requires them, and each type has a rule.
struct ProcessAdmission {
    let authority: ProcessAuthority
    private var reports: [EventID: EventAuthor] = [:]
    private var comments: [EventID: EventAuthor] = [:]

    init(authority: ProcessAuthority) {
        self.authority = authority
    }

    /// The event with its author derived, or the reason it is quarantined.
    mutating func admit(_ event: ProcessEvent) throws -> Result<ProcessEvent, QuarantineReason> {
        var event = event
        let anyone = EventAuthor(name: event.author.name, email: event.author.email, member: nil, sector: "public", role: nil)
        if let member = try authority.member(email: event.author.email, at: event.time) {
            if member.role == .host {
                return .failure(.init(L("it is written as host '\(member.id)' itself; a host has no voice of its own, and minutes and progress are not written through a host")))
            }
            if authority.requiresSignatures, try !authority.isSigned(event, by: member) {
                event.author = anyone
                if case .progressComment = event.body {} else {
                    return .failure(.init(L("it names \(member.email) but is not signed with that member's key, and the policy requires signatures")))
                }
            } else {
                event.author = EventAuthor(name: member.name, email: event.author.email, member: member.id,
                                           sector: member.sector.rawValue, role: member.role.rawValue)
            }
        } else {
            event.author = anyone
        }
        if let reason = try violation(event) { return .failure(reason) }
        switch event.body {
        case .progress: reports[event.id] = event.author
        case .progressComment: comments[event.id] = event.author
        default: break
        }
        return .success(event)
    }

    /// The latest day a record written at `time` may speak of: the day it already is somewhere on Earth.
    static func latestDay(at time: Date) -> PlanDate? {
        PlanDate.day(of: time.addingTimeInterval(14 * 3_600))
    }

    private func violation(_ event: ProcessEvent) throws -> QuarantineReason? {
        let author = event.author
        let when = Timestamp.format(event.time)
        switch event.body {
        case .meeting(let meeting):
            guard author.member != nil else { return .init(L("a meeting recorded by \(author.email), who was not a member at \(when)")) }
            let members = try authority.members(at: event.time)
            if !author.isCoChair {
                let secretariats = Set([members.governmentCoChair, members.civilSocietyCoChair].compactMap { $0?.organization?.trimmed }.filter { !$0.isEmpty })
                let organization = members.member(email: author.email)?.organization?.trimmed ?? ""
                guard secretariats.contains(organization) else {
                    return .init(L("minutes are recorded by a co-chair or a member of a co-chair's organisation; \(author.email) was neither at \(when)"))
                }
            }
            if let latest = Self.latestDay(at: event.time), meeting.date.firstDayNumber > latest.firstDayNumber {
                return .init(L("it records a meeting on \(meeting.date), after the day it was recorded (\(when))"))
            }
            let then = try authority.members(at: Self.endOfDay(meeting.date))
            for attendee in meeting.attendees where members.member(id: attendee) == nil && then.member(id: attendee) == nil {
                return .init(L("attendee '\(attendee)' was not a member on \(meeting.date) or at \(when)"))
            }
            return nil
        case .progress(let report):
            guard author.member != nil else { return .init(L("a progress report by \(author.email), who was not a member at \(when)")) }
            guard let commitment = try authority.commitment(report.commitment, at: event.time) else {
                return .init(L("commitment \(report.commitment) was not on main at \(when)"))
            }
            let lead = LeadAgency(of: commitment, in: try authority.members(at: event.time))
            guard lead.includes(email: author.email) else {
                return .init(L("progress is reported by the lead agency (\(lead.label)); \(author.email) was not one of its members at \(when)"))
            }
            if let milestone = report.milestone, milestone > commitment.milestones.count {
                return .init(L("commitment \(report.commitment) has \(commitment.milestones.count) milestones, not \(milestone)"))
            }
            return nil
        case .progressComment(let target, _):
            guard reports[target] != nil else { return .init(L("it comments on \(target.prefix(8)), which is not a progress report of this commitment")) }
            return nil
        case .progressResponse(let target, _, _):
            guard comments[target] != nil else { return .init(L("it responds to \(target.prefix(8)), which is not a comment on this commitment's progress")) }
            guard author.member != nil else { return .init(L("a response by \(author.email), who was not a member at \(when)")) }
            guard case .commitment(let id) = event.subject else { return nil }
            let lead = try authority.commitment(id, at: event.time).map { LeadAgency(of: $0, in: try authority.members(at: event.time)) }
            guard author.isGovernment || author.isCoChair || lead?.includes(email: author.email) == true else {
                return .init(L("reasoned responses are given by the lead agency, government members or the co-chairs; \(author.email) was none of them at \(when)"))
            }
            return nil
        }
    }

    /// The last second of a day (UTC), for asking who was a member on it.
    static func endOfDay(_ day: PlanDate) -> Date {
        Date(timeIntervalSince1970: Double(day.lastDayNumber) * 86_400 + 86_399)
    }
}
