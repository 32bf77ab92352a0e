import Foundation
import GitKit
import SSHSig

/// members.yml along main's first-parent line: which keys were in force when. Read lazily from the
/// newest commit backwards (most questions are about recent times), each distinct members.yml parsed once.
///
/// The rule (docs/SIGNING.md): what counts at time T is members.yml in the newest first-parent commit of
/// main whose committer time is at or before T.
final class MembersTimeline {
    /// One commit of main's first-parent line.
    struct Point {
        let commit: ObjectID
        let time: Date
        /// The members.yml blob; nil when the commit has none.
        let blob: ObjectID?
        /// The commit's first parent; nil at the root.
        let parent: ObjectID?

        /// The commit `id` as a point of the line (`MembersRuns` reads the line the same way).
        static func read(_ id: ObjectID, in repository: Repository) throws -> Point {
            try PlanError.wrap {
                let commit = try repository.commit(id)
                let blob = try repository.treeEntry(commit.tree, path: PlanFiles.members).flatMap { $0.kind == .blob ? $0.id : nil }
                return Point(commit: id, time: commit.committer.time, blob: blob, parent: commit.parents.first)
            }
        }
    }

    let repository: Repository
    /// The line read so far, newest first.
    private(set) var points: [Point] = []
    private var next: ObjectID?
    private var parsed: [ObjectID: Members] = [:]
    /// Where `members(at:)` keeps the line's runs between runs of nap (`MembersRuns`); nil: walk the commits.
    private let cache: DerivedStateCache?
    private let head: ObjectID?
    private var runs: MembersRuns?

    init(repository: Repository, head: ObjectID?, cache: DerivedStateCache? = nil) {
        self.repository = repository
        self.next = head
        self.head = head
        self.cache = cache
    }

    /// Reads one more commit of the line; false at the root.
    private func extend() throws -> Bool {
        guard let id = next else { return false }
        let point = try Point.read(id, in: repository)
        points.append(point)
        next = point.parent
        return true
    }

    /// The whole line, newest first.
    func all() throws -> [Point] {
        while try extend() {}
        return points
    }

    /// The members in force at `time`; empty before main's first commit.
    func members(at time: Date) throws -> Members {
        if let cache, let head {
            if runs == nil { runs = try MembersRuns.load(head: head, repository: repository, cache: cache) }
            guard let blob = runs?.blob(at: time) else { return Members([]) }
            return try members(blob: blob)
        }
        var index = 0
        while true {
            if index == points.count, try !extend() { return Members([]) }
            if points[index].time <= time { return try members(blob: points[index].blob) }
            index += 1
        }
    }

    /// The members of one members.yml blob (cached).
    func members(blob: ObjectID?) throws -> Members {
        guard let blob else { return Members([]) }
        if let cached = parsed[blob] { return cached }
        let members = Members.parse(try PlanError.wrap { try repository.blobData(blob) }).value ?? Members([])
        parsed[blob] = members
        return members
    }

    /// The members in the commit `id` (any commit, not only on the line).
    func members(atCommit id: ObjectID) throws -> Members {
        let blob = try PlanError.wrap {
            try repository.treeEntry(try repository.treeID(ofCommit: id), path: PlanFiles.members).flatMap { $0.kind == .blob ? $0.id : nil }
        }
        return try members(blob: blob)
    }

    /// The key members.yml in force at `time` lists for `email`.
    func key(of email: String, at time: Date) throws -> SSHPublicKey? {
        try members(at: time).member(email: email).flatMap(MembersTimeline.key(of:))
    }

    /// Whether `key` counts as `email`'s key for something signed at `time` (docs/SIGNING.md): the key
    /// members.yml in force then lists, or the key of the second before. Times are whole seconds, so an
    /// event in the same second as the commit that changed the key may have been written just before it.
    /// Every judge of a signature by time (the fold, `nap verify`, `nap show`) asks this one question.
    func counts(_ key: SSHPublicKey, asKeyOf email: String, at time: Date) throws -> Bool {
        for moment in [time, time.addingTimeInterval(-1)] where try self.key(of: email, at: moment) == key {
            return true
        }
        return false
    }

    /// The key a signature by `email` at `time` is judged against, for reports: the signer's own key when
    /// it counts (`counts(_:asKeyOf:at:)`), else the key in force at `time` (nil when none is listed).
    func expectedKey(of email: String, at time: Date, state: EventSignatureState) throws -> SSHPublicKey? {
        if case .signed(let signer) = state, try counts(signer, asKeyOf: email, at: time) { return signer }
        return try key(of: email, at: time)
    }

    static func key(of member: Member) -> SSHPublicKey? {
        member.key.flatMap { try? SSHPublicKey(authorizedKeyLine: $0) }
    }
}
