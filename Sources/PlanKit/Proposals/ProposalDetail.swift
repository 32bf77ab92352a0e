import GitKit

/// Everything `nap show` presents about one proposal.
public struct ProposalDetail: Sendable {
    public let summary: ProposalSummary
    public let state: ProposalState
    /// Where each anchored comment's quote stands in the current head.
    public let anchors: [EventID: AnchorPosition]
    /// What still blocks the merge, one line each (empty: it can be merged).
    public let blockers: [String]
    /// Files in the proposal's record folder that are not valid events: reported, never used.
    public let problems: [PlanError]
}

extension PlanStore {
    /// The full picture of a proposal: its state from the record, where its anchored comments stand now,
    /// and what blocks its merge.
    public func detail(of name: String) throws -> ProposalDetail {
        var (summary, state) = try recordedProposal(named: name)
        let read = try record.events(of: state.id)
        if let fresh = ProposalState.fold(read.events) { state = fresh }
        var anchors: [EventID: AnchorPosition] = [:]
        if let head = summary.head {
            var texts: [String: String?] = [:]
            for comment in state.comments {
                guard let anchor = comment.anchor else { continue }
                if texts[anchor.path] == nil {
                    texts[anchor.path] = try files(at: head).read(anchor.path).map { String(decoding: $0, as: UTF8.self) }
                }
                anchors[comment.id] = AnchorPosition.locate(anchor, in: texts[anchor.path] ?? nil)
            }
        }
        return ProposalDetail(summary: summary, state: state, anchors: anchors, blockers: try blockers(summary: summary, state: state),
                              problems: read.problems)
    }

    /// The merge gate's blockers, plus whether the merge would be clean and the merged plan valid.
    public func blockers(summary: ProposalSummary, state: ProposalState) throws -> [String] {
        let main = try requireMain()
        let loaded = try loadPlan(at: main)
        var blockers = MergeGate.blockers(state: state, head: summary.branchHead, members: loaded.members, policy: loaded.plan?.policy ?? Policy())
        guard case .open = state.status, let head = summary.branchHead else { return blockers }
        switch try PlanError.wrap({ try repository.mergeCommits(ours: main, theirs: head) }) {
        case .conflicts(let paths):
            blockers.append("merging into main would conflict in \(paths.joined(separator: ", ")); run `nap update \(state.slug)`")
        case .clean(let tree):
            let errors = PlanValidator().validate(source: TreeFileSource(repository: repository, tree: tree)).filter { $0.severity == .error }
            if !errors.isEmpty {
                blockers.append("the plan would not validate after the merge (\(errors.count) errors, first: \(errors[0]))")
            }
        }
        return blockers
    }
}
