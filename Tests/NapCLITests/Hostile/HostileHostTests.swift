import Foundation
import GitKit
import NapTestSupport
import PlanKit
import Testing

/// Events that claim a host wrote them (`on-behalf-of`) count only when signed by the key members.yml
/// gave that host at the event's time, for a principal who may do what the event does. Forged in the
/// record with stock ssh-keygen and libgit2 (no nap), each is quarantined and moves nothing.
@Suite struct HostileHostTests {
    /// Adds `fields` as an event of `proposal`, signed (namespace nap-event, stock ssh-keygen) with `key`
    /// when given. Returns its id.
    static func forge(_ p: HostedPlan, proposal: String, key: String?, _ fields: [String: Any]) throws -> String {
        let bytes = try RecordForger.event(fields)
        let id = RecordForger.id(of: bytes)
        let directory = "proposals/\(proposal.prefix(2))/\(proposal)/events/"
        var files = [directory + id + ".json": bytes]
        if let key {
            let path = p.s.sandbox.path("forged-\(id.prefix(12)).json")
            try Data(bytes.utf8).write(to: URL(fileURLWithPath: path))
            let signed = try run("/usr/bin/ssh-keygen", ["-Y", "sign", "-n", "nap-event", "-f", key, path], in: p.s.sandbox.root.path,
                                 environment: p.s.sandbox.environment())
            #expect(signed.status == 0, "ssh-keygen -Y sign: \(signed.stderr)")
            files[directory + id + ".sig"] = try String(contentsOfFile: path + ".sig", encoding: .utf8)
        }
        try RecordForger(path: p.s.plan).put(files)
        return id
    }

    static func approval(by person: Person, member: String, head: String, proposal: String, onBehalfOf: [String: Any], time: String = HostileRecordTests.now()) -> [String: Any] {
        ["type": "review", "proposal": proposal, "verdict": "approve", "head": head, "body": "", "clock": 2, "time": time,
         "author": RecordForger.author(person, member: member, sector: "civil-society", role: "co-chair"), "on-behalf-of": onBehalfOf]
    }

    /// A forged approval of `head` in the name of `person` (member id `member`), claiming `onBehalfOf`.
    static func forgeApproval(_ p: HostedPlan, _ proposal: String, _ head: String, key: String?, by person: Person, _ member: String,
                              _ onBehalfOf: [String: Any], time: String = HostileRecordTests.now()) throws -> String {
        try forge(p, proposal: proposal, key: key, approval(by: person, member: member, head: head, proposal: proposal, onBehalfOf: onBehalfOf, time: time))
    }

    static func quarantined(_ p: HostedPlan, _ id: String, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try p.show()["problems"] as? [String] ?? []
        #expect(problems.contains { $0.contains(id) && $0.contains(reason) }, "\(problems)", sourceLocation: sourceLocation)
    }

    @Test func forgedHostEventsAreQuarantined() throws {
        let p = try HostedPlan("hostile-host", hostAttestedApprovals: true)
        let slug = "political-donations"
        let proposal = try p.proposal(slug)
        let head = try p.s.rev("proposal/" + slug)
        let before = try #require(try p.show()["blockers"] as? [String])
        #expect(before.contains { $0.contains("civil-society co-chair") })

        // on-behalf-of signed by a member's key (王向榮's), by no key, and a host acting for itself.
        let byMemberKey = try Self.forgeApproval(p, proposal, head, key: p.s.key(.wang), by: .civilChair, "civil-chair", ["host": "web", "member": "civil-chair"])
        try Self.quarantined(p, byMemberKey, "not signed with that host's key")
        let unsigned = try Self.forgeApproval(p, proposal, head, key: nil, by: .civilChair, "civil-chair", ["host": "web", "member": "civil-chair"])
        try Self.quarantined(p, unsigned, "not signed with that host's key")
        let itself = try Self.forge(p, proposal: proposal, key: p.hostKey, [
            "type": "comment", "proposal": proposal, "body": "我是主機", "clock": 2, "time": HostileRecordTests.now(),
            "author": RecordForger.author(.webHost, member: "web", sector: "government", role: "host"), "on-behalf-of": ["host": "web", "member": "web"],
        ])
        try Self.quarantined(p, itself, "on behalf of itself")
        // A host writing as itself, without on-behalf-of, has no voice either.
        let plain = try Self.forge(p, proposal: proposal, key: p.hostKey, [
            "type": "comment", "proposal": proposal, "body": "主機的意見", "clock": 2, "time": HostileRecordTests.now(),
            "author": RecordForger.author(.webHost, member: "web", sector: "government", role: "host"),
        ])
        try Self.quarantined(p, plain, "written as host 'web' itself")
        // For someone who is not a member; a member of the public approving; a host that does not exist.
        let stranger = try Self.forgeApproval(p, proposal, head, key: p.hostKey, by: .citizen, "nobody", ["host": "web", "member": "nobody"])
        try Self.quarantined(p, stranger, "who was not a member")
        let publicReview = try Self.forgeApproval(p, proposal, head, key: p.hostKey, by: .civilChair, "civil-chair", ["host": "web"])
        try Self.quarantined(p, publicReview, "who may only comment")
        let noHost = try Self.forgeApproval(p, proposal, head, key: p.s.key(.wang), by: .civilChair, "civil-chair", ["host": "g0v-wang", "member": "civil-chair"])
        try Self.quarantined(p, noHost, "listed no such host")
        // A non-co-chair hiding, directly (signed by their own key) and through the host.
        let hideDirect = try Self.forge(p, proposal: proposal, key: p.s.key(.wang), [
            "type": "hidden", "proposal": proposal, "target": proposal, "reason": "我不喜歡", "clock": 2, "time": HostileRecordTests.now(),
            "author": RecordForger.author(.wang, member: "g0v-wang", sector: "civil-society", role: "member"),
        ])
        try Self.quarantined(p, hideDirect, "hidden by the co-chairs")
        let hideThroughHost = try Self.forge(p, proposal: proposal, key: p.hostKey, [
            "type": "hidden", "proposal": proposal, "target": proposal, "reason": "我不喜歡", "clock": 2, "time": HostileRecordTests.now(),
            "author": RecordForger.author(.wang, member: "g0v-wang", sector: "civil-society", role: "member"), "on-behalf-of": ["host": "web", "member": "g0v-wang"],
        ])
        try Self.quarantined(p, hideThroughHost, "hidden by the co-chairs")

        #expect(try p.show()["blockers"] as? [String] == before, "no forgery moved the gate")
        #expect(try p.show()["hidden"] == nil)
        let verify = try p.s.json(["verify"])
        #expect(verify["ok"] as? Bool == true, "quarantined events are notices: \(verify)")
        let notices = (verify["notices"] as? [[String: Any]] ?? []).compactMap { $0["event"] as? String }
        for id in [byMemberKey, unsigned, itself, plain, stranger, publicReview, noHost, hideDirect, hideThroughHost] {
            #expect(notices.contains(id), "nap verify reports \(id.prefix(8))")
        }
    }

    @Test func aHostActsOnlyForMembersAndOnlyWhileListed() throws {
        let p = try HostedPlan("hostile-host-removed", hostAttestedApprovals: true)
        let slug = "political-donations"
        let proposal = try p.proposal(slug)
        let head = try p.s.rev("proposal/" + slug)
        let moiListed = HostileRecordTests.now()
        Thread.sleep(forTimeInterval: 2.2)
        try Self.remove(["moi"], p, slug: "remove-moi")
        #expect(throws: PlanError.self) { try p.store(for: .member(id: "moi")) }
        // The host, still listed, acting for moi after moi's removal: quarantined; dated before it: moi's.
        let forRemoved = try Self.forge(p, proposal: proposal, key: p.hostKey, Self.moiComment("移除後", proposal: proposal, time: HostileRecordTests.now()))
        try Self.quarantined(p, forRemoved, "who was not a member")
        let whileMember = try Self.forge(p, proposal: proposal, key: p.hostKey, Self.moiComment("移除前", proposal: proposal, time: moiListed))
        #expect(try p.comments(slug).contains { $0["id"] as? String == whileMember && $0["via_host"] as? String == "web" })

        let hostListed = HostileRecordTests.now()
        Thread.sleep(forTimeInterval: 2.2)
        try Self.remove(["web"], p, slug: "remove-host")
        #expect(throws: PlanError.self) { try p.store(for: .member(id: "g0v-wang")) }
        let afterRemoval = try Self.forgeApproval(p, proposal, head, key: p.hostKey, by: .civilChair, "civil-chair", ["host": "web", "member": "civil-chair"])
        try Self.quarantined(p, afterRemoval, "listed no such host")
        // Dated while it was listed, the host's key still speaks (authority is judged at the stated time,
        // docs/SECURITY.md), as a removed member's key does.
        let backdated = try Self.forgeApproval(p, proposal, head, key: p.hostKey, by: .civilChair, "civil-chair", ["host": "web", "member": "civil-chair"], time: hostListed)
        let reviews = try p.show()["reviews"] as? [[String: Any]] ?? []
        #expect(reviews.contains { $0["id"] as? String == backdated && $0["via_host"] as? String == "web" }, "\(reviews)")
        #expect(try p.s.json(["verify"])["ok"] as? Bool == true)
    }

    static func moiComment(_ body: String, proposal: String, time: String) -> [String: Any] {
        ["type": "comment", "proposal": proposal, "body": body, "clock": 2, "time": time,
         "author": RecordForger.author(.ministry, member: "moi", sector: "government", role: "member"), "on-behalf-of": ["host": "web", "member": "moi"]]
    }

    /// Removes members through the gate: a proposal by the government co-chair, approved by both, merged.
    static func remove(_ ids: [String], _ p: HostedPlan, slug: String) throws {
        try p.s.ok(["propose", slug, "--title", "移除成員 Remove " + ids.joined(separator: ", ")], as: .govChair)
        try p.h.write("members.yml", Self.removing(ids, from: try p.h.read("members.yml")))
        try p.s.ok(["save", "-m", "移除 " + ids.joined(separator: ", ")], as: .govChair)
        for chair in [Person.govChair, .civilChair] { try p.s.ok(["review", slug, "--approve"], as: chair) }
        try p.s.ok(["switch", "main"])
        try p.s.ok(["merge", slug], as: .civilChair)
    }

    /// members.yml without the entries of `ids` (each entry runs from its `- id:` line to the next one).
    static func removing(_ ids: [String], from text: String) -> String {
        var kept: [Substring] = []
        var skipping = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- ") { skipping = ids.contains { trimmed == "- id: \($0)" } }
            if !skipping { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }
}

/// A merge committed by a host where the policy does not count host-attested approvals: nap refuses to
/// write it, so it is written here as a hostile server would (libgit2, signed with the host key, with a
/// `merged` event through the host); `nap verify` fails it.
@Suite struct HostileHostMergeTests {
    @Test func aHostMergeUnderAPolicyThatDoesNotTrustHostsFailsVerify() throws {
        let p = try HostedPlan("hostile-host-merge")
        let slug = "political-donations"
        let proposal = try p.proposal(slug)
        try p.s.ok(["respond", slug, "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .govChair)
        for chair in [Person.govChair, .civilChair] { try p.s.ok(["review", slug, "--approve"], as: chair) }
        let host = try p.store(for: .member(id: "ndc-chair"))
        #expect(throws: PlanError.self) { try host.merge(slug) }

        let repository = host.repository
        let main = try #require(try repository.referenceTarget("refs/heads/main"))
        let head = try #require(try repository.referenceTarget("refs/heads/proposal/" + slug))
        guard case .clean(let tree) = try repository.mergeCommits(ours: main, theirs: head) else { Issue.record("conflict"); return }
        let chair = Signature(name: Person.govChair.name, email: Person.govChair.email, time: Date())
        let web = Signature(name: Person.webHost.name, email: Person.webHost.email, time: Date())
        let message = """
            Merge proposal \(slug): 政治獻金再透明化

            Proposal: \(proposal)
            Proposal-Slug: \(slug)
            Proposal-Head: \(head.hex)
            Approved-by: \(Person.govChair.name) <\(Person.govChair.email)> (government co-chair)
            Approved-by: \(Person.civilChair.name) <\(Person.civilChair.email)> (civil-society co-chair)
            On-behalf-of: \(Person.govChair.name) <\(Person.govChair.email)> (ndc-chair via host web)

            """
        let commit = try host.signer.writeCommit(tree: tree, parents: [main, head], author: chair, committer: web, message: message)
        let state = try host.currentState(of: proposal)
        let event = Event(proposal: proposal, author: try host.eventAuthor(for: try host.identity()), time: Date(), clock: state.clock + 1,
                          body: .merged(commit: commit, head: head))
        try host.record.append([event], by: web, message: "Merge proposal \(slug)\n")
        try repository.updateReference("refs/heads/main", to: commit, expecting: .at(main), message: "hostile host merge")

        let verify = try p.s.nap(["verify", "--json"])
        #expect(verify.status == 1, "\(verify.stdout)")
        #expect(verify.stdout.contains("committed by host web, and the policy before it did not count host-attested approvals"), "\(verify.stdout)")
        let stock = try p.s.stockGit(["verify-commit", commit.hex])
        #expect(stock.status == 0, "the commit itself is validly signed by the host's key: \(stock.stderr)")
    }
}
