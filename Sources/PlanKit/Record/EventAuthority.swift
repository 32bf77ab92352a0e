import Foundation
import GitKit
import Localization

/// What the fold asks about the world outside the record before it believes an event (docs/SECURITY.md):
/// who an author was in members.yml on main at the event's time, whether the event is signed by that
/// person's key, and whether a commit a `merged` event names is a gated merge on main. Authority is
/// derived from these answers, never taken from what an event says about itself.
public protocol EventAuthority {
    /// The member with this email in members.yml as main had it at `time`; nil for someone who was not one.
    func member(email: String, at time: Date) throws -> Member?
    /// The member with this id in members.yml as main had it at `time` (hosts name whom they act for by id).
    func member(id: String, at time: Date) throws -> Member?
    /// Whether the plan's policy requires signatures (then every event that can change what the merge
    /// gate decides must be signed by its author's key).
    var requiresSignatures: Bool { get }
    /// Whether `event` carries a valid signature by the key `member` had in members.yml at the event's time.
    func isSigned(_ event: Event, by member: Member) throws -> Bool
    /// The proposal (the `Proposal:` trailer) and the merged head (second parent) of `commit` when it is
    /// a merge commit on main's first-parent line; nil otherwise.
    func mergeOnMain(_ commit: ObjectID) throws -> (proposal: String, head: ObjectID)?
    /// Whether `id` names an object here that is not a commit (a missing object may still arrive).
    func isPresentButNotACommit(_ id: ObjectID) -> Bool
}

/// An event the fold did not use, and why: it broke a rule of its type, or its author could not be
/// authenticated where the policy requires it. It stays in the record, untouched, and is reported.
public struct QuarantinedEvent: Sendable, Equatable {
    public let id: EventID
    public let proposal: EventID
    public let type: String
    /// Why, for people (English in `--json`: `Message` encodes as English).
    public let reason: Message

    /// The event file's path in the record.
    public var path: String { Record.path(of: id, proposal: proposal) }

    /// As a record problem, for listings of what was ignored.
    public var problem: PlanError { .quarantined(path: path, reason: reason) }
}

/// The authority of a plan repository: members.yml along main's first-parent line (`MembersTimeline`),
/// the policy of plan.yml on main, the record's event bytes for signatures, and main's history for merges.
final class PlanAuthority: EventAuthority {
    let repository: Repository
    let record: Record
    let timeline: MembersTimeline
    let main: ObjectID?
    let requiresSignatures: Bool
    private var merges: [ObjectID: (proposal: String, head: ObjectID)?] = [:]
    /// The kinds of the objects events named, once looked up: a proposal's comments name its few heads
    /// thousands of times, and each lookup reads the object.
    private var presentKinds: [ObjectID: ObjectKind] = [:]
    /// Commitments read for process events, by blob (Process/ProcessAuthority.swift).
    var commitments: [ObjectID: Commitment?] = [:]

    /// `cache`: where the members' runs along main are kept between runs of nap (`MembersRuns`).
    init(repository: Repository, record: Record, main: ObjectID?, requiresSignatures: Bool, cache: DerivedStateCache? = nil) {
        self.repository = repository
        self.record = record
        self.main = main
        self.requiresSignatures = requiresSignatures
        self.timeline = MembersTimeline(repository: repository, head: main, cache: cache)
    }

    func member(email: String, at time: Date) throws -> Member? {
        try timeline.members(at: time).member(email: email)
    }

    func member(id: String, at time: Date) throws -> Member? {
        try timeline.members(at: time).member(id: id)
    }

    func isSigned(_ event: Event, by member: Member) throws -> Bool {
        guard event.signature != nil, case .signed(let signer) = try record.signatureState(of: event) else { return false }
        return try timeline.counts(signer, asKeyOf: member.email, at: event.time)
    }

    func isPresentButNotACommit(_ id: ObjectID) -> Bool {
        if let known = presentKinds[id] { return known != .commit }
        guard let kind = repository.objectKind(id) else { return false }
        // An object's kind never changes once it is here (an absent one may arrive: not kept).
        presentKinds[id] = kind
        return kind != .commit
    }

    /// Main's first-parent line, walked once when a merge event is first checked: nap's merges are
    /// always on it (a merge moves main to a commit whose first parent is main).
    private var mainLine: Set<ObjectID>?

    func mergeOnMain(_ commit: ObjectID) throws -> (proposal: String, head: ObjectID)? {
        if let known = merges[commit] { return known }
        var result: (proposal: String, head: ObjectID)?
        if let main, repository.objectKind(commit) == .commit {
            if mainLine == nil {
                mainLine = Set(try PlanError.wrap { try repository.walk(from: [main], order: [], firstParentOnly: true) })
            }
            let merge = try PlanError.wrap { try repository.commit(commit) }
            if mainLine?.contains(commit) == true, merge.parents.count == 2, let trailers = MergeTrailers(merge.message) {
                result = (trailers.proposal, merge.parents[1])
            }
        }
        merges[commit] = result
        return result
    }
}

extension PlanStore {
    /// The authority events of this plan are judged by, as main stands now (built once per store).
    func authority() throws -> PlanAuthority {
        let main = try mainHead()
        if let built = authorityMemo.value, built.main == main { return built }
        let policy = try main.map { try loadPlan(at: $0).plan?.policy ?? Policy() } ?? Policy()
        let built = PlanAuthority(repository: repository, record: record, main: main, requiresSignatures: policy.requireSignatures,
                                  cache: DerivedStateCache.isDisabled ? nil : derivedCache)
        authorityMemo.value = built
        return built
    }

    /// Folds a proposal's events under this plan's authority (`ProposalState.fold(_:authority:)`).
    func fold(_ events: [Event]) throws -> ProposalState? {
        try ProposalState.fold(events, authority: try authority())
    }
}

/// A value built once per store and kept (the store is a class used from one thread).
final class StoreMemo<Value> {
    var value: Value?
}

extension PlanStore {
    /// A cache key for everything the authority judges by, short of main's whole history: the blobs of
    /// members.yml and plan.yml on main. Derived state cached under another key is folded again.
    func authorityKey() throws -> String {
        guard let main = try mainHead() else { return "none" }
        return try PlanError.wrap {
            let tree = try repository.treeID(ofCommit: main)
            let members = try repository.treeEntry(tree, path: PlanFiles.members)?.id.hex ?? "-"
            let plan = try repository.treeEntry(tree, path: PlanFiles.plan)?.id.hex ?? "-"
            return String(members.prefix(16)) + String(plan.prefix(16))
        }
    }
}
