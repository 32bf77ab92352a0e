import Foundation
import GitKit
import Localization

extension PlanStore {
    /// Clones the plan at `url` into the folder `path` (new or empty) and completes the set-up as
    /// `nap sync` does after a plain `git clone`: main checked out, `nap/record` and every proposal branch
    /// as local branches, tags. The remote is configured as `origin`. A remote that is unreachable or not
    /// a plan leaves no folder behind.
    public static func clone(from url: String, to path: String, progress: ((TransferStatus) -> Void)? = nil) throws -> (store: PlanStore, report: SyncReport) {
        let callbacks = TransferStatus.callbacks(progress)
        if url.hasPrefix("https://") { try TransportTrust.apply(nil) }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        if existed {
            var entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            if isDirectory.boolValue, entries == [stagingFolder] {
                // All that a clone killed while git was copying left: nothing of it is used.
                try? manager.removeItem(atPath: path + "/" + stagingFolder)
                entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            }
            guard isDirectory.boolValue, entries.isEmpty else { throw PlanError.folderNotEmpty(path: path, entries: entries.sorted()) }
        }
        let removeLeftovers = {
            if existed {
                for entry in (try? manager.contentsOfDirectory(atPath: path)) ?? [] { try? manager.removeItem(atPath: path + "/" + entry) }
            } else {
                try? manager.removeItem(atPath: path)
            }
        }
        let repository: Repository
        var clonedBranches: Set<String> = []
        if let quick = cloneThroughStockGit(from: url, to: path, removeLeftovers: removeLeftovers) {
            (repository, clonedBranches) = quick
        } else {
            repository = try cloneThroughLibgit2(from: url, to: path, callbacks: callbacks, removeLeftovers: removeLeftovers)
        }
        do {
            let store = try PlanStore(repository: repository)
            guard FileManager.default.fileExists(atPath: store.root + PlanFiles.plan) else {
                throw PlanError.refused(reason: L("\(ShownAddress.of(url)) is not a plan: its main branch has no \(PlanFiles.plan)"), hint: L("check the address"))
            }
            var options = SyncOptions(remote: "origin", progress: progress)
            options.checksClonedMain = true
            options.clonedBranches = clonedBranches
            let session = try store.syncSession(options)
            var report = try session.run()
            try store.reportSkippedRecordFiles(&report, proposalProblems: session.proposalRecordProblems)
            // The sync stored every proposal's digest; the paths each proposal changes complete what a
            // listing needs, so the first command in the new copy reads the cache instead of computing.
            _ = try? store.proposalListings()
            return (store, report)
        } catch {
            removeLeftovers()
            throw error
        }
    }
}

extension PlanStore {
    /// A new copy made with libgit2: an empty repository, the remote `origin`, one fetch of everything,
    /// main checked out. What it leaves behind is removed when it fails.
    private static func cloneThroughLibgit2(from url: String, to path: String, callbacks: RemoteCallbacks,
                                            removeLeftovers: () -> Void) throws -> Repository {
        let repository: Repository
        do {
            // Not libgit2's clone: it fails without a message when the remote's HEAD names a branch that does
            // not exist (a bare hub made by `git init --bare` points HEAD at master). nap needs main only.
            repository = try Repository.create(at: path)
            let remote = try repository.addRemote(named: "origin", url: url)
            // A remote without main is refused from its list of references, before anything is downloaded.
            guard try remote.listReferences(callbacks: callbacks).contains(where: { $0.name == RefNames.main }) else {
                throw GitError(code: -3, message: "refs/remotes/origin/main not found", function: "clone")
            }
            // Everything at once, where the sync below fetches it (which then finds nothing new): one
            // transfer, as `git clone` makes, instead of main and then the rest.
            _ = try remote.fetch(refspecs: SyncTarget.refspecs(ofRemote: "origin"), callbacks: callbacks)
            guard let main = try repository.referenceTarget("refs/remotes/origin/main") else {
                throw GitError(code: -3, message: "refs/remotes/origin/main not found", function: "clone")
            }
            try repository.updateReference(RefNames.main, to: main, expecting: .absent, message: "nap clone")
            try repository.checkout(commit: main, branch: RefNames.main, force: true)
        } catch let error as GitError {
            removeLeftovers()
            if error.isNotFound, error.message.contains("refs/remotes/") || error.message.contains("main") {
                throw PlanError.refused(reason: L("\(ShownAddress.of(url)) is not a plan: it has no main branch"), hint: L("check the address"))
            }
            throw TransportTrust.failure(error, place: url, url: url, action: L("cannot clone"))
        } catch {
            // A request refused before anything was sent (an unsafe URL for the credential helper).
            removeLeftovers()
            throw error
        }
        return repository
    }

    /// A new copy takes the hub's main only as far as every commit on it passes the `nap verify` rules:
    /// main is set back to the last verified commit (the clone's sync then reports the first ungated one,
    /// as for any copy behind the hub). Run once the record is in, before tags are judged against main.
    /// Returns the problem itself only when not even the first commit passes (main cannot go back then).
    func checkClonedMain() throws -> SyncProblem? {
        guard let main = try mainHead() else { return nil }
        let incoming = try checkIncomingMain(from: nil, to: main)
        guard let refused = incoming.refused else { return nil }
        guard let accepted = incoming.accepted else {
            return SyncProblem(.ungatedMain, reference: RefNames.main,
                message: L("the hub's main has commit \(refused.commit.short()) that did not go through the gate: \(Message.joined(refused.findings.map(\.message), separator: L("; "))); no commit of it could be verified"),
                hint: L("ask the co-chairs to check the hub; a commit on main must be a gated merge of an approved proposal"))
        }
        try PlanError.wrap {
            try repository.updateReference(RefNames.main, to: accepted, expecting: .at(main), message: "nap clone: main as far as it is gated")
            try repository.checkout(commit: accepted, branch: RefNames.main, force: true)
        }
        return nil
    }

    /// Every file of the record that is not a valid event (a new copy cannot compare it with anything):
    /// reported as warnings, so that a clone says what it skipped.
    /// `proposalProblems`: those of the proposals' folders when the sync found them already (nil: read them).
    func reportSkippedRecordFiles(_ report: inout SyncReport, proposalProblems: [PlanError]? = nil) throws {
        let tree = try record.tree()
        let process = try reviewProcessRecord(in: tree)
        for problem in process.problems {
            let warning = SyncProblem(.recordSkipped, reference: RefNames.record, message: L("skipped: \(problem.description)"),
                                      hint: L("the file is kept in the record and ignored; compare with another copy of the plan"))
            if !report.warnings.contains(warning) { report.warnings.append(warning) }
        }
        var problems = proposalProblems ?? []
        if proposalProblems == nil {
            for (id, _) in try record.proposals(in: tree) { problems += try cachedEvents(of: id, in: tree).problems }
        }
        for problem in problems {
            let warning = SyncProblem(.recordSkipped, reference: RefNames.record, message: L("skipped: \(problem.description)"),
                                      hint: L("the file is kept in the record and ignored; compare with another copy of the plan"))
            if !report.warnings.contains(warning) { report.warnings.append(warning) }
        }
    }
}
