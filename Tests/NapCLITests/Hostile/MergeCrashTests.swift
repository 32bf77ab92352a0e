import Foundation
import NapTestSupport
import Testing

/// `nap merge` killed at each of its writes (NAP_TEST_KILL_AT, a SIGKILL the process sends itself), and
/// merges racing each other: every case ends with exactly one merge commit, one `merged` event, a clean
/// working tree and a clean `nap verify`, or with nothing changed and a merge that can simply be re-run.
@Suite struct MergeCrashTests {
    static let points = ["merge-commit-written", "merge-journal-written", "merge-recorded", "merge-main-moved", "merge-checked-out"]

    static func merge(_ h: NapHarness, as person: Person, killAt point: String? = nil) throws -> ProcessResult {
        var extra: [String: String] = [:]
        if let point { extra["NAP_TEST_KILL_AT"] = point }
        return try run(NapHarness.binary, ["-C", h.plan, "merge", "political-donations"], in: h.sandbox.root.path,
                       environment: h.sandbox.environment(name: person.name, email: person.email, extra: extra))
    }

    static func mergeCommits(_ h: NapHarness) throws -> Int {
        try h.git(["rev-list", "--merges", "main"]).split(separator: "\n").count
    }

    static func mergedEvents(_ h: NapHarness) throws -> Int {
        let result = try h.sandbox.git(["grep", "-l", "\"type\" : \"merged\"", "refs/heads/nap/record"], in: h.plan)
        #expect([0, 1].contains(result.status), "git grep: \(result.stderr)")
        return result.stdout.split(separator: "\n").count
    }

    /// The end state every interrupted merge must reach once completed.
    static func expectMergedOnce(_ h: NapHarness, _ point: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try mergeCommits(h) == 1, "\(point): merge commits", sourceLocation: sourceLocation)
        #expect(try mergedEvents(h) == 1, "\(point): merged events", sourceLocation: sourceLocation)
        let show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        #expect(show["state"] as? String == "merged", "\(point)", sourceLocation: sourceLocation)
        #expect(try h.git(["status", "--porcelain"]) == "", "\(point): working tree", sourceLocation: sourceLocation)
        #expect(try h.read("commitments/political-donations.md").contains("政治獻金再透明化"), sourceLocation: sourceLocation)
        let verify = try h.nap(["verify"])
        #expect(verify.status == 0, "\(point): \(verify.stdout) \(verify.stderr)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: h.plan + "/.git/nap/merge.journal"), sourceLocation: sourceLocation)
        try h.git(["fsck", "--strict", "--no-dangling"])
    }

    @Test(arguments: points) func aMergeKilledAtAnyWriteIsCompletedExactlyOnce(point: String) throws {
        let h = try MergeCLITests.ready()
        let main = try h.git(["rev-parse", "main"])
        let killed = try Self.merge(h, as: .civilChair, killAt: point)
        #expect(killed.status != 0, "the merge was not killed at \(point)")
        // The next command, whatever it is, completes the merge or finds nothing changed.
        let show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        if show["state"] as? String == "open" {
            #expect(["merge-commit-written", "merge-journal-written"].contains(point), "\(point) left the proposal open")
            #expect(try h.git(["rev-parse", "main"]) == main)
            #expect(try Self.mergedEvents(h) == 0)
            let again = try Self.merge(h, as: .civilChair)
            #expect(again.status == 0, "\(again.stderr)")
        }
        try Self.expectMergedOnce(h, point)
        // Merging once more is refused plainly.
        let third = try Self.merge(h, as: .govChair)
        #expect(third.status == 1)
        #expect(third.stderr.contains("merged"))
    }

    @Test func twoCoChairsMergingAtOnceMakeOneMerge() throws {
        for round in 0..<3 {
            let h = try MergeCLITests.ready()
            final class Results: @unchecked Sendable { var items: [Int: ProcessResult] = [:]; let lock = NSLock() }
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let result = try? Self.merge(h, as: index == 0 ? .govChair : .civilChair)
                results.lock.lock()
                results.items[index] = result
                results.lock.unlock()
            }
            let statuses = results.items.values.map(\.status).sorted()
            #expect(statuses == [0, 1], "round \(round): \(results.items.values.map { "\($0.status) \($0.stderr)" })")
            let loser = results.items.values.first { $0.status != 0 }
            #expect(loser?.stderr.contains("already merged") == true || loser?.stderr.contains("is merged") == true, "\(loser?.stderr ?? "")")
            try Self.expectMergedOnce(h, "round \(round)")
        }
    }

    @Test func twoCoChairsMergingDifferentProposalsAtOnceMakeBoth() throws {
        let h = try MergeCLITests.ready()
        try h.ok(["propose", "open-data", "--title", "開放資料", "--description", "推動高價值資料集開放"], as: .wang)
        try h.write("commitments/open-data.md", donationCommitment(id: "open-data"))
        try h.ok(["save", "-m", "新增承諾事項：開放資料"], as: .wang)
        try h.ok(["respond", "open-data", "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .govChair)
        for chair in [Person.govChair, .civilChair] { try h.ok(["review", "open-data", "--approve"], as: chair) }
        try h.ok(["switch", "main"])
        final class Results: @unchecked Sendable { var items: [Int: ProcessResult] = [:]; let lock = NSLock() }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let person: Person = index == 0 ? .govChair : .civilChair
            let result = try? run(NapHarness.binary, ["-C", h.plan, "merge", index == 0 ? "political-donations" : "open-data"],
                                  in: h.sandbox.root.path, environment: h.sandbox.environment(name: person.name, email: person.email))
            results.lock.lock()
            results.items[index] = result
            results.lock.unlock()
        }
        #expect(results.items.values.map(\.status) == [0, 0], "\(results.items.values.map(\.stderr))")
        #expect(try Self.mergeCommits(h) == 2)
        #expect(try Self.mergedEvents(h) == 2)
        #expect(try h.git(["status", "--porcelain"]) == "")
        let verify = try h.nap(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}
