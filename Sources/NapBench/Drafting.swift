import Foundation
import GitKit
import PlanKit

/// Writes the plan's git history in one process: the founding commits on main, then every proposal's
/// branch and drafts, and a real two-parent merge commit (with nap's trailers) for each merged proposal,
/// interleaved in time as a consultation runs. The record of each proposal is written as it closes.
final class Drafting {
    let repository: Repository
    let people: People
    let corpus: Corpus
    private(set) var main: ObjectID?
    private(set) var commits = 0
    /// Each merge on main with its time, oldest first (versions are published on some of them).
    private(set) var merges: [(commit: ObjectID, time: Date)] = []
    /// How many merges had conflicts that were resolved by taking the proposal's version of the file.
    private(set) var resolvedConflicts = 0

    init(repository: Repository, people: People, corpus: Corpus) {
        self.repository = repository
        self.people = people
        self.corpus = corpus
    }

    private func signature(_ person: Person, _ time: Date) -> Signature {
        Signature(name: person.name, email: person.email, time: time)
    }

    private func commit(tree: ObjectID, parents: [ObjectID], author: Person, time: Date, message: String) throws -> ObjectID {
        commits += 1
        let who = signature(author, time)
        return try repository.createCommit(tree: tree, parents: parents, author: who, committer: who, message: message)
    }

    /// The founding commit on main: the template with its members and every commitment, so that the
    /// whole history after it is gated merges and `nap verify` passes (as `nap sync` and `nap clone`
    /// require of a hub's main).
    func found(files: [(path: String, bytes: [UInt8])], commitments: [(id: String, text: String)]) throws {
        let time = Scenario.start.addingTimeInterval(-40 * Scenario.day)
        var changes: [String: TreeChange] = [:]
        for file in files { changes[file.path] = .blob(try repository.writeBlob(file.bytes)) }
        for item in commitments { changes["commitments/\(item.id).md"] = .blob(try repository.writeBlob(Array(item.text.utf8))) }
        let tree = try repository.writeTree(applying: changes, to: nil)
        main = try commit(tree: tree, parents: [], author: people.governmentCoChair, time: time,
                          message: "Start the plan from nap's template, with its forum and \(commitments.count) commitments\n")
    }

    /// How many commits `found` writes.
    static func foundingCommits(commitments: Int) -> Int { 1 }

    private enum Step { case open, draft, close }

    /// Runs the consultation: every proposal opens from main as it is then, gets its drafts, and is
    /// merged, withdrawn or left open; `discussion` records what was said.
    func run(_ plans: inout [ProposalPlan], ids: inout [EventID], discussion: Discussion, end: Date, random: inout SeededRandom) throws {
        var agenda: [(time: Date, proposal: Int, step: Step)] = []
        for (index, plan) in plans.enumerated() {
            agenda.append((plan.opened, index, .open))
            let room = max(3600, end.addingTimeInterval(-10 * Scenario.day).timeIntervalSince(plan.opened))
            let spacing = min(Double.random(in: 0.3...2.5, using: &random) * Scenario.day, room / Double(plan.commits + 2))
            var time = plan.opened
            for _ in 0..<plan.commits {
                time.addTimeInterval(spacing * Double.random(in: 0.5...1.5, using: &random))
                agenda.append((time, index, .draft))
            }
            plans[index].closed = plan.outcome == .open ? nil : time.addingTimeInterval(spacing * 2)
            if let closed = plans[index].closed { agenda.append((closed, index, .close)) }
        }
        agenda.sort { ($0.time, $0.proposal) < ($1.time, $1.proposal) }
        var drafts: [Int: DraftText] = [:]
        for (time, index, step) in agenda {
            guard let main else { return }
            let plan = plans[index]
            switch step {
            case .open:
                let tree = try repository.treeID(ofCommit: main)
                let text = try repository.fileData(tree: tree, path: plan.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
                drafts[index] = DraftText(text, random: &random)
                plans[index].base = main
                plans[index].heads = [(main, plan.opened, nil)]
                ids[index] = try discussion.open(plans[index], index: index)
            case .draft:
                guard var draft = drafts[index], let head = plan.head else { continue }
                let anchor = draft.edit(corpus: corpus, random: &random)
                drafts[index] = draft
                let blob = try repository.writeBlob(Array(draft.text.utf8))
                let tree = try repository.writeTree(applying: [plan.path: .blob(blob)], to: try repository.treeID(ofCommit: head))
                let drafter = plan.coDrafters.isEmpty || random.chance(0.7) ? plan.author : random.pick(plan.coDrafters)
                let message = DraftText.isChinese(plan.title) ? "修訂\(plan.path.dropFirst(12).dropLast(3))：\(plan.title)\n" : "Redraft \(plan.path.dropFirst(12).dropLast(3)): \(plan.title)\n"
                let id = try commit(tree: tree, parents: [head], author: drafter, time: time, message: message)
                plans[index].heads.append((id, time, anchor))
            case .close:
                drafts[index] = nil
                if plan.outcome == .merged {
                    try merge(&plans[index], id: ids[index], index: index, at: time, discussion: discussion, random: &random)
                } else {
                    try discussion.discuss(plan, id: ids[index], index: index, until: time, random: &random)
                }
            }
        }
        for (index, plan) in plans.enumerated() where plan.outcome == .open {
            try discussion.discuss(plan, id: ids[index], index: index, until: end, random: &random)
        }
    }

    private func merge(_ proposal: inout ProposalPlan, id: EventID, index: Int, at time: Date, discussion: Discussion, random: inout SeededRandom) throws {
        guard let main, let drafted = proposal.head else { return }
        var head = drafted
        let tree: ObjectID
        switch try repository.mergeCommits(ours: main, theirs: drafted) {
        case .clean(let merged): tree = merged
        case .conflicts(let paths):
            // As the drafters would with `nap update`: main merged into the proposal, keeping the proposal's
            // text of the files it redrafted; the co-chairs then approve that head, and the merge is clean.
            resolvedConflicts += 1
            let theirs = try repository.treeID(ofCommit: drafted)
            var changes: [String: TreeChange] = [:]
            for path in paths {
                if let entry = try repository.treeEntry(theirs, path: path), entry.kind == .blob { changes[path] = .blob(entry.id) } else { changes[path] = .remove }
            }
            tree = try repository.writeTree(applying: changes, to: try repository.treeID(ofCommit: main))
            let updated = time.addingTimeInterval(-3600)
            head = try commit(tree: tree, parents: [drafted, main], author: proposal.author, time: updated,
                              message: "Merge main into proposal/\(proposal.slug)\n")
            proposal.heads.append((head, updated, nil))
        }
        let plan = proposal
        let mergedHead = head
        var written: (commit: ObjectID, time: Date)?
        try discussion.discuss(plan, id: id, index: index, until: time, merging: { comments, responses in
            var lines = ["Merge proposal \(plan.slug): \(plan.title)", "", "Proposal: \(id)", "Proposal-Slug: \(plan.slug)",
                         "Proposal-Head: \(mergedHead.hex)",
                         "Proposed-by: \(plan.author.name) <\(plan.author.email)> (\(plan.author.member == nil ? "public" : plan.author.sector))",
                         "Approved-by: \(self.people.governmentCoChair.name) <\(self.people.governmentCoChair.email)> (government co-chair)",
                         "Approved-by: \(self.people.civilSocietyCoChair.name) <\(self.people.civilSocietyCoChair.email)> (civil-society co-chair)"]
            var seen = Set<String>()
            for drafter in [plan.author] + plan.coDrafters where seen.insert(drafter.email).inserted {
                lines.append("Co-authored-by: \(drafter.name) <\(drafter.email)>")
            }
            lines.append("Comments: " + (comments.isEmpty ? "none" : comments.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
            if !responses.isEmpty {
                lines.append("Responses: " + responses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            }
            let commit = try self.commit(tree: tree, parents: [main, mergedHead], author: self.people.governmentCoChair, time: time,
                                         message: lines.joined(separator: "\n") + "\n")
            self.main = commit
            self.merges.append((commit, time))
            written = (commit, time)
            return commit
        }, random: &random)
        proposal.merge = written
    }
}
