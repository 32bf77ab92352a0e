import Foundation
import NapTestSupport
import Testing

@Suite struct AttributionCLITests {
    @Test func blameNamesTheMemberSectorAndProposalOfEachLine() throws {
        let h = try MergeCLITests.ready()
        try h.ok(["merge", "political-donations"], as: .govChair)
        let lines = try #require(try h.json(["blame", "political-donations"]) as? [[String: Any]])
        #expect(lines.count == donationCommitment().split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        #expect(lines.allSatisfy { $0["email"] as? String == Person.wang.email })
        #expect(lines.allSatisfy { $0["sector"] as? String == "civil-society" && $0["organization"] as? String == "g0v" })
        #expect(lines.allSatisfy { $0["proposal"] as? String == "political-donations" })
        #expect(lines[1]["text"] as? String == "id: political-donations")
        let text = try h.ok(["blame", "political-donations"])
        #expect(text.contains("王向榮 · g0v"))
        #expect(try h.nap(["blame", "nope"]).status == 1)
    }

    @Test func attributionCountsBySectorAndPerson() throws {
        let h = try MergeCLITests.ready()
        try h.ok(["merge", "political-donations"], as: .govChair)
        let report = try #require(try h.json(["attribution"]) as? [String: Any])
        let sectors = try #require(report["sectors"] as? [String: [String: Any]])
        #expect(sectors["civil-society"]?["proposals_opened"] as? Int == 1)
        #expect(sectors["civil-society"]?["proposals_merged"] as? Int == 1)
        #expect((sectors["civil-society"]?["lines_authored"] as? Int ?? 0) > 50)
        #expect(sectors["public"]?["comments"] as? Int == 1)
        #expect((sectors["public"]?["responses_received"] as? [String: Int])?["adopted-in-part"] == 1)
        #expect(sectors["government"]?["responses_given"] as? Int == 2)
        let people = try #require(report["people"] as? [[String: Any]])
        let wang = try #require(people.first { $0["email"] as? String == Person.wang.email })
        #expect(wang["organization"] as? String == "g0v")
        #expect(((wang["tally"] as? [String: Any])?["responses_received"] as? [String: Int])?["adopted"] == 1)
        #expect(try h.nap(["attribution", "--since", "v9"]).status == 1)
    }
    /// The cache of derived state (`.git/nap/cache/`) holds blames and the record's counts from earlier runs;
    /// after a merge, new comments and a commit on main made with plain git, what it answers must be what
    /// a run without it computes.
    @Test func cachedAttributionAndBlameEqualAFreshComputation() throws {
        let h = try MergeCLITests.ready()
        let cache = URL(fileURLWithPath: h.plan).appendingPathComponent(".git/nap/cache")
        func fresh(_ arguments: [String]) throws -> String {
            try FileManager.default.removeItem(at: cache)
            return try h.ok(arguments)
        }
        let before = try h.ok(["attribution", "--json"])
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("blame.v\(3).txt").path))
        try h.ok(["merge", "political-donations"], as: .govChair)
        let merged = try h.ok(["attribution", "--json"])
        #expect(merged != before)
        #expect(try fresh(["attribution", "--json"]) == merged)
        // A second proposal with comments, and a line of a commitment changed on main with plain git.
        try h.ok(["propose", "budget-note", "--title", "預算說明"], as: .wang)
        try h.ok(["comment", "budget-note", "-m", "Please add the budget line"], as: .citizen)
        try h.ok(["switch", "main"])
        let path = h.plan + "/commitments/political-donations.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "\n補充：以 git 直接修改的一行。\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try h.git(["commit", "-q", "-am", "plain git edit"])  // as the sandbox's git identity, test@example.org
        let cached = try h.ok(["attribution", "--json"])
        #expect(cached.contains("test@example.org"))
        #expect(cached.contains("\"comments\" : 2") || cached.contains("\"comments\":2"))
        #expect(try fresh(["attribution", "--json"]) == cached)
        let blame = try h.ok(["blame", "political-donations", "--json"])
        #expect(try fresh(["blame", "political-donations", "--json"]) == blame)
        #expect(blame.contains("\"proposal\" : \"political-donations\"") || blame.contains("\"proposal\":\"political-donations\""))
        // Main moves on without touching the file: the stored blame, with the proposal of each of its
        // hunks, is reused, and still equals a fresh computation.
        try "notes\n".write(toFile: h.plan + "/NOTES.txt", atomically: true, encoding: .utf8)
        try h.git(["add", "NOTES.txt"])
        try h.git(["commit", "-q", "-m", "a note beside the plan"])
        let reused = try h.ok(["blame", "political-donations", "--json"])
        #expect(reused == blame)
        #expect(try fresh(["blame", "political-donations", "--json"]) == reused)
    }
}
