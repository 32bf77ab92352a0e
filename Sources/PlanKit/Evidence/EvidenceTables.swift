import Foundation
import GitKit

/// The tables of the IRM evidence pack that nap computes from the repository: the forum's membership
/// over time, meetings and their attendance, input and responses by sector, the plan's text from its
/// first draft to its published version.
extension PlanStore {
    /// Every change of members.yml along main's first-parent line, oldest first: who joined, left or
    /// changed sector, role or organisation, in which commit.
    func membershipHistory() throws -> [[String]] {
        var rows = [["commit", "date", "change", "member", "name", "sector", "role", "organization"]]
        guard let main = try mainHead() else { return rows }
        var previous: [String: Member] = [:]
        var previousBlob: ObjectID?
        for id in try PlanError.wrap({ try repository.walk(from: [main], order: [.topological, .time, .reverse], firstParentOnly: true) }) {
            let commit = try PlanError.wrap { try repository.commit(id) }
            let blob = try PlanError.wrap { try repository.treeEntry(commit.tree, path: PlanFiles.members)?.id }
            guard blob != previousBlob else { continue }
            previousBlob = blob
            let members = try loadPlan(at: id).members
            let current = Dictionary(members.all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let day = RequirementsContext.day(commit.committer.time)
            func row(_ change: String, _ member: Member) -> [String] {
                [id.hex, day, change, member.id, CSVTable.defused(member.name), member.sector.rawValue, member.role.rawValue, CSVTable.defused(member.organization ?? "")]
            }
            for member in members.all {
                if let before = previous[member.id] {
                    if before.sector != member.sector || before.role != member.role || before.organization != member.organization || before.name != member.name {
                        rows.append(row("changed", member))
                    }
                } else {
                    rows.append(row("joined", member))
                }
            }
            for (memberID, member) in previous.sorted(by: { $0.key < $1.key }) where current[memberID] == nil { rows.append(row("left", member)) }
            previous = current
        }
        return rows
    }

    /// One row per attendee of each meeting (members by id; others counted by sector).
    func attendance(_ meetings: [MeetingState], members: Members) -> [[String]] {
        var rows = [["meeting", "date", "kind", "attendee", "name", "sector", "count"]]
        for state in meetings {
            guard let record = state.current?.record else { continue }
            for id in record.attendees {
                let member = members.member(id: id)
                rows.append([record.id, record.date.description, record.kind.rawValue, id, CSVTable.defused(member?.name ?? ""), member?.sector.rawValue ?? "", "1"])
            }
            for (sector, count) in record.publicAttendance.sorted(by: { $0.key < $1.key }) {
                rows.append([record.id, record.date.description, record.kind.rawValue, "", "", sector, String(count)])
            }
        }
        return rows
    }

    /// Input and responses counted by the sector of who gave the input.
    static func inputBySector(_ report: ResponseReport) -> [[String]] {
        let dispositions = Disposition.allCases.map(\.rawValue)
        var rows = [["sector", "inputs", "imported", "owed_response", "answered", "unanswered_owed"] + dispositions]
        let groups = Dictionary(grouping: report.inputs, by: \.sector)
        for sector in groups.keys.sorted() {
            let inputs = groups[sector] ?? []
            let counts = dispositions.map { name in String(inputs.filter { $0.response?.disposition.rawValue == name }.count) }
            rows.append([sector, String(inputs.count), String(inputs.filter { $0.source != nil }.count), String(inputs.filter(\.isOwedResponse).count),
                         String(inputs.filter { $0.response != nil }.count), String(inputs.filter { $0.isOwedResponse && $0.response == nil }.count)] + counts)
        }
        return rows
    }

    /// A unified diff of the plan's files from the first commit on main that had a commitment (the
    /// first draft; the commit before `published` when that is the first) to `published`; nil when main
    /// never had one.
    func draftToPublishedDiff(published: ObjectID) throws -> (from: ObjectID, text: String)? {
        var first: ObjectID?
        for id in try PlanError.wrap({ try repository.walk(from: [published], order: [.topological, .time, .reverse], firstParentOnly: true) }) {
            if try files(at: id).list(PlanFiles.commitments).contains(where: { $0.hasSuffix(".md") }) { first = id; break }
        }
        guard var first else { return nil }
        // A plan whose first commitments arrived with the published merge: from the text before that merge.
        if first == published, let parent = try PlanError.wrap({ try repository.commit(published) }).parents.first { first = parent }
        let oldTree = try PlanError.wrap { try repository.treeID(ofCommit: first) }
        let newTree = try PlanError.wrap { try repository.treeID(ofCommit: published) }
        var out = "nap: the plan from its first draft (\(first.hex)) to \(published.hex)\n"
        for delta in try PlanError.wrap({ try repository.diffTrees(oldTree, newTree) }) {
            let old = delta.change == .added ? nil : try PlanError.wrap { try repository.blobData(delta.oldID) }
            let new = delta.change == .deleted ? nil : try PlanError.wrap { try repository.blobData(delta.newID) }
            out += "diff --git a/\(delta.oldPath) b/\(delta.newPath)\n"
            out += "--- \(old == nil ? "/dev/null" : "a/" + delta.oldPath)\n+++ \(new == nil ? "/dev/null" : "b/" + delta.newPath)\n"
            for hunk in try PlanError.wrap({ try Repository.diffText(old: old, new: new) }) {
                out += "@@ -\(hunk.oldStart),\(hunk.oldCount) +\(hunk.newStart),\(hunk.newCount) @@\n"
                for line in hunk.lines {
                    let mark = switch line.origin { case .added: "+"; case .removed: "-"; case .context: " " }
                    out += mark + (line.content.hasSuffix("\n") ? line.content : line.content + "\n")
                }
            }
        }
        return (first, out)
    }
}
