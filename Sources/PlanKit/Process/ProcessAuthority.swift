import Foundation
import GitKit

/// What the fold of process events asks about the world outside the record (docs/SECURITY.md): the
/// questions of `EventAuthority`, and which members and which commitment main had at a time.
public protocol ProcessAuthority: EventAuthority {
    /// members.yml as main had it at `time`.
    func members(at time: Date) throws -> Members
    /// The commitment `id` as main had it at `time`; nil when main had no such (readable) commitment.
    func commitment(_ id: String, at time: Date) throws -> Commitment?
    /// Whether `event` carries a valid signature by the key `member` had in members.yml at its time.
    func isSigned(_ event: ProcessEvent, by member: Member) throws -> Bool
}

extension PlanAuthority: ProcessAuthority {
    func members(at time: Date) throws -> Members {
        try timeline.members(at: time)
    }

    func commitment(_ id: String, at time: Date) throws -> Commitment? {
        guard let commit = try timeline.commit(at: time) else { return nil }
        let path = PlanFiles.commitmentPath(id: id)
        let blob = try PlanError.wrap {
            try repository.treeEntry(try repository.treeID(ofCommit: commit), path: path).flatMap { $0.kind == .blob ? $0.id : nil }
        }
        guard let blob else { return nil }
        if let known = commitments[blob] { return known }
        let parsed = Commitment.parse(try PlanError.wrap { try repository.blobData(blob) }, path: path, plan: nil).value
        commitments[blob] = parsed
        return parsed
    }

    func isSigned(_ event: ProcessEvent, by member: Member) throws -> Bool {
        guard event.signature != nil, case .signed(let signer) = try record.signatureState(of: event) else { return false }
        return try timeline.counts(signer, asKeyOf: member.email, at: event.time)
    }
}

extension MembersTimeline {
    /// The commit of main's first-parent line in force at `time` (the newest whose committer time is at
    /// or before it); nil before main's first commit.
    func commit(at time: Date) throws -> ObjectID? {
        for point in try all() where point.time <= time { return point.commit }
        return nil
    }
}
