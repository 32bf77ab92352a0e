import Foundation
import NapTestSupport
import Testing

/// Attacks on the record by someone with push access who writes event files by hand (RecordForger):
/// each is quarantined and reported, nothing crashes, and the honest state is unchanged.
@Suite struct HostileRecordTests {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// A founded plan with the political-donations proposal, and its id.
    static func plan() throws -> (NapHarness, String) {
        let h = try ProposalCLITests.withProposal()
        try h.ok(["switch", "main"])
        let show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        return (h, try #require(show["id"] as? String))
    }

    static func show(_ h: NapHarness) throws -> [String: Any] {
        try #require(try h.json(["show", "political-donations"]) as? [String: Any])
    }

    static func problems(_ h: NapHarness) throws -> [String] {
        try show(h)["problems"] as? [String] ?? []
    }

    /// No trap: the exit status is a normal one and nothing like a Swift runtime failure was printed.
    static func expectNoCrash(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect([0, 1].contains(result.status), "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
    }

    @Test func aHugeClockIsQuarantinedAndTheProposalStaysUsable() throws {
        let (h, id) = try Self.plan()
        let forged = try RecordForger.event(["type": "comment", "proposal": id, "body": "overflow", "clock": Int64.max, "time": Self.now()])
        let forgedID = try RecordForger(path: h.plan).add(forged, proposal: id)
        for (arguments, person) in [(["comment", "political-donations", "-m", "仍可留言"], Person.citizen),
                                    (["respond", "political-donations", "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], .govChair),
                                    (["withdraw", "political-donations", "-m", "撤回測試用"], .wang)] {
            let result = try h.nap(arguments, as: person)
            Self.expectNoCrash(result)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let problems = try Self.problems(h)
        #expect(problems.contains { $0.contains(forgedID) && $0.contains("clock") }, "\(problems)")
        #expect(try Self.show(h)["state"] as? String == "withdrawn")
        let comments = try Self.show(h)["comments"] as? [[String: Any]] ?? []
        #expect(comments.count == 1)
    }

    @Test func anchorsAtTheEdgesOfIntegersAreQuarantined() throws {
        let (h, id) = try Self.plan()
        let head = try h.git(["rev-parse", "proposal/political-donations"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let forger = RecordForger(path: h.plan)
        for (start, end) in [(Int64.min, Int64.max), (Int64.max, Int64.max), (5, 2), (0, 1)] {
            let anchor: [String: Any] = ["head": head, "path": "commitments/political-donations.md", "startLine": start, "endLine": end, "quote": "x"]
            try forger.add(try RecordForger.event(["type": "comment", "proposal": id, "body": "edge \(start)", "anchor": anchor, "clock": 3, "time": Self.now()]), proposal: id)
        }
        for arguments in [["show", "political-donations"], ["show", "political-donations", "--json"], ["proposals"], ["inbox"],
                          ["comment", "political-donations", "-m", "still fine"]] {
            Self.expectNoCrash(try h.nap(arguments, as: .citizen))
        }
        #expect(try Self.problems(h).filter { $0.contains("anchor") }.count == 4)
        #expect((try Self.show(h)["comments"] as? [[String: Any]] ?? []).count == 1)
    }

    @Test func aForgedMergeOrWithdrawalDoesNotCloseTheProposal() throws {
        let h = try MergeCLITests.ready()
        let id = try #require(try Self.show(h)["id"] as? String)
        let forger = RecordForger(path: h.plan)
        let zero = String(repeating: "0", count: 40)
        let head = try h.git(["rev-parse", "proposal/political-donations"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // By a non-member, and then claiming to be the government co-chair.
        let merged = try forger.add(try RecordForger.event(["type": "merged", "proposal": id, "commit": zero, "head": head, "clock": 1, "time": Self.now()]), proposal: id)
        let withdrawn = try forger.add(try RecordForger.event([
            "type": "withdrawn", "proposal": id, "reason": "forged", "clock": 2, "time": Self.now(),
            "author": RecordForger.author(.citizen, member: "ndc-chair", sector: "government", role: "co-chair"),
        ]), proposal: id)
        let mergedAsChair = try forger.add(try RecordForger.event([
            "type": "merged", "proposal": id, "commit": zero, "head": head, "clock": 3, "time": Self.now(),
            "author": RecordForger.author(.govChair, member: "ndc-chair", sector: "government", role: "co-chair"),
        ]), proposal: id)
        let show = try Self.show(h)
        #expect(show["state"] as? String == "open")
        let problems = show["problems"] as? [String] ?? []
        for forged in [merged, withdrawn, mergedAsChair] { #expect(problems.contains { $0.contains(forged) }, "\(forged) in \(problems)") }
        try h.ok(["merge", "political-donations"], as: .civilChair)
        #expect(try Self.show(h)["state"] as? String == "merged")
        // verify's verdict is on main's history, which is gated: the forged events are notices, not failures
        // (the record is add-only, so a failure would be forever).
        let verify = try h.nap(["verify", "--json"])
        #expect(verify.status == 0, "\(verify.stdout)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) as? [String: Any])
        let notices = report["notices"] as? [[String: Any]] ?? []
        #expect(notices.contains { $0["kind"] as? String == "quarantined-event" && $0["event"] as? String == merged }, "\(notices)")
    }

    @Test func declaredSectorAndRoleAreNotBelieved() throws {
        let (h, id) = try Self.plan()
        try h.ok(["comment", "political-donations", "-m", "請公開明細"], as: .citizen)
        let comment = try #require((try Self.show(h)["comments"] as? [[String: Any]])?.first?["id"] as? String)
        // The citizen claims to be a government member and answers their own comment, with the next clock.
        let clock = try h.git(["ls-tree", "-r", "--name-only", "refs/heads/nap/record"]).split(separator: "\n").filter { $0.contains(id) }.count + 1
        let forged = try RecordForger(path: h.plan).add(try RecordForger.event([
            "type": "response", "proposal": id, "target": comment, "disposition": "adopted", "reason": "forged answer",
            "clock": clock, "time": Self.now(), "author": RecordForger.author(.citizen, member: "moi", sector: "government", role: "co-chair"),
        ]), proposal: id)
        let show = try Self.show(h)
        #expect((show["problems"] as? [String] ?? []).contains { $0.contains(forged) && $0.contains("not a member") }, "\(show["problems"] ?? [])")
        #expect((show["blockers"] as? [String] ?? []).contains { $0.contains("comment \(comment.prefix(8))") })
    }

    @Test func malformedEventsAreQuarantinedNotFatal() throws {
        let (h, id) = try Self.plan()
        let forger = RecordForger(path: h.plan)
        let cases: [[String: Any]] = [
            ["type": "comment", "proposal": "not-an-id", "body": "x"],
            ["type": "comment", "proposal": id, "body": "x", "reply-to": "../../etc"],
            ["type": "comment", "proposal": id, "body": "x", "clock": -1],
            ["type": "comment", "proposal": id, "body": "x", "author": ["name": "x", "email": "x@y", "member": NSNull(), "sector": "martian", "role": NSNull()]],
            ["type": "comment", "proposal": id, "body": String(repeating: "長", count: 60_000)],
            ["type": "opened", "slug": "../main", "title": "x", "base": String(repeating: "a", count: 40), "head": String(repeating: "a", count: 40)],
        ]
        for fields in cases { try forger.add(try RecordForger.event(fields), proposal: fields["type"] as? String == "opened" ? nil : id) }
        Self.expectNoCrash(try h.nap(["proposals"]))
        Self.expectNoCrash(try h.nap(["show", "political-donations"]))
        #expect(try Self.problems(h).count == 5)
        #expect(try h.ok(["proposals", "--json"]).contains("political-donations"))
    }
}
