import Foundation
import GitKit
import Localization
import SSHSig

extension Verifier {
    /// Checks one gated merge against the record: trailers, content, the merge event, who merged, and
    /// the approvals of the co-chairs named by members.yml of its first parent (main before the merge).
    func checkMerge(_ commit: Commit, firstParent: ObjectID, trailers: MergeTrailers) throws {
        let head = commit.parents[1]
        let commitID = commit.id.short()
        func mismatch(_ text: Message) {
            report.add(VerificationFinding(.failure, .mergeMismatch, commit: commit.id, proposal: trailers.proposal, message: L("merge \(commitID): \(text)")))
        }
        if trailers.head != head.hex {
            mismatch(L("its Proposal-Head trailer (\(trailers.head.map { Message(verbatim: $0) } ?? L("missing"))) is not its second parent (\(head.short()))"))
        }
        let content = try mergeContents.content(of: commit.id, ours: firstParent, theirs: head, in: store)
        if content.mergeBases > 1 {
            mismatch(L("main and the merged head had \(content.mergeBases) merge bases (criss-cross merges); nap merges only what has one, so that the change reviewed is the change merged"))
        }
        if content.tree == nil {
            mismatch(L("main and the proposal head conflict in \(content.conflicts.joined(separator: ", ")); nap never merges a conflict"))
        } else if content.tree != commit.tree.hex {
            mismatch(L("its content is not the merge of main and the approved head \(head.short()): it was changed by hand"))
        }
        let members = try timeline.members(atCommit: firstParent)
        let policy = try policy(at: firstParent)
        switch members.member(email: commit.committer.email) {
        case let committer? where committer.role == .host:
            if let problem = hostMergeProblem(commit, host: committer, members: members, policy: policy, trailers: trailers) { mismatch(problem) }
        case let committer? where committer.role == .coChair:
            break
        default:
            mismatch(L("it was committed by \(Self.person(commit.committer)), who was not a co-chair in members.yml"))
        }
        let events = try events(of: trailers.proposal)
        guard !events.isEmpty else {
            mismatch(L("proposal \(trailers.proposal.prefix(12)) is not in the record (refs/heads/nap/record); fetch the record with `nap sync`"))
            return
        }
        let mergedIndex = events.firstIndex { event in
            if case .merged(let merged, _) = event.body { return merged == commit.id }
            return false
        }
        if let mergedIndex {
            if case .merged(_, let recordedHead) = events[mergedIndex].body, recordedHead != head {
                mismatch(L("the record says head \(recordedHead.short()) was merged, the commit merges \(head.short())"))
            }
        } else {
            mismatch(L("the record of proposal \(trailers.proposal.prefix(12)) has no merge event for this commit: it was not merged by nap"))
        }
        let before = events[..<(mergedIndex ?? events.endIndex)]
        if let opening = events.first(where: { if case .opened = $0.body { true } else { false } }),
           let wait = MergeGate.discussionWait(opened: opening.time, now: commit.committer.time, policy: policy) {
            report.add(VerificationFinding(.failure, .discussionTooShort, commit: commit.id, proposal: trailers.proposal,
                                           message: L("merge \(commitID): merged too early: \(wait)")))
        }
        for approver in policy.approvals {
            guard let sector = approver.coChairSector else {
                try checkLeadAgencies(commit, firstParent: firstParent, members: members, before: before, policy: policy, proposal: trailers.proposal)
                continue
            }
            let label = MessageWords.approver(approver)
            guard let chair = members.coChair(of: sector) else {
                report.add(VerificationFinding(.failure, .approvalMissing, commit: commit.id, proposal: trailers.proposal,
                                               message: L("merge \(commitID): members.yml before the merge names no \(label)")))
                continue
            }
            if !trailers.approvedBy.contains(chair.email.lowercased()) {
                mismatch(L("its Approved-by trailers do not name \(chair.name) <\(chair.email)> (\(label))"))
            }
            try checkApproval(by: chair, label: label, of: head, in: before, policy: policy, merge: commit, proposal: trailers.proposal)
        }
    }

    /// Under the approver `lead-agency`: for every commitment the merge changed on main, one member of its
    /// lead agency (before or after the merge) must have approved exactly the merged head, signed when
    /// required, before the merge was recorded.
    private func checkLeadAgencies(_ commit: Commit, firstParent: ObjectID, members: Members, before: ArraySlice<Event>,
                                   policy: Policy, proposal: EventID) throws {
        let head = commit.parents[1]
        let changed = try PlanError.wrap {
            try repository.diffTrees(try repository.treeID(ofCommit: firstParent), commit.tree).compactMap { delta -> String? in
                let path = delta.path
                guard path.hasPrefix(PlanFiles.commitments + "/"), path.hasSuffix(".md") else { return nil }
                return String(path.dropFirst(PlanFiles.commitments.count + 1).dropLast(3))
            }
        }
        for lead in try store.leadAgencies(of: changed, in: [firstParent, commit.id], members: members) {
            let label = L("lead agency of commitment \(lead.commitment)")
            var latest: [String: Event] = [:]
            for event in before {
                if case .review = event.body, lead.includes(email: event.author.email) { latest[event.author.email.lowercased()] = event }
            }
            var found = false
            for (email, event) in latest {
                guard case .review(.approve, let reviewed, _) = event.body, reviewed == head,
                      let member = lead.members.first(where: { $0.email.lowercased() == email }) else { continue }
                if let host = event.author.host {
                    guard MergeGate.hostAttestedProblem(host: host, who: label, policy: policy) == nil else { continue }
                } else if policy.requireSignatures {
                    let state = try store.record.signatureState(of: event, in: recordTree)
                    guard MergeGate.signatureProblem(state, chair: member, label: label, keysFrom: L("members.yml before the merge")) == nil else { continue }
                }
                found = true
                break
            }
            if !found {
                let who = lead.members.isEmpty ? L("it has no member in members.yml before the merge") : Message(verbatim: lead.members.map(\.name).joined(separator: ", "))
                report.add(VerificationFinding(.failure, .approvalMissing, commit: commit.id, proposal: proposal,
                                               message: policy.requireSignatures
                                                   ? L("merge \(commit.id.short()): the record has no signed approval of the merged head \(head.short()) by the \(label) (\(lead.label): \(who))")
                                                   : L("merge \(commit.id.short()): the record has no approval of the merged head \(head.short()) by the \(label) (\(lead.label): \(who))")))
            }
        }
    }

    /// The chair's latest review before the merge must approve exactly `head`, signed when required.
    private func checkApproval(by chair: Member, label: Message, of head: ObjectID, in events: ArraySlice<Event>, policy: Policy,
                               merge: Commit, proposal: EventID) throws {
        let commitID = merge.id.short()
        let reviews = events.filter { event in
            if case .review = event.body { return event.author.email.lowercased() == chair.email.lowercased() }
            return false
        }
        guard let latest = reviews.last, case .review(let verdict, let reviewed, _) = latest.body, verdict == .approve, reviewed == head else {
            var why = L("the record has no approval by \(chair.name) (\(label)) of the merged head \(head.short())")
            if let latest = reviews.last, case .review(let verdict, let reviewed, _) = latest.body {
                why = verdict == .approve ? L("the record has no approval by \(chair.name) (\(label)) of the merged head \(head.short()) (their approval was for \(reviewed.short()))")
                    : L("the record has no approval by \(chair.name) (\(label)) of the merged head \(head.short()) (their latest review requested changes)")
            }
            report.add(VerificationFinding(.failure, .approvalMissing, commit: merge.id, proposal: proposal, message: L("merge \(commitID): \(why)")))
            return
        }
        if let host = latest.author.host {
            // Admitted, so signed by the host's key then; it counts only where the policy says so.
            if let problem = MergeGate.hostAttestedProblem(host: host, who: L("\(chair.name) (\(label))"), policy: policy) {
                report.add(VerificationFinding(.failure, .hostAttested, commit: merge.id, proposal: proposal, event: latest.id, message: L("merge \(commitID): \(problem)")))
            } else {
                report.hostAttestedApprovals += 1
            }
            return
        }
        let state = try store.record.signatureState(of: latest, in: recordTree)
        if case .signed(let key) = state, key == MembersTimeline.key(of: chair) { report.goodSignatures += 1 }
        guard policy.requireSignatures,
              let problem = MergeGate.signatureProblem(state, chair: chair, label: label, keysFrom: L("members.yml before the merge")) else { return }
        let kind: VerificationFinding.Kind = switch state {
        case .unsigned: .approvalUnsigned
        case .invalid: .badSignature
        case .signed: .approvalWrongKey
        }
        report.add(VerificationFinding(.failure, kind, commit: merge.id, proposal: proposal, event: latest.id,
                                       message: L("merge \(commitID): \(problem)")))
    }

    /// Checks a commit's `gpgsig` signature (SSHSIG, namespace `git`): it must match the commit, and be
    /// made by the committer's key in members.yml before or after the commit.
    func checkCommitSignature(_ commit: Commit, required: Bool) throws {
        let label = L("commit \(commit.id.short()) by \(Self.person(commit.committer))")
        guard let (armored, signed) = try PlanError.wrap({ try repository.commitSignature(commit.id) }) else {
            if required {
                report.add(VerificationFinding(.failure, .unsigned, commit: commit.id,
                                               message: L("\(label) is unsigned; the policy requires signatures")))
            }
            return
        }
        var keys: [SSHPublicKey] = []
        for id in commit.parents.prefix(1) + [commit.id] {
            if let key = try timeline.members(atCommit: id).member(email: commit.committer.email).flatMap(MembersTimeline.key(of:)) {
                keys.append(key)
            }
        }
        checkSignature(armored: armored, over: signed, what: label, keys: keys, required: required, commit: commit.id, tag: nil)
    }

    /// The shared judgement of a commit or tag signature.
    func checkSignature(armored: String, over signed: [UInt8], what: Message, keys: [SSHPublicKey], required: Bool,
                        commit: ObjectID?, tag: String?) {
        guard armored.contains("-----BEGIN SSH SIGNATURE-----") else {
            report.add(VerificationFinding(.notice, .wrongKey, commit: commit, tag: tag,
                                           message: L("\(what) carries a non-SSH (OpenPGP or X.509) signature, which nap does not check")))
            return
        }
        switch Record.signatureState(armored: armored, message: signed, namespace: SigningNamespace.git) {
        case .invalid(let reason):
            report.add(VerificationFinding(.failure, .badSignature, commit: commit, tag: tag, message: L("\(what) has a bad signature: \(reason)")))
        case .signed(let key) where keys.contains(key):
            report.goodSignatures += 1
        case .signed(let key):
            let registered = keys.isEmpty ? L("members.yml lists no key for the signer") : L("not the signer's key in members.yml")
            report.add(VerificationFinding(required ? .failure : .notice, .wrongKey, commit: commit, tag: tag,
                                           message: L("\(what) is signed by key \(key.fingerprint), \(registered)")))
        case .unsigned:
            break
        }
    }
}
