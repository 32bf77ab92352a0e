import GitKit

/// What one store derives more than once in a process, kept for as long as the store lives and keyed by
/// what it is made from: the plan's files at a commit (immutable), the proposal candidates (the record's
/// tree, the judge and the proposal branches) and every proposal's folded state (the record's tree and
/// the judge), the index of digests. A site build asks for each of these hundreds of times. Shared only by
/// the stores `onBehalf(of:)` makes from one store, and like them used from one thread at a time.
final class StoreMemos {
    /// The plan's files at a commit, validated, by commit; at most `contentsLimit` are kept.
    var contents: [ObjectID: PlanContents] = [:]
    static let contentsLimit = 64
    /// plan.yml and members.yml at a commit, parsed, by commit; at most `contentsLimit` are kept.
    var loadedPlans: [ObjectID: LoadedPlan] = [:]
    /// The proposal candidates, under the key of what they are made from (the record tree, the judge, main
    /// and the proposal branches): a write makes another key, so they are read again after it.
    var candidates: (key: String, branchHeads: [String: ObjectID], value: [ProposalCandidate])?
    /// The index of digests last read or written, under its key (`indexedProposals(in:)`): a store that
    /// writes and reads again (a server) updates it without reading the file back.
    var index: (key: String, entries: [IndexedProposal])?
    var states: (key: String, value: [(id: EventID, state: ProposalState)])?
    /// Every proposal's events in the record tree `tree`, read at once for a new copy
    /// (`readEveryProposal(in:)`): the verification of its main and its one index pass take them from
    /// here instead of decoding the same files again; the pass lets them go.
    var readEvents: (tree: ObjectID, reads: [EventID: ParallelEventReading.Read])?
    /// Plan files parsed by blob: the merge checks validate a merged tree per open proposal, each sharing
    /// most of its files with main.
    let parses = PlanParseMemo()
    /// Merge bases against main from one walk of its ancestry, once a store asks about many heads.
    var mainBases = MainMergeBases()
    /// The merge checks of the cache file as this store last read or wrote them (each is a pure function
    /// of its two commits, so one another process added meanwhile is only computed again).
    var mergeChecks: [String: MergeCheck]?
    /// The first-parent line of the first commit asked about in `isAncestor(_:of:)` (the revision a site
    /// shows, main as a rule), each commit with its distance from that head: a version is on it, and two
    /// commits found there are answered without libgit2's walk of all of main's ancestry.
    var firstParentLine: (head: ObjectID, distances: [ObjectID: Int])?
    /// Folds carried from an earlier store's reading to this one's (`carry(_:)`), when a front sets it.
    var carried: CarriedFolds?
    /// The last proposal folded from its cached events (`foldedEvents(of:in:)`), under the record tree, its
    /// id, the authority and main: a command that indexes a changed proposal and then shows it reads it once.
    var lastFold: (key: String, read: (events: [Event], problems: [PlanError]), state: ProposalState?)?
}

extension PlanStore {
    /// The plan's files at `commit`, loaded and validated once per store.
    public func contents(at commit: ObjectID) throws -> PlanContents {
        if let known = memos.contents[commit] { return known }
        let loaded = PlanValidator(memo: memos.parses).load(source: try files(at: commit))
        if memos.contents.count >= StoreMemos.contentsLimit { memos.contents.removeAll() }
        memos.contents[commit] = loaded
        return loaded
    }

    /// Every proposal in the record with its folded state, in the record's order (the events read through
    /// the cache of decoded events), once per record tree and judge.
    func allProposalStates() throws -> [(id: EventID, state: ProposalState)] {
        guard let tree = try record.tree() else { return [] }
        let key = try statesKey(tree)
        if let known = memos.states, known.key == key { return known.value }
        let proposals = try record.proposals(in: tree)
        // Folds carried from an earlier reading: a proposal whose folder is the same, under the same judge
        // and references, is not read again.
        let foldKey = try carriedFoldsKey()
        let carried = memos.carried?.folds(key: foldKey) ?? [:]
        let unread = proposals.filter { carried[$0.id]?.folder != $0.subtree }.map(\.id)
        var fresh: [EventID: ProposalState] = [:]
        // Read on two threads a window at a time, so that the events of only one window are held at once.
        for window in stride(from: 0, to: unread.count, by: 256) {
            let part = Array(unread[window..<min(window + 256, unread.count)])
            for (id, read) in zip(part, try ParallelEventReading.readCached(part, in: tree, store: self)) {
                guard let state = try fold(read.events) else { continue }
                fresh[id] = state
            }
        }
        var states: [(id: EventID, state: ProposalState)] = []
        var kept: [EventID: (folder: ObjectID, state: ProposalState)] = [:]
        for (id, subtree) in proposals {
            guard let state = fresh[id] ?? carried[id].flatMap({ $0.folder == subtree ? $0.state : nil }) else { continue }
            states.append((id, state))
            kept[id] = (subtree, state)
        }
        // Kept only when nothing moved while they were folded (the judge rebuilds itself if main moves).
        if let carriedFolds = memos.carried, try carriedFoldsKey() == foldKey {
            carriedFolds.keep(kept, key: foldKey, reused: proposals.count - unread.count)
        }
        memos.states = (key, states)
        return states
    }

    /// What `allProposalStates` returns, when it has already been read for the record as it is now.
    func readProposalStates() throws -> [(id: EventID, state: ProposalState)]? {
        guard let tree = try record.tree(), let known = memos.states, known.key == (try statesKey(tree)) else { return nil }
        return known.value
    }

    /// What a carried fold is kept under: the judge, and every reference of the plan but the record (an
    /// object an event names arrives with one: a proposal branch, main, a tag).
    private func carriedFoldsKey() throws -> String {
        guard memos.carried != nil else { return "" }
        let references = try stateKey().split(separator: "\n").filter { !$0.hasPrefix(RefNames.record + " ") }
        return ([try authorityKey()] + references.map(String.init)).joined(separator: "\n")
    }

    private func statesKey(_ tree: ObjectID) throws -> String {
        tree.hex + " " + (try authorityKey()) + " " + (try mainHead()?.hex ?? "-")
    }
}
