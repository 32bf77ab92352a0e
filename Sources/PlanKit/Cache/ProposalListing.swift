import Foundation
import GitKit

/// One line of `nap proposals` (and an entry of `nap inbox`): what a listing shows about a proposal,
/// read from the cached digests instead of folding every proposal's events, so that listing a thousand
/// proposals stays instant. `PlanStore.proposals()` gives the full states when they are needed.
public struct ProposalListing: Sendable {
    /// The proposal's id; nil for a branch pushed with plain git that has no record yet.
    public let id: EventID?
    public let slug: String
    /// The branch head; nil when the branch was deleted.
    public let branchHead: ObjectID?
    /// Commitment ids the proposal adds, changes or removes (from `commitments/<id>.md`).
    public let changedCommitments: [String]
    /// Other plan files it changes (plan.yml, members.yml, ...).
    public let changedFiles: [String]
    /// Who opened it (nil without a record).
    public let author: EventAuthor?
    /// When it was opened (nil without a record).
    public let opened: Date?
    /// Its state in the record; nil for a branch without record.
    public let status: ProposalStatus?
    /// The last head recorded for it.
    public let recordedHead: ObjectID?
    /// How many comments it has (replies included).
    public let commentCount: Int
    /// How many of its inputs are still owed a reasoned response.
    public let unansweredCount: Int
    /// Those inputs, for open and merged proposals (a withdrawn proposal's are not kept: see the count).
    public let unanswered: [UnansweredInput]
    /// Each reviewer's latest review.
    public let latestReviews: [ReviewDigest]
    let recordTitle: String?

    init(digest: ProposalDigest?, slug: String, branchHead: ObjectID?, changedCommitments: [String], changedFiles: [String]) {
        id = digest?.id
        self.slug = slug
        self.branchHead = branchHead
        self.changedCommitments = changedCommitments
        self.changedFiles = changedFiles
        author = digest?.author
        opened = digest?.opened
        status = digest?.proposalStatus
        recordedHead = digest?.recordedHead
        commentCount = digest?.comments ?? 0
        unansweredCount = digest?.unansweredCount ?? 0
        unanswered = digest?.unanswered ?? []
        latestReviews = digest?.latestReviews ?? []
        recordTitle = digest?.title
    }

    /// True when the proposal has a record (it was opened with nap, or adopted by it).
    public var hasRecord: Bool { id != nil }

    /// The head that counts: the branch's, else the last recorded one.
    public var head: ObjectID? { branchHead ?? recordedHead }

    /// `open`, `merged`, `withdrawn`; a branch without record counts as open.
    public var statusName: String { status?.name ?? "open" }

    public var title: String { recordTitle ?? slug }

    /// Approvals whose head is the current head.
    public var currentApprovals: [ReviewDigest] {
        guard hasRecord, let head else { return [] }
        return latestReviews.filter { $0.verdict == .approve && $0.head == head }
    }
}

extension PlanStore {
    /// Every proposal as `nap proposals` lists it: those in the record and every `proposal/*` branch,
    /// including branches pushed with plain git that have no record yet. Sorted by opening time, then
    /// slug. The same proposals, in the same order, with the same values as `proposals()`, from the cache
    /// of derived state (checked against the current record tree, branch heads and main on every call).
    public func proposalListings() throws -> [ProposalListing] {
        let main = try mainHead()
        let memo = ChangedPathsMemo(cache: derivedCache)
        let result = try proposalCandidates().map { candidate in
            let digest = try candidate.digest()
            let (commitments, files) = try changes(head: candidate.branchHead ?? digest?.recordedHead, base: digest?.base, main: main, memo: memo)
            return ProposalListing(digest: digest, slug: candidate.slug, branchHead: candidate.branchHead,
                                   changedCommitments: commitments, changedFiles: files)
        }
        memo.save(pruning: true)
        return result
    }

    /// The commitments and other files a proposal head changes (see `changedPaths`).
    func changes(head: ObjectID?, base: ObjectID?, main: ObjectID?, memo: ChangedPathsMemo?) throws -> (commitments: [String], files: [String]) {
        guard let head else { return ([], []) }
        var commitments: [String] = []
        var files: [String] = []
        let paths: [String]
        do {
            paths = try memo?.paths(head: head, base: base, main: main) {
                try changedPaths(head: head, base: base, main: main)
            } ?? changedPaths(head: head, base: base, main: main)
        } catch PlanError.git(_), is GitError {
            // A head (or base) this copy lacks or cannot read as a commit (not fetched yet, or named by a
            // hostile event): the proposal is listed with no changes, and every other one as usual.
            return ([], [])
        }
        for path in paths {
            if path.hasPrefix("commitments/"), path.hasSuffix(".md") {
                commitments.append(String(path.dropFirst("commitments/".count).dropLast(3)))
            } else {
                files.append(path)
            }
        }
        return (commitments, files)
    }
}
