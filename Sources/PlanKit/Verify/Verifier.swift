import Foundation
import GitKit
import Localization
import SSHSig

extension PlanStore {
    /// Re-checks main's history offline (docs/SIGNING.md): walks the first-parent line of `revision`,
    /// finds the founding, requires every later commit to be a gated merge that matches the record
    /// (approvals by that head's co-chairs for exactly the merged head, signed with their keys when the
    /// policy requires it), checks every signature on the line, every tag on it, and every event
    /// signature in the record. Never changes the plan.
    public func verify(revision: String = "main") throws -> VerificationReport {
        let head = try resolveRevision(revision)
        let verifier = Verifier(store: self, report: VerificationReport(revision: revision, head: head))
        try verifier.run()
        return verifier.report
    }
}

/// One run of `nap verify`. Not Sendable (it holds the store's repository).
final class Verifier {
    let store: PlanStore
    var report: VerificationReport
    let timeline: MembersTimeline
    var repository: Repository { store.repository }
    /// The record's tree (nil when there is no record).
    var recordTree: ObjectID?
    /// The events of the proposal read last: each merge asks for its own proposal's once. Keeping every
    /// merged proposal's events for the whole run held a national plan's record twice in a server reading
    /// its site (the proposals' states hold it once); the decoded events stay in the store's cache file.
    private var lastEvents: (proposal: EventID, events: [Event])?
    private var policies: [ObjectID: Policy] = [:]
    /// The folders and merges verified clean by an earlier run (`run()` only: a sync checks a few new
    /// commits against a remote's main).
    var memo: VerificationMemo?
    private var folders: [EventID: ObjectID?] = [:]
    /// What each merge on the line merged, kept between runs (`MergeContents`).
    lazy var mergeContents = MergeContents(cache: store.derivedCache)

    init(store: PlanStore, report: VerificationReport) {
        self.store = store
        self.report = report
        self.timeline = MembersTimeline(repository: store.repository, head: report.head)
    }

    func run() throws {
        recordTree = try store.record.tree()
        memo = VerificationMemo(cache: store.derivedCache,
                                key: [report.head.hex, try store.mainHead()?.hex ?? "-", try store.authorityKey()].joined(separator: " "))
        report.signaturesRequired = try policy(at: report.head).requireSignatures
        let line = Array(try timeline.all().reversed())
        var founded = false
        for point in line {
            let wasFounded = founded
            founded = try checkLineCommit(point.commit, founded: founded)
            if founded, !wasFounded { report.founding = point.commit }
        }
        mergeContents.save()
        try checkTags(onLine: Set(line.map(\.commit)))
        try checkRecord()
        memo?.save()
    }

    /// The tree id of a proposal's `events` folder in the record, where its events and signatures are
    /// read from (nil when it has none): what a remembered check is keyed by.
    func folder(of proposal: EventID) throws -> ObjectID? {
        if let known = folders[proposal] { return known }
        guard let tree = recordTree else { return nil }
        let folder = try store.record.subtree(Record.directory(of: proposal), in: tree)
        folders[proposal] = folder
        return folder
    }

    /// The policy of plan.yml in a commit (the default policy when it cannot be read); each distinct
    /// plan.yml is parsed once.
    func policy(at commit: ObjectID) throws -> Policy {
        let blob = try PlanError.wrap {
            try repository.treeEntry(try repository.treeID(ofCommit: commit), path: PlanFiles.plan).flatMap { $0.kind == .blob ? $0.id : nil }
        }
        guard let blob else { return Policy() }
        if let cached = policies[blob] { return cached }
        let policy = Plan.parse(try PlanError.wrap { try repository.blobData(blob) }).value?.policy ?? Policy()
        policies[blob] = policy
        return policy
    }

    /// The authority merges are judged by: members.yml and merges along the verified line, the policy
    /// at its head. Events the fold would quarantine (forged reviews, merge events) never count.
    private lazy var authority: PlanAuthority? = {
        guard let policy = try? policy(at: report.head) else { return nil }
        return PlanAuthority(repository: repository, record: store.record, main: report.head, requiresSignatures: policy.requireSignatures)
    }()

    /// A proposal's admitted events from the record, in fold order (cached).
    func events(of proposal: EventID) throws -> [Event] {
        if let last = lastEvents, last.proposal == proposal { return last.events }
        guard let tree = recordTree, let authority else { return [] }
        let events = try ProposalState.admit(try store.cachedEvents(of: proposal, in: tree).events, authority: authority).admitted
        lastEvents = (proposal, events)
        return events
    }

    /// A direct commit (or a merge nap did not make) after the founding; named specially when it changes
    /// members.yml or plan.yml.
    func reportBypass(_ commit: Commit, firstParent: ObjectID?) throws {
        let who = Self.person(commit.author)
        let what = commit.parents.count > 1 ? L("a merge without nap's Proposal trailers") : L("committed directly on main")
        var changed: [String] = []
        if let firstParent {
            let old = try PlanError.wrap { try repository.treeID(ofCommit: firstParent) }
            for path in [PlanFiles.members, PlanFiles.plan] {
                let before = try PlanError.wrap { try repository.treeEntry(old, path: path)?.id }
                let after = try PlanError.wrap { try repository.treeEntry(commit.tree, path: path)?.id }
                if before != after { changed.append(path) }
            }
        }
        let base = L("commit \(commit.id.short()) by \(who) (\(Self.date(commit.committer.time)), \"\(commit.summary)\")")
        if changed.isEmpty {
            report.add(VerificationFinding(.failure, .bypassedGate, commit: commit.id,
                                           message: L("\(base) bypassed the gate: \(what), not merged from a proposal both co-chairs approved")))
        } else {
            report.add(VerificationFinding(.failure, .governanceBypass, commit: commit.id,
                                           message: L("\(base) changed \(changed.count == 2 ? L("\(changed[0]) and \(changed[1])") : Message(verbatim: changed.joined())) outside the gate: \(what); the forum and its rules change only through approved proposals")))
        }
    }

    static func person(_ signature: Signature) -> String { "\(signature.name) <\(signature.email)>" }

    static func date(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// The trailers of a gated merge commit (MergeMessage writes them).
struct MergeTrailers {
    let proposal: String
    let head: String?
    /// The emails in the `Approved-by:` trailers, lowercased.
    let approvedBy: [String]
    /// The email in the `On-behalf-of:` trailer of a merge a host committed, lowercased.
    var onBehalfOf: String?

    /// Nil when the message has no `Proposal:` trailer.
    init?(_ message: String) {
        var proposal: String?
        var head: String?
        var approvers: [String] = []
        for line in message.split(separator: "\n") {
            if line.hasPrefix("Proposal: ") { proposal = String(line.dropFirst(10)).trimmed }
            if line.hasPrefix("Proposal-Head: ") { head = String(line.dropFirst(15)).trimmed }
            if line.hasPrefix("On-behalf-of: "), let open = line.lastIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close {
                onBehalfOf = String(line[line.index(after: open)..<close]).lowercased()
            }
            if line.hasPrefix("Approved-by: "), let open = line.lastIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close {
                approvers.append(String(line[line.index(after: open)..<close]).lowercased())
            }
        }
        guard let proposal, !proposal.isEmpty else { return nil }
        self.proposal = proposal
        self.head = head
        self.approvedBy = approvers
    }
}
