import GitKit

extension PlanStore {
    /// The inputs of the current cycle owed a reasoned response (`unansweredInputsOfCycle(since:)`), read
    /// from the cached digests: only the proposals that have such inputs are folded (to give their state),
    /// so publishing does not fold the whole record.
    func cachedUnansweredInputsOfCycle(since previous: PublishedVersion?) throws -> [(proposal: ProposalState, input: UnansweredInput)] {
        var result: [(ProposalState, UnansweredInput)] = []
        let tree = try record.tree()
        for entry in try indexedProposals(in: tree) {
            guard let digest = try entry.digest(), digest.unansweredCount > 0 else { continue }
            switch digest.proposalStatus {
            case .withdrawn: continue
            case .merged(let commit):
                if let previous, try PlanError.wrap({ try repository.isAncestor(commit, of: previous.commit) }) { continue }
            case .open: break
            }
            guard let state = try fold(try record.events(of: entry.id, in: tree).events) else { continue }
            for input in PlanStore.unansweredInputs(in: state) { result.append((state, input)) }
        }
        return result.sorted { ($0.1.time, $0.1.id) < ($1.1.time, $1.1.id) }
    }
}
