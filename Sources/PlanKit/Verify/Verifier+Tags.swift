import Foundation
import GitKit
import Localization
import SSHSig

extension Verifier {
    /// Every tag whose commit is in main's history up to the verified head: it must be annotated; its
    /// signature (appended to the tag object) must match and be the tagger's key in members.yml of the
    /// tagged commit; unsigned tags fail when plan.yml there requires signatures.
    func checkTags(onLine line: Set<ObjectID>) throws {
        let tags = try PlanError.wrap { try repository.references(matching: RefNames.tagPrefix + "*") }
        for (reference, target) in tags {
            let name = String(reference.dropFirst(RefNames.tagPrefix.count))
            switch repository.objectKind(target) {
            case .commit:
                guard try isInHistory(target, line: line) else { continue }
                report.tags += 1
                report.add(VerificationFinding(.failure, .tagNotAnnotated, commit: target, tag: name,
                                               message: L("tag \(name) on \(target.short()) is not an annotated tag; a published version is an annotated (signed) tag made by `nap publish`")))
            case .tag:
                let tag = try PlanError.wrap { try repository.annotatedTag(target) }
                guard repository.objectKind(tag.target) == .commit, try isInHistory(tag.target, line: line) else { continue }
                report.tags += 1
                try checkTagSignature(name: name, object: target, tag: tag)
            default:
                continue
            }
        }
    }

    private func isInHistory(_ commit: ObjectID, line: Set<ObjectID>) throws -> Bool {
        if line.contains(commit) { return true }
        return try PlanError.wrap { try repository.isAncestor(commit, of: report.head) }
    }

    /// Checks an annotated tag's signature: it must match the tag and be the tagger's key in members.yml
    /// of the tagged commit; a missing one fails when plan.yml there (or `alsoRequired`) requires signatures.
    func checkTagSignature(name: String, object: ObjectID, tag: AnnotatedTag, alsoRequired: Bool = false) throws {
        let raw = try PlanError.wrap { try repository.readObject(object) }.data
        let label = tag.tagger.map { L("tag \(name) by \(Self.person($0))") } ?? L("tag \(name)")
        let required = try alsoRequired || policy(at: tag.target).requireSignatures
        guard let split = Self.signatureStart(in: raw) else {
            if required {
                report.add(VerificationFinding(.failure, .unsigned, commit: tag.target, tag: name,
                                               message: L("\(label) is unsigned; the policy requires signatures")))
            }
            return
        }
        let members = try timeline.members(atCommit: tag.target)
        let keys = tag.tagger.flatMap { members.member(email: $0.email) }.flatMap(MembersTimeline.key(of:)).map { [$0] } ?? []
        checkSignature(armored: String(decoding: raw[split...], as: UTF8.self), over: Array(raw[..<split]), what: label,
                       keys: keys, required: required, commit: tag.target, tag: name)
    }

    /// Why `nap sync` must not take or give the annotated tag `name` (object `object`, read as `tag`, on a
    /// commit of main), or nil: the failures of `checkTagSignature`, with signatures required when plan.yml
    /// on main (the verified head) or at the tagged commit requires them; and then only a valid SSH
    /// signature by the key members.yml of the tagged commit gives a co-chair who is the tagger will do,
    /// as only a co-chair publishes (`nap publish`).
    func versionTagProblem(name: String, object: ObjectID, tag: AnnotatedTag) throws -> Message? {
        let required = try policy(at: report.head).requireSignatures || policy(at: tag.target).requireSignatures
        let failuresBefore = report.failures.count
        let goodBefore = report.goodSignatures
        try checkTagSignature(name: name, object: object, tag: tag, alsoRequired: required)
        let failures = report.failures.dropFirst(failuresBefore)
        if !failures.isEmpty { return Message.joined(failures.map(\.message), separator: L("; ")) }
        guard required else { return nil }
        guard report.goodSignatures > goodBefore else {
            return L("tag \(name) has no SSH signature by a member's key in members.yml; the policy requires signatures")
        }
        let members = try timeline.members(atCommit: tag.target)
        guard let tagger = tag.tagger, members.member(email: tagger.email)?.role == .coChair else {
            return L("tag \(name) is not by a co-chair of the tagged commit's members.yml; only a co-chair publishes a version")
        }
        return nil
    }

    /// Where a tag object's signature starts: the first line that begins an armored signature.
    static func signatureStart(in raw: [UInt8]) -> Int? {
        let markers = ["-----BEGIN SSH SIGNATURE-----", "-----BEGIN PGP SIGNATURE-----", "-----BEGIN SIGNED MESSAGE-----"].map { Array($0.utf8) }
        var lineStart = 0
        while lineStart < raw.count {
            for marker in markers where raw.count - lineStart >= marker.count && Array(raw[lineStart..<lineStart + marker.count]) == marker {
                return lineStart
            }
            guard let newline = raw[lineStart...].firstIndex(of: 0x0A) else { return nil }
            lineStart = newline + 1
        }
        return nil
    }

    /// Every event in the record: files that are not valid events are failures; a signature that does
    /// not match its event is a failure; a valid signature by a key that is not the member's key at the
    /// event's time is a notice.
    func checkRecord() throws {
        guard let tree = recordTree else { return }
        try checkProcessRecord(in: tree)
        for (proposal, _) in try store.record.proposals(in: tree) {
            // A folder verified clean before under the same heads and authority is not read again.
            let folder = try folder(of: proposal)
            if let folder, let counts = memo?.counts(of: proposal, folder: folder) {
                report.events += counts.events
                report.hostAttestedEvents += counts.hostAttested
                report.goodSignatures += counts.goodSignatures
                continue
            }
            let before = (findings: report.findings.count, events: report.events, attested: report.hostAttestedEvents, good: report.goodSignatures)
            try checkRecord(proposal, in: tree)
            if let folder, report.findings.count == before.findings {
                memo?.keep(proposal, folder: folder, VerificationMemo.Counts(events: report.events - before.events, hostAttested: report.hostAttestedEvents - before.attested,
                                                                   goodSignatures: report.goodSignatures - before.good))
            }
        }
    }

    /// The events of one proposal's folder: files that are not events, quarantined events, signatures.
    private func checkRecord(_ proposal: EventID, in tree: ObjectID) throws {
        // Decoded once per event blob (the cache of derived state is keyed by the blobs' ids).
        let read = try store.cachedEvents(of: proposal, in: tree)
        for problem in read.problems {
            report.add(VerificationFinding(.failure, .recordProblem, proposal: proposal, message: problem.message))
        }
        let admission = try ProposalState.admit(read.events, authority: store.authority())
        for quarantined in admission.quarantined {
            report.add(VerificationFinding(.notice, .quarantinedEvent, proposal: proposal, event: quarantined.id,
                                           message: quarantined.problem.message))
        }
        // Events a host wrote: admitted only when signed by the host's key (a quarantined one is reported above).
        let attested = Set(admission.admitted.filter { $0.author.host != nil }.map(\.id))
        for event in read.events {
            report.events += 1
            if event.onBehalfOf != nil {
                if attested.contains(event.id) { report.hostAttestedEvents += 1 }
                continue
            }
            guard event.signature != nil else { continue }
            switch try store.record.signatureState(of: event, in: tree) {
            case .unsigned:
                break
            case .invalid(let reason):
                report.add(VerificationFinding(.failure, .badSignature, proposal: proposal, event: event.id,
                                               message: L("the signature of \(event.body.typeName) event \(event.id.prefix(8)) by \(event.author.name) <\(event.author.email)> is bad: \(reason)")))
            case .signed(let key):
                if try timeline.counts(key, asKeyOf: event.author.email, at: event.time) {
                    report.goodSignatures += 1
                } else if !event.author.isPublic {
                    let check = SignatureCheck(state: .signed(key), author: event.author.name,
                                               expected: try timeline.key(of: event.author.email, at: event.time))
                    report.add(VerificationFinding(.notice, .wrongKey, proposal: proposal, event: event.id,
                                                   message: L("\(event.body.typeName) event \(event.id.prefix(8)): \(check.explanation)")))
                }
            }
        }
    }
}
