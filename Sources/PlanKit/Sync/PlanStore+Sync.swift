import Foundation
import GitKit
import Localization

/// How `PlanStore.sync` runs.
public struct SyncOptions {
    /// A configured remote's name, or a URL or path; nil: `origin` (or the only remote there is).
    public var remote: String?
    /// Renames that end name clashes: the clashing slug (or an id prefix of the proposal to rename) →
    /// the new slug.
    public var renames: [String: String]
    /// Called with the transfer's progress (for a meter on a terminal); nil: none.
    public var progress: ((TransferStatus) -> Void)?
    /// Rounds of fetch, merge and push before giving up while others keep pushing.
    public var maximumAttempts: Int
    /// A new copy (`nap clone`): its main, set to the remote's before the sync, is checked whole and set
    /// back to the last verified commit before anything is judged against it (the tags).
    var checksClonedMain = false
    /// A new copy's proposal branches that its transfer already made where the remote has them
    /// (`nap clone` through git): reported as created, as the sync would have created them.
    var clonedBranches: Set<String> = []

    public init(remote: String? = nil, renames: [String: String] = [:], progress: ((TransferStatus) -> Void)? = nil, maximumAttempts: Int = 5) {
        self.remote = remote
        self.renames = renames
        self.progress = progress
        self.maximumAttempts = maximumAttempts
    }

    /// Progress and credentials, as the transfers take them.
    var callbacks: RemoteCallbacks { TransferStatus.callbacks(progress) }
}

extension PlanStore {
    /// Brings this copy of the plan and a remote together, losing nothing on either side:
    /// fetches every branch and tag; fast-forwards or union-merges the record; creates or fast-forwards
    /// proposal branches and main (as far as it passes the `nap verify` rules); takes the published
    /// versions it lacks; then pushes what the remote lacks (fast-forward only; main as far as it is gated)
    /// and the published versions it does not have. Other tags are reported, never taken or given. A push
    /// refused because someone pushed meanwhile starts another round. What cannot be brought together (a
    /// proposal branch changed on both sides, main diverged, a tag with two targets, two proposals with
    /// one name) is left as it is on both sides and reported with the way out.
    ///
    /// Throws only when nothing could be done: the remote is unreachable, refuses the credentials, or is
    /// not this plan. A push cut off midway is a problem in the report; running sync again completes it.
    public func sync(_ options: SyncOptions = SyncOptions()) throws -> SyncReport {
        try syncSession(options).run()
    }

    /// The session `sync` runs (`nap clone` reads what it found besides the report).
    func syncSession(_ options: SyncOptions) throws -> SyncSession {
        let target = try SyncTarget.resolve(options.remote, in: repository)
        if target.url.hasPrefix("https://") { try TransportTrust.apply(repository) }
        return SyncSession(store: self, target: target, options: options)
    }
}

/// One run of `sync`: the rounds of fetch, integrate and push, and what they found.
final class SyncSession {
    let store: PlanStore
    let target: SyncTarget
    let options: SyncOptions
    var report: SyncReport
    /// Problems found in the current round; recomputed every round.
    var roundProblems: [SyncProblem] = []
    /// Problems that stay once found (a push that failed).
    var lastingProblems: [SyncProblem] = []
    /// Record files the remote had that this copy lacked when the sync began.
    var receivedFiles: [String: ObjectID] = [:]
    /// A new copy (`nap clone`): the files of the record that are not valid events, found by the one
    /// pass over every proposal that also stores the index of digests. Nil for other syncs.
    var proposalRecordProblems: [PlanError]?
    /// A new copy's one pass over every proposal (`PlanStore.indexEveryProposal`), made as soon as the
    /// record and main are in, with the record tree it read: name clashes are then found from the digests
    /// it stored, and the report's counts and quarantined events from what it read.
    private var clonePass: (tree: ObjectID, main: ObjectID?, result: (problems: [PlanError], quarantined: [QuarantinedEvent], kinds: EventCounts))?

    var repository: Repository { store.repository }

    init(store: PlanStore, target: SyncTarget, options: SyncOptions) {
        self.store = store
        self.target = target
        self.options = options
        self.report = SyncReport(remote: ShownAddress.of(target.label), url: ShownAddress.of(target.url))
    }

    func run() throws -> SyncReport {
        let rounds = max(1, options.maximumAttempts)
        rounds: for attempt in 1...rounds {
            report.attempts = attempt
            roundProblems = []
            let seen = try target.lastSeen()
            let localTree = try store.record.tree()
            let remote = try target.fetch(options.callbacks)
            // Objects an event names may have arrived without the record, main or the authority moving.
            store.memos.lastFold = nil
            if attempt == 1 { try requirePlan(remote, seen: seen) }
            if let theirs = remote.record {
                // What the remote has that this copy lacked just before: events made here never count.
                let tree = try PlanError.wrap { try repository.treeID(ofCommit: theirs) }
                let added = try store.record.addedFiles(from: localTree, to: tree)
                if receivedFiles.isEmpty { receivedFiles = added } else { receivedFiles.merge(added) { first, _ in first } }
            }
            // The record first: the incoming main is verified against the events that gated its merges.
            try integrateRecord(remote, seen: seen)
            if attempt == 1, options.checksClonedMain, let tree = try store.record.tree() {
                // A new copy reads every event once, on two threads, before its main is verified.
                try store.readEveryProposal(in: tree)
            }
            if attempt == 1, options.checksClonedMain, let problem = try store.checkClonedMain() { lastingProblems.append(problem) }
            try integrateMain(remote)
            if attempt == 1 { try applyRenames(remote) }
            if attempt == 1, options.checksClonedMain, let tree = try store.record.tree() {
                clonePass = (tree, try store.mainHead(), try store.indexEveryProposal(in: tree))
            }
            let clashes = try detectClashes()
            try reportClashes(clashes, remote)
            try integrateBranches(remote, seen: seen, clashes: clashes)
            try integrateTags(remote)
            let updates = try plannedPushes(remote, seen: seen)
            if updates.isEmpty { break }
            switch try push(updates, remote: remote) {
            case .done:
                break rounds
            case .retry where attempt < rounds:
                usleep(UInt32.random(in: 20_000...200_000))
                continue
            case .retry:
                lastingProblems.append(SyncProblem(.pushFailed, reference: nil,
                                                   message: L("the remote kept changing while this copy pushed (\(rounds) rounds); some updates did not reach it"),
                                                   hint: L("run `nap sync` again")))
            case .failed(let problem):
                lastingProblems.append(problem)
                break rounds
            }
        }
        if let kinds = try reportQuarantined() {
            // A new copy's pass decoded every proposal event once; only the other files are read to count.
            var others: [String: ObjectID] = [:]
            var proposalEvents = 0
            for (path, blob) in receivedFiles {
                if Record.isProposalEventPath(path) { proposalEvents += 1 } else { others[path] = blob }
            }
            var counts = try store.record.count(others)
            counts.events += proposalEvents
            counts.add(kinds)
            report.received.add(counts)
        } else {
            report.received.add(try store.record.count(receivedFiles))
        }
        report.problems = lastingProblems + roundProblems
        // A sync writes references loose (a clone two for every proposal); packed, the next commands and
        // syncs read one file instead of thousands. Only a slower run when it cannot be done.
        try? repository.packReferences()
        return report
    }

    /// Refuses a remote that is not this plan (nothing is changed here then, and what its fetch brought
    /// into the namespaces is forgotten). An empty remote is fine: this copy seeds it.
    private func requirePlan(_ remote: RemoteState, seen: RemoteState) throws {
        let place = target.shownPlace
        if remote.isEmpty {
            guard try store.mainHead() != nil else {
                throw PlanError.refused(reason: L("neither this copy nor \(place) holds a plan yet"), hint: L("start one with `nap init`"))
            }
            return
        }
        let hasPlan = try PlanError.wrap { () -> Bool in
            guard let main = remote.main, repository.objectKind(main) == .commit else { return false }
            return try repository.fileData(tree: try repository.treeID(ofCommit: main), path: PlanFiles.plan) != nil
        }
        guard hasPlan, let main = remote.main else {
            target.forget(except: seen)
            throw PlanError.refused(reason: L("\(place) is not a plan: it has no main branch with \(PlanFiles.plan)"),
                                    hint: L("check the address; to publish this plan there, use an empty repository (`git init --bare`)"))
        }
        if let local = try store.mainHead(), try PlanError.wrap({ try repository.mergeBase(local, main) }) == nil {
            target.forget(except: seen)
            throw PlanError.refused(reason: L("\(place) holds another plan: its main shares no history with this one"),
                                    hint: L("check the address; each plan lives in its own repository"))
        }
    }

    /// Events received in this sync that the fold ignores (they break the record's rules): reported once,
    /// by the sync that brought them. On a new copy, every proposal is indexed in one pass, and what it
    /// read is returned tallied by kind (nil otherwise).
    private func reportQuarantined() throws -> EventCounts? {
        let tree = try store.record.tree()
        if receivedFiles.keys.contains(where: { $0.hasPrefix(ProcessSubject.meetingsFolder + "/") || $0.hasPrefix(ProcessSubject.progressFolder + "/") }) {
            for event in try store.reviewProcessRecord(in: tree).quarantined where receivedFiles[event.path] != nil {
                warn(SyncProblem(.quarantined, reference: RefNames.record, message: event.problem.message,
                                 hint: L("the event came from the remote; it is kept in the record and changes nothing")))
            }
        }
        if options.checksClonedMain, let tree {
            // A new copy received every event: one pass decodes and folds each proposal once and stores
            // the digests, so the first command after the clone needs no fold.
            let pass = if let clonePass, clonePass.tree == tree, try clonePass.main == store.mainHead() { clonePass.result }
                       else { try store.indexEveryProposal(in: tree) }
            proposalRecordProblems = pass.problems
            for event in pass.quarantined where receivedFiles[event.path] != nil {
                warn(SyncProblem(.quarantined, reference: RefNames.record, message: Message(verbatim: event.problem.description),
                                 hint: L("the event came from the remote; it is kept in the record and changes nothing")))
            }
            return pass.kinds
        }
        for proposal in Set(receivedFiles.keys.compactMap(Record.proposal(ofEventsFile:))).sorted() {
            guard let state = try store.fold(try store.cachedEvents(of: proposal, in: tree).events) else { continue }
            for event in state.quarantined where receivedFiles[event.path] != nil {
                warn(SyncProblem(.quarantined, reference: RefNames.record, message: event.problem.message,
                                 hint: L("the event came from the remote; it is kept in the record and changes nothing")))
            }
        }
        return nil
    }

    func warn(_ warning: SyncProblem) {
        if !report.warnings.contains(warning) { report.warnings.append(warning) }
    }

    func note(_ place: ReferenceChange.Place, _ reference: String, _ action: ReferenceChange.Action, old: ObjectID?, new: ObjectID?) {
        report.changes.append(ReferenceChange(place: place, reference: reference, action: action, old: old, new: new))
    }

    /// The person syncing, needed only when sync itself writes to the record (a union merge, a revision).
    func signature() throws -> Signature { try store.identity() }
}
