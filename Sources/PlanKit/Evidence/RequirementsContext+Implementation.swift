import Foundation
import Localization
import GitKit

/// The rules about implementation and publication: two meetings with civil society during
/// implementation, and a published version in the plan's languages.
extension RequirementsContext {
    /// OGP's minimum number of implementation meetings with civil society.
    static let implementationMeetingsRequired = 2

    /// At least two implementation meetings with civil society (a civil-society member among the
    /// attendees, or civil society counted in the public attendance) during implementation.
    func implementationMeetingsVerdict() -> RequirementVerdict {
        let requirement = L("At least two meetings with civil society during implementation (Standard 5)")
        guard let period = plan?.process.phase(.implementation)?.period ?? plan?.period else {
            return RequirementVerdict(id: "implementation-meetings", requirement: requirement, outcome: .pending,
                                      reasons: [L("the plan has no implementation phase or period")], evidence: [file(PlanFiles.plan, L("the timeline"))])
        }
        let civilSociety = Set(members.all.filter { $0.sector == .civilSociety }.map(\.id))
        let held = meetings.filter { meeting in
            meeting.record.kind == .implementation && period.contains(meeting.record.date)
                && (meeting.record.attendees.contains { civilSociety.contains($0) } || (meeting.record.publicAttendance[Sector.civilSociety.rawValue] ?? 0) > 0)
        }
        let evidence = held.map { EvidenceItem(.meeting, $0.record.id, L("implementation meeting on \($0.record.date) with civil society")) }
        let required = Self.implementationMeetingsRequired
        let counted = Message.plural(held.count, one: L("1 implementation meeting with civil society recorded in \(period)"),
                                     other: L("\(held.count) implementation meetings with civil society recorded in \(period)"))
        if held.count >= required {
            return RequirementVerdict(id: "implementation-meetings", requirement: requirement, outcome: .pass, reasons: [counted], evidence: evidence)
        }
        if today.firstDayNumber > period.end.lastDayNumber {
            return RequirementVerdict(id: "implementation-meetings", requirement: requirement, outcome: .fail,
                                      reasons: [Message.plural(held.count, one: L("implementation ended on \(period.end) with 1 meeting with civil society; OGP asks for \(required)"),
                                                                other: L("implementation ended on \(period.end) with \(held.count) meetings with civil society; OGP asks for \(required)"))],
                                      evidence: evidence)
        }
        let when = today.firstDayNumber < period.start.firstDayNumber ? L("implementation has not begun (\(period.start))") : L("implementation runs until \(period.end)")
        return RequirementVerdict(id: "implementation-meetings", requirement: requirement, outcome: .pending,
                                  reasons: [L("\(counted) so far; \(when), and OGP asks for \(required)")], evidence: evidence)
    }

    /// A published version (a version tag on main) whose commitments are written in every language of
    /// the plan, English among them.
    func publicationVerdict() -> RequirementVerdict {
        let requirement = L("The plan published in its languages, English among them (Standards 2 and 3)")
        guard let latest = versions.last else {
            let publication = plan?.process.phase(.publication)?.period
            let late = publication.map { today.firstDayNumber > $0.end.lastDayNumber } ?? false
            return RequirementVerdict(
                id: "published-languages", requirement: requirement, outcome: late ? .fail : .pending,
                reasons: [late ? L("no version was published, and the publication phase ended on \(publication.map { "\($0.end)" } ?? "")")
                               : L("no version is published yet (nap publish)")])
        }
        // Copied out of the version first: Swift 6.3.1's optimizer crashes (CopyPropagation, "Found outside
        // of lifetime use") on the tagger's time read through the borrowed value in a release build.
        let version = (name: latest.name, commit: latest.commit)
        let taggedTime: Date? = latest.tagger.map { $0.time }
        var evidence = [EvidenceItem(.tag, version.name, L("the latest version, tagged \(taggedTime.map(Self.day) ?? "")"))]
        guard let contents = try? PlanValidator().load(source: store.files(at: version.commit)), let plan = contents.plan else {
            return RequirementVerdict(id: "published-languages", requirement: requirement, outcome: .fail,
                                      reasons: [L("plan.yml cannot be read in version \(version.name)")], evidence: evidence)
        }
        var failures: [Message] = []
        if !plan.languages.contains("en") { failures.append(L("the plan's languages (\(plan.languages.joined(separator: ", "))) do not include English")) }
        if plan.languages.count < 2 { failures.append(L("the plan has one language; OGP asks for the administrative language and English")) }
        for commitment in contents.commitments {
            let missing = plan.languages.filter { language in
                (commitment.title[language] ?? "").isEmpty || !commitment.sections.contains { $0.language == language }
            }
            if !missing.isEmpty {
                failures.append(L("commitment \(commitment.id) in \(version.name) is not written in \(missing.joined(separator: ", "))"))
                evidence.append(EvidenceItem(.path, "commitments/\(commitment.id).md@\(version.name)", L("missing \(missing.joined(separator: ", "))")))
            }
        }
        if contents.commitments.isEmpty { failures.append(L("version \(version.name) has no commitment")) }
        let reasons = failures.isEmpty
            ? [Message.plural(contents.commitments.count, one: L("version \(version.name) has 1 commitment, in \(Self.languageList(plan.languages))"),
                              other: L("version \(version.name) has \(contents.commitments.count) commitments, each in \(Self.languageList(plan.languages))"))]
            : failures
        return RequirementVerdict(id: "published-languages", requirement: requirement, outcome: failures.isEmpty ? .pass : .fail,
                                  reasons: reasons, evidence: evidence)
    }

    /// The plan's languages in a sentence: `zh-Hant and en` (`zh-Hant 和 en`).
    static func languageList(_ languages: [String]) -> Message {
        languages.count == 2 ? L("\(languages[0]) and \(languages[1])") : Message(verbatim: languages.joined(separator: ", "))
    }
}
