import Foundation
import GitKit

/// One proposal read in full: its folded state (when it has a record), its branch and what it changes.
/// What commands that act on one proposal need (`show`, `merge`, `diff`, `comment` with an anchor).
/// Listings of many proposals use `ProposalListing`, read from the cache; `nap show` adds anchors,
/// blockers and signatures in `ProposalDetail` (docs/ARCHITECTURE.md, "Views of a proposal").
public struct ProposalSummary: Sendable {
    /// The proposal's id; nil for a branch pushed with plain git that has no record yet.
    public let id: EventID?
    public let slug: String
    public let state: ProposalState?
    /// The branch head; nil when the branch was deleted.
    public let branchHead: ObjectID?
    /// Commitment ids the proposal adds, changes or removes (from `commitments/<id>.md`).
    public let changedCommitments: [String]
    /// Other plan files it changes (plan.yml, members.yml, ...).
    public let changedFiles: [String]

    /// The head that counts: the branch's, else the last recorded one.
    public var head: ObjectID? { branchHead ?? state?.recordedHead }

    /// `open`, `merged`, `withdrawn`; a branch without record counts as open.
    public var statusName: String { state?.status.name ?? "open" }

    public var title: String { state?.title ?? slug }

    /// Approvals whose head is the current head.
    public var currentApprovals: [Review] {
        guard let state, let head else { return [] }
        return state.latestReviews.filter { $0.verdict == .approve && $0.head == head }
    }
}
