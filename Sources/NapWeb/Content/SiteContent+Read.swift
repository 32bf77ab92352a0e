import Localization
import PlanKit

/// What the site is reading, for progress on a terminal.
public struct SiteProgress: Sendable, Equatable {
    /// `reading` (proposals, versions) or `writing` (pages).
    public let phase: String
    public let done: Int
    public let total: Int
}

extension SiteContent {
    /// Reads everything from the plan. `revision` names the plan text shown (main, a version, a commit).
    /// `asOf` dates what counts days (the current phase, overdue milestones); nil: the last change's day.
    /// `pinned`: the merge gate and response deadlines on proposals' pages are judged on that day too (a
    /// static site: the same state gives the same bytes); off, on the computer's clock (`nap serve`).
    static func read(from store: PlanStore, revision: String, asOf: PlanDate? = nil, pinned: Bool = true,
                     progress: (SiteProgress) -> Void) throws -> SiteContent {
        let stateKey = try store.stateKey()
        let document = try store.planDocument(at: revision, development: false)
        let languages = document.plan.languages.isEmpty ? ["zh-Hant", "en"] : document.plan.languages
        guard let commit = document.commit else { throw PlanError.notFound(kind: L("revision"), name: revision) }
        let loaded = try store.loadPlan(at: commit)
        let main = try store.mainHead()
        let governance = try store.files(at: commit).read("GOVERNANCE.md").map { String(decoding: $0, as: UTF8.self) }
        let summaries = try store.proposals(usingCache: true)
        let folders = try store.proposalFolders()
        var proposals: [Proposal] = []
        var bySlug: [String: Int] = [:]
        var byID: [EventID: Int] = [:]
        var usedPaths = Set<String>()
        let recorded = summaries.filter { $0.id != nil }
        for (index, summary) in recorded.enumerated() {
            if index % 64 == 0 { progress(SiteProgress(phase: "reading", done: index, total: recorded.count)) }
            guard let id = summary.id, let state = summary.state else { continue }
            // One URL per proposal for its whole life: the slug, and for a later proposal that reused a
            // slug, the slug and the start of its id.
            var path = "proposals/\(SitePaths.safeName(state.slug)).html"
            if usedPaths.contains(path) { path = "proposals/\(SitePaths.safeName(state.slug))-\(id.prefix(8)).html" }
            usedPaths.insert(path)
            if bySlug[state.slug] == nil { bySlug[state.slug] = proposals.count }
            byID[id] = proposals.count
            proposals.append(Proposal(summary: summary, state: state, path: path, folder: folders[id]))
        }
        progress(SiteProgress(phase: "reading", done: recorded.count, total: recorded.count))

        // Versions up to the revision shown: those whose commit is the revision's or an ancestor of it.
        let published = try store.publishedVersions().filter { try store.isAncestor($0.commit, of: commit) }
        var versions: [Version] = []
        var usedNames = Set<String>()
        for (index, version) in published.enumerated() {
            var name = SitePaths.safeName(version.name)
            while usedNames.contains(name) { name += "-" }
            usedNames.insert(name)
            let changes = index == 0 ? nil : try store.changes(from: published[index - 1], to: version)
            versions.append(Version(version: version, document: try store.planDocument(of: version),
                                    signature: try store.signatureStatus(of: version), changes: changes, fileName: name))
        }
        var unpublished: PlanChanges?
        if let latest = versions.last, latest.version.commit != commit {
            unpublished = try? store.changes(from: latest.version.commit, named: latest.version.name, to: commit, named: revision)
        }
        let blames = try store.blames(of: document.commitments.map(\.id), at: revision)
        var verification: VerificationReport?
        var verificationProblem: String?
        do {
            verification = try store.verify(revision: revision)
        } catch {
            verificationProblem = String(describing: error)
        }
        let process = try SiteProcess.read(from: store, plan: document.plan, asOf: asOf)
        let report = try store.responseReport()
        var reportIndex: [EventID: [Int]] = [:]
        for (index, input) in report.inputs.enumerated() { reportIndex[input.proposal, default: []].append(index) }
        var content = SiteContent(
            revision: revision, document: document, languages: languages, members: loaded.members, governance: governance,
            participation: try store.participation(at: revision), proposals: proposals,
            branchesWithoutRecord: summaries.filter { $0.id == nil }, versions: versions,
            merges: try store.mergeHistory(upTo: revision), report: report, reportIndex: reportIndex,
            verification: verification, verificationProblem: verificationProblem, blames: blames, unpublished: unpublished,
            process: process, stateKey: stateKey,
            main: main, mainPolicy: try main.flatMap { try store.loadPlan(at: $0).plan?.policy } ?? Policy(),
            reader: ProposalReader(store: store, now: pinned ? SiteProcess.noon(of: process.asOf) : nil), proposalBySlug: bySlug, proposalByID: byID)
        content.downloadPieces = store.derivedTexts(pinned ? "site-static" : "site-served")
        return content
    }
}
