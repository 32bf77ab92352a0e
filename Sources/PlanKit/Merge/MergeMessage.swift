import GitKit

/// The message of a gated merge commit: what was merged, and trailers that record who did what, so that
/// `git log` on main is the attribution record (DESIGN.md section 4).
struct MergeMessage {
    let state: ProposalState
    let head: ObjectID
    let approvals: [(member: Member, label: String)]
    let drafters: [Signature]
    let reviewers: [EventAuthor]

    var text: String {
        var lines = ["Merge proposal \(state.slug): \(state.title)", ""]
        if !state.description.isEmpty {
            lines.append(contentsOf: state.description.split(separator: "\n", omittingEmptySubsequences: false).prefix(20).map(String.init))
            lines.append("")
        }
        lines.append("Proposal: \(state.id)")
        lines.append("Proposal-Slug: \(state.slug)")
        lines.append("Proposal-Head: \(head.hex)")
        lines.append("Proposed-by: \(Self.person(state.author.name, state.author.email)) (\(state.author.sectorLabel))")
        for (member, label) in approvals {
            lines.append("Approved-by: \(Self.person(member.name, member.email)) (\(label))")
        }
        var seen = Set<String>()
        for drafter in drafters where seen.insert(drafter.email.lowercased()).inserted {
            lines.append("Co-authored-by: \(Self.person(drafter.name, drafter.email))")
        }
        for reviewer in reviewers {
            lines.append("Reviewed-by: \(Self.person(reviewer.name, reviewer.email)) (\(reviewer.sector)\(reviewer.role.map { " " + $0 } ?? ""))")
        }
        var bySector: [String: Int] = [:]
        for comment in state.comments { bySector[comment.author.sectorLabel, default: 0] += 1 }
        lines.append("Comments: " + (bySector.isEmpty ? "none" : bySector.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        var byDisposition: [String: Int] = [:]
        // The responses in force: the last one to the proposal and to each comment.
        for response in (state.responses.last.map { [$0] } ?? []) + state.comments.compactMap(\.response) { byDisposition[response.disposition.rawValue, default: 0] += 1 }
        if !byDisposition.isEmpty {
            lines.append("Responses: " + byDisposition.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Name <email>` with anything that would break a trailer line removed.
    static func person(_ name: String, _ email: String) -> String {
        let clean: (String) -> String = { $0.filter { !$0.isNewline && $0 != "<" && $0 != ">" } }
        return "\(clean(name)) <\(clean(email))>"
    }
}
