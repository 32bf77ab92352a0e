import Foundation
import GitKit
import Localization
import NapTestSupport
@testable import PlanKit
import SSHSig
import Testing

/// A plan store in a sandbox whose user signs with a fresh key (or none).
private struct SigningFixture {
    let sandbox: Sandbox
    let store: PlanStore
    let key: SSHPrivateKey?
    let keyPath: String

    init(signed: Bool = true, email: String = "gov.chair@example.org") throws {
        sandbox = try Sandbox("nap-signing")
        try LibGit2.isolateConfiguration(in: Sandbox.emptyConfigurationFolder)
        keyPath = sandbox.path("id_test")
        if signed {
            let key = SSHPrivateKey.generate(comment: "test")
            try key.write(to: URL(fileURLWithPath: keyPath))
            self.key = key
        } else {
            key = nil
        }
        let environment = sandbox.environment(name: "林政府", email: email, extra: ["NAP_SIGNING_KEY": signed ? keyPath : "none"])
        store = try PlanStore.initialize(at: sandbox.path("plan"), titles: ["zh-Hant": "計畫", "en": "Plan"],
                                         period: try PlanStore.defaultPeriod(), environment: environment)
    }

    /// Stock git in the plan with an allowed-signers file that trusts `key` for `email`.
    func git(_ arguments: [String], trusting email: String = "gov.chair@example.org") throws -> ProcessResult {
        var prefix: [String] = []
        if let key {
            let file = sandbox.path("allowed")
            try Data("\(email) namespaces=\"git,nap-event\" \(key.publicKey.authorizedKeyLine)\n".utf8).write(to: URL(fileURLWithPath: file))
            prefix = ["-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=" + file]
        }
        return try sandbox.git(prefix + arguments, in: store.root)
    }
}

@Suite struct SigningTests {
    @Test func commitsAndTagsAreSignedForStockGit() throws {
        let f = try SigningFixture()
        let main = try #require(try f.store.mainHead())
        let commit = try f.git(["verify-commit", main.hex])
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(commit.stderr.contains("Good \"git\" signature for gov.chair@example.org"))
        let tag = try f.store.writeAnnotatedTag(name: "v1", target: main, message: "第一版 First version", tagger: try f.store.identity())
        #expect(try f.store.repository.referenceTarget("refs/tags/v1") == tag)
        let verified = try f.git(["verify-tag", "v1"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stderr.contains("Good \"git\" signature"))
        #expect(try f.git(["cat-file", "-p", "v1"]).stdout.contains("第一版 First version\n-----BEGIN SSH SIGNATURE-----"))
        #expect(try f.git(["fsck", "--strict", "--no-dangling"]).status == 0)
        // A tag is never moved.
        #expect(throws: PlanError.alreadyExists(kind: L("tag"), name: "v1")) {
            try f.store.writeAnnotatedTag(name: "v1", target: main, message: "again", tagger: try f.store.identity())
        }
        #expect(try f.store.repository.referenceTarget("refs/tags/v1") == tag)
        #expect(throws: PlanError.self) {
            try f.store.writeAnnotatedTag(name: "bad..name", target: main, message: "x", tagger: try f.store.identity())
        }
    }

    @Test func withoutAKeyNothingIsSigned() throws {
        let f = try SigningFixture(signed: false)
        let main = try #require(try f.store.mainHead())
        #expect(try f.store.repository.commitSignature(main) == nil)
        try f.store.writeAnnotatedTag(name: "v1", target: main, message: "unsigned", tagger: try f.store.identity())
        #expect(try f.git(["cat-file", "-p", "v1"]).stdout.contains("SIGNATURE") == false)
        #expect(try f.git(["fsck", "--strict", "--no-dangling"]).status == 0)
    }

    @Test func eventsAreSignedBesideTheirFilesAndChecked() throws {
        let f = try SigningFixture()
        let key = try #require(f.key)
        let main = try #require(try f.store.mainHead())
        let author = EventAuthor(name: "林政府", email: "gov.chair@example.org", member: "gov-chair", sector: "government", role: "co-chair")
        let event = Event(proposal: nil, author: author, time: Date(timeIntervalSince1970: 1_723_500_000), clock: 1,
                          body: .opened(slug: "s", title: "標題", description: "", base: main, head: main))
        let id = try #require(try f.store.record.append([event], by: try f.store.identity(), message: "open\n").first)
        let tree = try #require(try f.store.record.tree())
        let bytes = try #require(try f.store.repository.fileData(tree: tree, path: Record.path(of: id, proposal: id)))
        let sig = try #require(try f.store.repository.fileData(tree: tree, path: Record.signaturePath(of: id, proposal: id)))
        // Deterministic: the same bytes signed again give the same file, so record copies still union.
        #expect(sig == Array(try SSHSignature.sign(message: bytes, namespace: SigningNamespace.event, key: key).utf8))
        let read = try f.store.record.events(of: id)
        #expect(read.problems.isEmpty)
        let stored = try #require(read.events.first)
        #expect(stored.signature == String(decoding: sig, as: UTF8.self))
        #expect(try f.store.record.signatureState(of: stored) == .signed(key.publicKey))
        let check = SignatureCheck(state: .signed(key.publicKey), author: "林政府", expected: key.publicKey)
        #expect(check.verdict == .good)
        #expect(SignatureCheck(state: .signed(key.publicKey), author: "林政府", expected: nil).verdict == .wrongKey)
        // Another event's signature, a garbled one, one for another namespace: all invalid.
        var other = stored
        other.signature = try SSHSignature.sign(message: Array("other bytes".utf8), namespace: SigningNamespace.event, key: key)
        #expect(try { if case .invalid = try f.store.record.signatureState(of: other) { true } else { false } }())
        other.signature = String(stored.signature?.dropLast(20) ?? "")
        #expect(try { if case .invalid = try f.store.record.signatureState(of: other) { true } else { false } }())
        other.signature = try SSHSignature.sign(message: bytes, namespace: SigningNamespace.git, key: key)
        guard case .invalid(let reason) = try f.store.record.signatureState(of: other) else {
            Issue.record("a git-namespace signature passed as an event signature")
            return
        }
        #expect(reason.description.contains("namespace"))
        // Checks are remembered for the process (SignatureMemo), under the signature, the bytes and the
        // namespace together: asked again, the same answers; the good signature over other bytes, invalid.
        #expect(try f.store.record.signatureState(of: stored) == .signed(key.publicKey))
        let armored = try #require(stored.signature)
        #expect(Record.signatureState(armored: armored, message: bytes, namespace: SigningNamespace.event) == .signed(key.publicKey))
        #expect({ if case .invalid = Record.signatureState(armored: armored, message: bytes + [0x0A], namespace: SigningNamespace.event) { true } else { false } }())
        #expect({ if case .invalid = Record.signatureState(armored: armored, message: bytes, namespace: SigningNamespace.git) { true } else { false } }())
    }

    @Test func locatingTheKey() throws {
        let sandbox = try Sandbox("nap-keys")
        try LibGit2.isolateConfiguration(in: Sandbox.emptyConfigurationFolder)
        let home = sandbox.root.path
        #expect(try SigningKey.locate(environment: ["HOME": home], repository: nil) == nil)
        #expect(try SigningKey.locate(environment: ["HOME": home, "NAP_SIGNING_KEY": "none"], repository: nil) == nil)
        try FileManager.default.createDirectory(atPath: home + "/.ssh", withIntermediateDirectories: true)
        let key = SSHPrivateKey.generate(comment: "x")
        try key.write(to: URL(fileURLWithPath: home + "/.ssh/id_ed25519"))
        try Data((key.publicKey.authorizedKeyLine + "\n").utf8).write(to: URL(fileURLWithPath: home + "/.ssh/id_ed25519.pub"))
        let byDefault = try #require(try SigningKey.locate(environment: ["HOME": home], repository: nil))
        #expect(byDefault.origin == .sshDefault)
        #expect(byDefault.publicKey == key.publicKey)
        let viaPub = try #require(try SigningKey.locate(environment: ["HOME": home, "NAP_SIGNING_KEY": "~/.ssh/id_ed25519.pub"], repository: nil))
        #expect(viaPub.path == home + "/.ssh/id_ed25519")
        #expect(viaPub.origin == .environment)
        let repository = try Repository.create(at: sandbox.path("repo"))
        try repository.setConfig("user.signingkey", "3AA5C34371567BD2")
        #expect(try SigningKey.locate(environment: ["HOME": home], repository: repository)?.origin == .sshDefault)
        try repository.setConfig("user.signingkey", "key::ssh-ed25519 AAAA")
        #expect(throws: PlanError.self) { try SigningKey.locate(environment: ["HOME": home], repository: repository) }
        try repository.setConfig("user.signingkey", "~/.ssh/missing")
        #expect(throws: PlanError.self) { try SigningKey.locate(environment: ["HOME": home], repository: repository) }
        try repository.setConfig("user.signingkey", "~/.ssh/id_ed25519")
        #expect(try SigningKey.locate(environment: ["HOME": home], repository: repository)?.origin == .gitConfig)
        // A public key or a damaged file where a private key is named: precise errors.
        try Data("not a key\n".utf8).write(to: URL(fileURLWithPath: home + "/damaged"))
        #expect {
            try SigningKey.locate(environment: ["HOME": home, "NAP_SIGNING_KEY": home + "/damaged"], repository: nil)
        } throws: { error in
            "\(error)".contains("the signing key \(home)/damaged (from NAP_SIGNING_KEY) cannot be used")
        }
    }

    @Test func membersKeyEditorChangesOneLine() throws {
        let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO4ZUHOJk+yktb5hkuGzvWs0LiKu8FwRVqYWwTIxIhm5"
        let text = "# 論壇成員\nmembers:\n  - id: gov-chair   # 政府\n    name: 林政府\n    email: gov.chair@example.org\n    sector: government\n    role: co-chair\n\n  - id: \"cs-chair\"\n    name: 陳公民\n    email: cs.chair@example.org\n    sector: civil-society\n    role: co-chair\n    key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICNmOlXogR2ryRaHBTFY04cvvtX7B0VlPIDdivnEKWq2\n# end\n"
        let added = try MembersKeyEditor.settingKey(key, ofMember: "gov-chair", in: text)
        #expect(added == text.replacingOccurrences(of: "    role: co-chair\n\n", with: "    role: co-chair\n    key: \(key)\n\n"))
        let replaced = try MembersKeyEditor.settingKey(key, ofMember: "cs-chair", in: text)
        #expect(replaced.split(separator: "\n").count == text.split(separator: "\n").count)
        #expect(Members.parse(Array(replaced.utf8)).value?.member(id: "cs-chair")?.key == key)
        #expect(replaced.hasSuffix("    key: \(key)\n# end\n"))
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try MembersKeyEditor.settingKey(key, ofMember: "gov-chair", in: crlf).contains("    key: \(key)\r\n"))
        #expect(throws: FormatError.self) { try MembersKeyEditor.settingKey(key, ofMember: "nobody", in: text) }
        #expect(throws: FormatError.self) { try MembersKeyEditor.settingKey("ssh-rsa AAAAB3Nza", ofMember: "gov-chair", in: text) }
        let flow = "members:\n  - {id: gov-chair, name: 林政府, email: gov.chair@example.org, sector: government, role: co-chair}\n"
        #expect(throws: FormatError.self) { try MembersKeyEditor.settingKey(key, ofMember: "gov-chair", in: flow) }
    }

    @Test func theGateCountsOnlyApprovalsSignedByTheChairsKey() throws {
        let chairKey = SSHPrivateKey.generate().publicKey
        let otherKey = SSHPrivateKey.generate().publicKey
        let head = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        let gov = EventAuthor(name: "林政府", email: "gov.chair@example.org", member: "gov-chair", sector: "government", role: "co-chair")
        let opened = Event(id: "p", proposal: nil, author: gov, time: Date(timeIntervalSince1970: 1), clock: 1,
                           body: .opened(slug: "s", title: "t", description: "", base: head, head: head))
        let review = Event(id: "r", proposal: "p", author: gov, time: Date(timeIntervalSince1970: 2), clock: 2,
                           body: .review(verdict: .approve, head: head, body: ""))
        let forum = FixedAuthority(members: Members([Member(id: "gov-chair", name: "林政府", email: "gov.chair@example.org", sector: .government, role: .coChair)]))
        let folded = try ProposalState.fold([opened, review], authority: forum)
        let state = try #require(folded)
        let members = Members([Member(id: "gov-chair", name: "林政府", email: "gov.chair@example.org", sector: .government, role: .coChair,
                                      key: chairKey.authorizedKeyLine)])
        let policy = Policy(approvals: [.governmentCoChair], requireResponses: false, requireSignatures: true)
        func blockers(_ signature: EventSignatureState?) -> [String] {
            MergeGate.blockers(state: state, head: head, members: members, policy: policy, signatures: signature.map { ["r": $0] } ?? [:]).map(\.description)
        }
        #expect(blockers(.signed(chairKey)).isEmpty)
        #expect(blockers(nil) == ["the approval of 林政府 (government co-chair) is unsigned; the policy requires approvals signed with the member's key"])
        #expect(blockers(.signed(otherKey)) == ["the approval of 林政府 (government co-chair) is signed by a key that is not 林政府's key (\(otherKey.fingerprint))"])
        #expect(blockers(.invalid(reason: Message(verbatim: "garbled")))[0].contains("has an invalid signature: garbled"))
        var relaxed = policy
        relaxed.requireSignatures = false
        #expect(MergeGate.blockers(state: state, head: head, members: members, policy: relaxed).isEmpty)
    }

    @Test func allowedSignersKeepRotatedKeysWithAnEnd() throws {
        let f = try SigningFixture()
        let oldKey = try #require(f.key).publicKey
        let newKey = SSHPrivateKey.generate().publicKey
        func commitMembers(_ key: SSHPublicKey) throws -> ObjectID {
            let members = "members:\n  - id: gov-chair\n    name: 林政府\n    email: gov.chair@example.org\n    sector: government\n    role: co-chair\n    key: \(key.authorizedKeyLine)\n"
            try Data(members.utf8).write(to: URL(fileURLWithPath: f.store.root + "members.yml"))
            return try f.store.save(message: "key").commit
        }
        _ = try commitMembers(oldKey)
        let rotation = try commitMembers(newKey)
        let files = try f.store.writeAllowedSigners()
        let rotatedAt = PlanStore.allowedSignersTime(try f.store.repository.commit(rotation).committer.time)
        #expect(files.text == """
            gov.chair@example.org namespaces="git,nap-event",valid-before="\(rotatedAt)" \(SigningKey.keyLine(oldKey))
            gov.chair@example.org namespaces="git,nap-event" \(newKey.authorizedKeyLine)

            """)
        #expect(try String(contentsOfFile: files.workTreePath, encoding: .utf8) == files.text)
        #expect(try String(contentsOfFile: files.gitPath, encoding: .utf8) == files.text)
        #expect(try f.store.uncommittedPaths().isEmpty)
        #expect(PlanStore.allowedSignersTime(Date(timeIntervalSince1970: 1_700_000_000)) == "20231114221320Z")
    }
}
