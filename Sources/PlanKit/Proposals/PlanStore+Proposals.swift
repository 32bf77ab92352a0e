import Foundation
import GitKit
import Localization

extension PlanStore {
    /// Every proposal, with its full folded state: those in the record and every `proposal/*` branch,
    /// including branches pushed with plain git that have no record yet. Sorted by opening time, then slug.
    /// This folds every proposal's events: for whole-plan work (`nap site`), and the reference the cached
    /// listings are tested against (CacheTests); listings use `proposalListings()`, which reads the cache.
    ///
    /// `usingCache`: the events are read through the cache of decoded events and the states kept for the
    /// store's life (`allProposalStates`), as the site and the response report read them; without it every
    /// event is read from its blob and folded (the reference the caches are tested against).
    public func proposals(usingCache: Bool = false) throws -> [ProposalSummary] {
        let branchHeads = try proposalBranchHeads()
        let main = try mainHead()
        let memo = ChangedPathsMemo(cache: derivedCache)
        var result: [ProposalSummary] = []
        var seenSlugs = Set<String>()
        let tree = try record.tree()
        let states = usingCache ? try allProposalStates().map(\.state)
            : try record.proposals(in: tree).compactMap { try fold(try record.events(of: $0.id, in: tree).events) }
        let perSlug = Dictionary(grouping: states, by: \.slug).mapValues(\.count)
        let openPerSlug = Dictionary(grouping: states.filter { $0.status == .open }, by: \.slug).mapValues(\.count)
        for state in states {
            seenSlugs.insert(state.slug)
            // When two proposals once shared a name, the branch belongs to the one still open.
            let owns = perSlug[state.slug] == 1 || (state.status == .open && openPerSlug[state.slug] == 1)
            result.append(try summary(state: state, branchHead: owns ? branchHeads[state.slug] : nil, main: main, memo: memo))
        }
        for (slug, head) in branchHeads where !seenSlugs.contains(slug) {
            let (commitments, files) = try changes(head: head, base: nil, main: main, memo: memo)
            result.append(ProposalSummary(id: nil, slug: slug, state: nil, branchHead: head, changedCommitments: commitments, changedFiles: files))
        }
        memo.save(pruning: false)
        return result.sorted { ($0.state?.opened ?? .distantFuture, $0.slug) < ($1.state?.opened ?? .distantFuture, $1.slug) }
    }

    func summary(state: ProposalState, branchHead: ObjectID?, main: ObjectID?, memo: ChangedPathsMemo? = nil) throws -> ProposalSummary {
        let (commitments, files) = try changes(head: branchHead ?? state.recordedHead, base: state.base, main: main, memo: memo)
        return ProposalSummary(id: state.id, slug: state.slug, state: state, branchHead: branchHead, changedCommitments: commitments, changedFiles: files)
    }

    /// The paths a proposal head changes against its merge base with main (or its recorded base).
    func changedPaths(head: ObjectID, base: ObjectID?, main: ObjectID?) throws -> [String] {
        var from = base
        // A merged proposal is contained in main; its own change is against its base.
        if let main, let mergeBase = try mergeBase(main: main, head: head), mergeBase != head { from = mergeBase }
        return try PlanError.wrap {
            let old = try from.map { try repository.treeID(ofCommit: $0) }
            return try repository.diffTrees(old, try repository.treeID(ofCommit: head)).map(\.path).sorted()
        }
    }

    /// Finds a proposal by slug, or by a unique prefix of its id (at least 4 hex digits). Only that
    /// proposal's events are read: the name is resolved with the cached digests.
    public func proposal(named name: String) throws -> ProposalSummary {
        try readProposal(named: name).summary
    }

    /// Like `proposal(named:)`, but requires a record (a proposal opened with nap, or adopted by it).
    public func recordedProposal(named name: String) throws -> (summary: ProposalSummary, state: ProposalState) {
        let read = try readProposal(named: name)
        guard let state = read.summary.state else { throw Self.noRecord(read.summary.slug) }
        return (read.summary, state)
    }

    static func noRecord(_ slug: String) -> PlanError {
        .refused(reason: L("branch proposal/\(slug) has no record yet (it was pushed with plain git)"),
                 hint: L("open it in the record with `nap propose \(slug) --title \"...\" --adopt-branch`"))
    }

    /// The proposal `name` names, with its events read once: its summary (with the state folded from
    /// them), and the files of its record folder that are not valid events.
    func readProposal(named name: String) throws -> (summary: ProposalSummary, events: [Event], problems: [PlanError]) {
        let candidate = try resolveProposal(name)
        let main = try mainHead()
        let memo = ChangedPathsMemo(cache: derivedCache)
        defer { memo.save(pruning: false) }
        guard let id = candidate.id else {
            let (commitments, files) = try changes(head: candidate.branchHead, base: nil, main: main, memo: memo)
            return (ProposalSummary(id: nil, slug: candidate.slug, state: nil, branchHead: candidate.branchHead,
                                    changedCommitments: commitments, changedFiles: files), [], [])
        }
        guard let tree = try record.tree(), case let (read, state?) = try foldedEvents(of: id, in: tree) else {
            throw PlanError.notFound(kind: L("proposal"), name: name)
        }
        return (try summary(state: state, branchHead: candidate.branchHead, main: main, memo: memo), read.events,
                read.problems + state.quarantined.map(\.problem))
    }
}
