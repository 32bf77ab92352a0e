import Foundation
import GitKit
import Localization

extension PlanStore {
    /// Opens a proposal: creates `proposal/<slug>` from main, records the opening event (author and
    /// sector from members.yml on main), and switches the working tree to it. With `adoptBranch`, an
    /// existing branch pushed with plain git is given its record instead. Changes nothing on failure.
    @discardableResult
    public func propose(slug: String, title: String, description: String, adoptBranch: Bool = false) throws -> ProposalState {
        if let problem = Slug.problem(slug) { throw PlanError.invalidName(kind: L("proposal name"), name: slug, reason: problem) }
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw PlanError.invalidInput(L("a proposal needs a title (--title)")) }
        guard title.count <= 200, !title.contains("\n") else { throw PlanError.invalidInput(L("the title must be one line of at most 200 characters")) }
        let signature = try identity()
        let main = try requireMain()
        let branch = RefNames.proposal(slug)
        let existing = try PlanError.wrap { try repository.referenceTarget(branch) }
        if try proposalCandidates().contains(where: { $0.slug == slug && $0.id != nil }) {
            throw PlanError.alreadyExists(kind: L("proposal"), name: slug)
        }
        if existing != nil && !adoptBranch {
            throw PlanError.refused(reason: L("branch proposal/\(slug) already exists without a record"),
                                    hint: L("give it its record with `nap propose \(slug) --title \"...\" --adopt-branch`, or pick another name"))
        }
        if adoptBranch && existing == nil { throw PlanError.notFound(kind: L("branch"), name: "proposal/\(slug)") }
        try requireCleanWorkTree()

        let head = existing ?? main
        let base = try PlanError.wrap { try repository.mergeBase(main, head) } ?? main
        let author = try eventAuthor(for: signature)
        let opening = Event(proposal: nil, author: author, time: signature.time, clock: 1,
                            body: .opened(slug: slug, title: title, description: description, base: base, head: head))
        let previousBranch = try currentBranch()
        if existing == nil {
            try PlanError.wrap { try repository.updateReference(branch, to: main, expecting: .absent, message: "nap propose \(slug)") }
        }
        do {
            try PlanError.wrap { try repository.checkout(commit: head, branch: branch) }
            try record.append([opening], by: signature, message: "Open proposal \(slug): \(title)\n")
        } catch {
            // Put everything back as it was.
            if let previousBranch, let back = try? repository.referenceTarget(previousBranch) {
                try? repository.checkout(commit: back, branch: previousBranch)
            }
            if existing == nil { try? repository.deleteReference(branch, expecting: main) }
            throw error
        }
        guard let state = try fold([try recordedEvent(opening)]) else {
            throw PlanError.corruptRecord(path: RefNames.record, reason: L("the opening event could not be read back"))
        }
        return state
    }

    /// The event as stored (with its id).
    func recordedEvent(_ event: Event) throws -> Event {
        var copy = event
        copy.id = try EventCodec.encode(event).id
        return copy
    }

    /// Withdraws an open proposal, with the reason. Only its author or a co-chair may.
    public func withdraw(_ name: String, reason: String) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw PlanError.invalidInput(L("say why the proposal is withdrawn (-m REASON)")) }
        let (_, state) = try recordedProposal(named: name)
        guard case .open = state.status else {
            throw PlanError.refused(reason: L("proposal \(state.slug) is already \(MessageWords.status(state.status.name))"), hint: nil)
        }
        let signature = try identity()
        let author = try eventAuthor(for: signature)
        guard author.email.lowercased() == state.author.email.lowercased() || author.isCoChair else {
            throw PlanError.refused(reason: L("only the proposal's author (\(state.author.name)) or a co-chair may withdraw it"), hint: nil)
        }
        try requireCountingSignature(for: L("withdraw a proposal"), author: author)
        let event = Event(proposal: state.id, author: author, time: signature.time, clock: state.clock + 1, body: .withdrawn(reason: reason))
        try record.append([event], by: signature, message: "Withdraw proposal \(state.slug)\n")
    }

    /// Switches the working tree to a proposal's branch, or to main (`name` is `main`). Never
    /// overwrites uncommitted changes.
    public func switchTo(_ name: String) throws -> String {
        let branch: String
        if name == "main" {
            branch = RefNames.main
        } else {
            let summary = try proposal(named: name)
            guard summary.branchHead != nil else { throw PlanError.notFound(kind: L("branch"), name: "proposal/\(summary.slug)") }
            branch = RefNames.proposal(summary.slug)
        }
        try requireCleanWorkTree()
        guard let target = try PlanError.wrap({ try repository.referenceTarget(branch) }) else {
            throw PlanError.notFound(kind: L("branch"), name: RefNames.shortName(branch))
        }
        try PlanError.wrap { try repository.checkout(commit: target, branch: branch) }
        return RefNames.shortName(branch)
    }

    /// Records the proposal branch's head in the record when it moved since the last recorded revision
    /// (drafting with plain `git commit` is seen this way). A head that does not descend from the
    /// recorded one means the branch was rewritten: the old head is kept under `refs/nap/kept/` so that
    /// nothing is lost, and the revision is marked rewritten. Returns the state after recording.
    @discardableResult
    public func recordRevision(of state: ProposalState, branchHead: ObjectID?) throws -> ProposalState {
        guard let branchHead, let recorded = state.recordedHead, branchHead != recorded, case .open = state.status else { return state }
        let rewritten = try PlanError.wrap { try !repository.isAncestor(recorded, of: branchHead) }
        if rewritten, repository.objectKind(recorded) == .commit {
            let kept = RefNames.keptPrefix + state.slug + "/" + recorded.hex
            try? repository.updateReference(kept, to: recorded, expecting: .absent, message: "nap: keep rewritten proposal head")
        }
        let signature = try identity()
        let event = Event(proposal: state.id, author: try eventAuthor(for: signature), time: signature.time, clock: state.clock + 1,
                          body: .revised(head: branchHead, previous: recorded, rewritten: rewritten))
        try record.append([event], by: signature, message: "Record revision \(branchHead.short()) of proposal \(state.slug)\n")
        return try currentState(of: state.id)
    }

    /// The folded state of a proposal as the record holds it now.
    public func currentState(of id: EventID) throws -> ProposalState {
        guard let state = try fold(try record.events(of: id).events) else { throw PlanError.notFound(kind: L("proposal"), name: id) }
        return state
    }
}
