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
}
