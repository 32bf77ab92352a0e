import Foundation
import GitKit
import Localization

/// What `nap sync` and `nap clone` may take of a remote's main: the newest commit up to which every new
/// first-parent commit passes the `nap verify` rules, and why the first one that fails does.
struct IncomingMain {
    /// The commit main may move to (the old main when the first new commit fails; nil: none).
    let accepted: ObjectID?
    /// The first commit refused, and the findings against it.
    let refused: (commit: ObjectID, findings: [VerificationFinding])?
}

extension PlanStore {
    /// Checks only the commits of `new`'s first-parent line after `old` (all of it when `old` is nil)
    /// with the rules of `nap verify` (gated merges after the founding, matching the record, approved by
    /// the co-chairs of the time, signed where the policy requires). The record must already hold the
    /// remote's events. When `old` is not on `new`'s first-parent line, nothing is accepted. `outgoing`:
    /// `new` is this copy's main and `old` the remote's (`nap sync` checks what it would push).
    func checkIncomingMain(from old: ObjectID?, to new: ObjectID, outgoing: Bool = false) throws -> IncomingMain {
        var line: [ObjectID] = []
        var cursor: ObjectID? = new
        while let id = cursor, id != old {
            line.append(id)
            cursor = try PlanError.wrap { try repository.commit(id).parents.first }
        }
        if let old, cursor != old {
            let message = outgoing ? L("this copy's main \(new.short()) does not continue the remote's main \(old.short()) along its first parents")
                : L("the remote's main \(new.short()) does not continue this copy's main \(old.short()) along its first parents")
            let finding = VerificationFinding(.failure, .bypassedGate, commit: new, message: message)
            return IncomingMain(accepted: old, refused: (new, [finding]))
        }
        let verifier = Verifier(store: self, report: VerificationReport(revision: RefNames.main, head: new))
        verifier.recordTree = try record.tree()
        var founded = try old.map { try isFounded(at: $0) } ?? false
        var accepted = old
        for id in line.reversed() {
            let before = verifier.report.failures.count
            founded = try verifier.checkLineCommit(id, founded: founded)
            let failures = Array(verifier.report.failures.dropFirst(before))
            if !failures.isEmpty { return IncomingMain(accepted: accepted, refused: (id, failures)) }
            accepted = id
        }
        return IncomingMain(accepted: accepted, refused: nil)
    }
}

extension Verifier {
    /// Checks one commit of main's first-parent line, given whether the forum was founded before it;
    /// returns whether it is founded after it. The same rules as `run()` applies to the whole line.
    func checkLineCommit(_ id: ObjectID, founded: Bool) throws -> Bool {
        let commit = try PlanError.wrap { try repository.commit(id) }
        report.commits += 1
        if !founded {
            try checkCommitSignature(commit, required: false)
            let members = try timeline.members(atCommit: id)
            return members.governmentCoChair != nil && members.civilSocietyCoChair != nil
        }
        let parent = commit.parents.first
        if commit.parents.count == 2, let parent, let trailers = MergeTrailers(commit.message) {
            report.merges += 1
            try checkMergeRemembered(commit, firstParent: parent, trailers: trailers)
        } else {
            try reportBypass(commit, firstParent: parent)
        }
        let required = try parent.map { try policy(at: $0).requireSignatures } ?? false
        try checkCommitSignature(commit, required: required)
        return true
    }

    /// `checkMerge`, or what it found the last time for the same merge and the same folder of its
    /// proposal in the record, when it found nothing wrong (`VerificationMemo`).
    private func checkMergeRemembered(_ commit: Commit, firstParent: ObjectID, trailers: MergeTrailers) throws {
        guard let memo, let folder = try folder(of: trailers.proposal) else {
            return try checkMerge(commit, firstParent: firstParent, trailers: trailers)
        }
        if let counts = memo.counts(ofMerge: commit.id, proposal: trailers.proposal, folder: folder) {
            report.hostAttestedApprovals += counts.hostAttested
            report.goodSignatures += counts.goodSignatures
            return
        }
        let before = (findings: report.findings.count, attested: report.hostAttestedApprovals, good: report.goodSignatures)
        try checkMerge(commit, firstParent: firstParent, trailers: trailers)
        if report.findings.count == before.findings {
            memo.keep(merge: commit.id, proposal: trailers.proposal, folder: folder, VerificationMemo.Counts(hostAttested: report.hostAttestedApprovals - before.attested,
                                                                                goodSignatures: report.goodSignatures - before.good))
        }
    }
}
