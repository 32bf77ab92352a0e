import Foundation
import Localization
import PlanKit

extension SiteRenderer {
    /// A renderer of the site's frame only — the plan's text at `revision`, its languages and the forum,
    /// without the record: no proposal, version, meeting or report is read. `nap serve` answers with it
    /// before the whole site is read (start-up on a large plan): its own pages (forms, messages) in the
    /// site's frame, and proposals' pages read one at a time (`freshProposalPages`). The pages that show the
    /// whole record wait for the whole reading (`SiteRenderer(store:)`); this renderer's own list of files
    /// is not served.
    public static func frame(store: PlanStore, revision: String = "main", served: Bool = true) throws -> SiteRenderer {
        try SiteRenderer(content: SiteContent.frame(from: store, revision: revision), baseURL: nil, served: served)
    }
}

extension SiteContent {
    /// The frame's content: what every page's layout and a proposal's page need from the plan.
    static func frame(from store: PlanStore, revision: String) throws -> SiteContent {
        let document = try store.planDocument(at: revision, development: false)
        let languages = document.plan.languages.isEmpty ? ["zh-Hant", "en"] : document.plan.languages
        guard let commit = document.commit else { throw PlanError.notFound(kind: L("revision"), name: revision) }
        let loaded = try store.loadPlan(at: commit)
        let main = try store.mainHead()
        let asOf = PlanDate.day(of: store.now) ?? PlanDate(year: 2000, month: 1, day: 1)
        guard let asOf else { throw PlanError.invalidInput(L("the site's day is outside the years nap can count")) }
        let process = SiteProcess(asOf: asOf, timeline: document.plan.process, policy: document.plan.policy, meetings: [], findings: [],
                                  meetingPaths: [:], implementation: nil)
        return SiteContent(
            revision: revision, document: document, languages: languages, members: loaded.members, governance: nil,
            participation: try store.participation(at: revision), proposals: [], branchesWithoutRecord: [], versions: [], merges: [],
            report: ResponseReport(inputs: []), reportIndex: [:], verification: nil, verificationProblem: nil, blames: [:], unpublished: nil,
            process: process, stateKey: try store.stateKey(), main: main, mainPolicy: try main.flatMap { try store.loadPlan(at: $0).plan?.policy } ?? Policy(),
            reader: ProposalReader(store: store), proposalBySlug: [:], proposalByID: [:])
    }
}
