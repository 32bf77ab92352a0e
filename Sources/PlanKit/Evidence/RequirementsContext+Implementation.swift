import Foundation
import GitKit

/// The rules about implementation and publication: two meetings with civil society during
/// implementation, and a published version in the plan's languages.
extension RequirementsContext {
    /// OGP's minimum number of implementation meetings with civil society.
    static let implementationMeetingsRequired = 2

    /// At least two implementation meetings with civil society (a civil-society member among the
    /// attendees, or civil society counted in the public attendance) during implementation.
    func implementationMeetingsVerdict() -> RequirementVerdict {
        let requirement = "At least two meetings with civil society during implementation (Standard 5)"
        guard let period = plan?.process.phase(.implementation)?.period ?? plan?.period else {
            return RequirementVerdict(id: "implementation-meetings", requirement: requirement, outcome: .pending,
                                      reasons: ["the plan has no implementation phase or period"], evidence: [file(PlanFiles.plan, "the timeline")])
        }
        let civilSociety = Set(members.all.filter { $0.sector == .civilSociety }.map(\.id))
        let held = meetings.filter { meeting in
            meeting.record.kind == .implementation && period.contains(meeting.record.date)
                && (meeting.record.attendees.contains { civilSociety.contains($0) } || (meeting.record.publicAttendance[Sector.civilSociety.rawValue] ?? 0) > 0)
        }
        let evidence = held.map { EvidenceItem(.meeting, $0.record.id, "implementation meeting on \($0.record.date) with civil society") }
        let required = Self.implementationMeetingsRequired
        let counted = "\(held.count) implementation meeting\(held.count == 1 ? "" : "s") with civil society recorded in \(period)"
        if held.count >= required {
            return RequirementVerdict(id: "implementation-meetings", requirement: requirement, outcome: .pass, reasons: [counted], evidence: evidence)
        }
        if today.firstDayNumber > period.end.lastDayNumber {
            return RequirementVerdict(id: "implementation-meetings", requirement: requirement, outcome: .fail,
                                      reasons: ["implementation ended on \(period.end) with \(held.count) meeting\(held.count == 1 ? "" : "s") with civil society; OGP asks for \(required)"],
                                      evidence: evidence)
        }
        let when = today.firstDayNumber < period.start.firstDayNumber ? "implementation has not begun (\(period.start))" : "implementation runs until \(period.end)"
        return RequirementVerdict(id: "implementation-meetings", requirement: requirement, outcome: .pending,
                                  reasons: ["\(counted) so far; \(when), and OGP asks for \(required)"], evidence: evidence)
    }

    /// A published version (a version tag on main) whose commitments are written in every language of
    /// the plan, English among them.
    func publicationVerdict() -> RequirementVerdict {
        let requirement = "The plan published in its languages, English among them (Standards 2 and 3)"
        guard let latest = versions.last else {
            let publication = plan?.process.phase(.publication)?.period
            let late = publication.map { today.firstDayNumber > $0.end.lastDayNumber } ?? false
            return RequirementVerdict(
                id: "published-languages", requirement: requirement, outcome: late ? .fail : .pending,
                reasons: [late ? "no version was published, and the publication phase ended on \(publication.map { "\($0.end)" } ?? "")"
                               : "no version is published yet (nap publish)"])
        }
        // Copied out of the version first: Swift 6.3.1's optimizer crashes (CopyPropagation, "Found outside
        // of lifetime use") on the tagger's time read through the borrowed value in a release build.
        let version = (name: latest.name, commit: latest.commit)
        let taggedTime: Date? = latest.tagger.map { $0.time }
        var evidence = [EvidenceItem(.tag, version.name, "the latest version, tagged \(taggedTime.map(Self.day) ?? "")")]
        guard let contents = try? PlanValidator().load(source: store.files(at: version.commit)), let plan = contents.plan else {
            return RequirementVerdict(id: "published-languages", requirement: requirement, outcome: .fail,
                                      reasons: ["plan.yml cannot be read in version \(version.name)"], evidence: evidence)
        }
        var failures: [String] = []
        if !plan.languages.contains("en") { failures.append("the plan's languages (\(plan.languages.joined(separator: ", "))) do not include English") }
        if plan.languages.count < 2 { failures.append("the plan has one language; OGP asks for the administrative language and English") }
        for commitment in contents.commitments {
            let missing = plan.languages.filter { language in
                (commitment.title[language] ?? "").isEmpty || !commitment.sections.contains { $0.language == language }
            }
            if !missing.isEmpty {
                failures.append("commitment \(commitment.id) in \(version.name) is not written in \(missing.joined(separator: ", "))")
                evidence.append(EvidenceItem(.path, "commitments/\(commitment.id).md@\(version.name)", "missing \(missing.joined(separator: ", "))"))
            }
        }
        if contents.commitments.isEmpty { failures.append("version \(version.name) has no commitment") }
        let reasons = failures.isEmpty
            ? ["version \(version.name) has \(contents.commitments.count) commitment\(contents.commitments.count == 1 ? "" : "s"), each in \(plan.languages.joined(separator: " and "))"]
            : failures
        return RequirementVerdict(id: "published-languages", requirement: requirement, outcome: failures.isEmpty ? .pass : .fail,
                                  reasons: reasons, evidence: evidence)
    }
}
