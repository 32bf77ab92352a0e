import PlanKit

/// Everything the site shows, read once from the plan repository through PlanKit: the plan at the
/// revision asked for, the forum, every proposal with its discussion and diff, the published versions,
/// the response report and the verification. Pages are rendered from this value alone.
struct SiteContent {
    /// One proposal with a record: its summary and folded state (what listings, the feed and the
    /// report show); what only its page shows is read when the page is rendered (`ProposalReader`).
    struct Proposal {
        let summary: ProposalSummary
        let state: ProposalState
        /// The page's path under a language folder: `proposals/<slug>.html`.
        let path: String
        /// The id of its folder in the record: with the branch head and main, what its page is made from.
        let folder: ObjectID?
        /// How many of its inputs are owed a reasoned response (counted once: every listing shows it).
        let unanswered: Int

        init(summary: ProposalSummary, state: ProposalState, path: String, folder: ObjectID?) {
            self.summary = summary
            self.state = state
            self.path = path
            self.folder = folder
            unanswered = PlanStore.unansweredInputs(in: state).count
        }

        var id: EventID { state.id }
    }

    /// One published version.
    struct Version {
        let version: PublishedVersion
        let document: PlanDocument
        let signature: VersionSignatureStatus
        /// The changes since the previous version (nil for the first).
        let changes: PlanChanges?
        /// The file name part, safe: `v1` → `versions/v1.html`.
        let fileName: String
    }

    /// The revision the plan's text is shown at (`main` by default) and the plan there.
    let revision: String
    let document: PlanDocument
    /// The site's languages: the plan's, the primary one first.
    let languages: [String]
    let members: Members
    let governance: String?
    let participation: Participation
    /// A `var` so that `nap serve` can show one proposal read again at once (SiteRenderer+Refresh.swift).
    var proposals: [Proposal]
    /// `proposal/*` branches pushed with plain git, without a record.
    let branchesWithoutRecord: [ProposalSummary]
    let versions: [Version]
    /// The gated merges on the revision's first-parent line, oldest first.
    let merges: [MergeRecord]
    let report: ResponseReport
    /// The positions in `report.inputs` of each proposal's inputs, in the report's order.
    let reportIndex: [EventID: [Int]]
    /// The result of `nap verify` on the revision; nil when it could not run (with the reason).
    let verification: VerificationReport?
    let verificationProblem: String?
    /// `git blame` of each commitment at the revision, by commitment id.
    let blames: [String: [AttributedLine]]
    /// What changed on the revision since the latest version, when the revision is past it.
    let unpublished: PlanChanges?
    /// The timeline, the meetings and implementation, as of the site's day.
    let process: SiteProcess
    /// Where the plan's references were when it was read (`PlanStore.stateKey`: main, the record, the
    /// proposal branches, the tags): part of the key of every page that shows the whole record.
    let stateKey: String

    /// Main's commit (the merge gate, the diffs and the signatures are judged against it).
    let main: ObjectID?
    /// The policy of plan.yml on main, which the merge gate applies (`min-discussion-days` counts days
    /// from the clock: an open proposal's blockers change with it).
    let mainPolicy: Policy
    /// Reads a proposal's detail and diff when its page is rendered.
    var reader: ProposalReader

    /// HTML made once and shared by the pages of this build.
    let memo = RenderMemo()
    /// Indexes into `proposals`: by slug (the first proposal opened under that name) and by id.
    let proposalBySlug: [String: Int]
    let proposalByID: [EventID: Int]

    /// Where each proposal's rows of the response report's downloads are kept between builds (nil: made
    /// afresh every time).
    var downloadPieces: DerivedTexts? = nil

    var plan: Plan { document.plan }

    /// The proposal page for a slug, when there is one.
    func proposal(slug: String) -> Proposal? {
        proposalBySlug[slug].map { proposals[$0] }
    }

    /// A proposal's inputs in the response report, in its order (its report page).
    func reportInputs(of id: EventID) -> [ResponseReport.Input] {
        (reportIndex[id] ?? []).map { report.inputs[$0] }
    }

    /// The proposal page for a proposal id.
    func proposal(id: EventID) -> Proposal? {
        proposalByID[id].map { proposals[$0] }
    }
}
