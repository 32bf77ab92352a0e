import Foundation
import NapTestSupport
import Testing

/// Thematic working groups: a member's `groups` name areas, and input on a proposal that changes a
/// commitment of one of those areas shows in that member's inbox.
@Suite struct WorkingGroupCLITests {
    static let researcher = Person(name: "李研究員", email: "lee@academia.example")

    @Test func inputOnACommitmentOfTheAreaReachesTheGroup() throws {
        let h = try NapHarness.foundedWithProcess("working-group")
        // Through the gate: a researcher joins the open-politics group, and the commitment gets that area.
        try h.ok(["propose", "political-donations", "--title", "政治獻金再透明化"], as: .wang)
        try h.ok(["member", "add", "lee", "--name", Self.researcher.name, "--email", Self.researcher.email, "--sector", "academia",
                  "--organization", "中研院", "--group", "open-politics"], as: .wang)
        #expect(try h.read("members.yml").contains("groups: [open-politics]"))
        try h.write("commitments/political-donations.md", donationCommitment().replacingOccurrences(of: "values:\n", with: "area: open-politics\nvalues:\n"))
        try h.ok(["save", "-m", "新增承諾事項與研究員"], as: .wang)
        try h.ok(["respond", "political-donations", "--disposition", "adopted", "-m", "納入行動方案，由主辦機關執行"], as: .govChair)
        try h.ok(["review", "political-donations", "--approve"], as: .govChair)
        try h.ok(["review", "political-donations", "--approve"], as: .civilChair)
        try h.ok(["switch", "main"])
        try h.ok(["merge", "political-donations"], as: .civilChair)
        let listed = try #require(try h.json(["member", "list"]) as? [[String: Any]])
        #expect(listed.contains { ($0["id"] as? String) == "lee" && ($0["groups"] as? [String]) == ["open-politics"] }, "\(listed)")

        // A change to that commitment; the public comments on it.
        try h.ok(["propose", "donations-2", "--title", "修正期程"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: "修法要求大額政治獻金於 10 日內申報。")
            .replacingOccurrences(of: "values:\n", with: "area: open-politics\nvalues:\n"))
        try h.ok(["save", "-m", "修正"], as: .wang)
        try h.ok(["comment", "donations-2", "-m", "十日太短，基層難以配合。"], as: .citizen)
        let inbox = try h.object(["inbox"], as: Self.researcher)
        let owed = try #require(inbox["unanswered"] as? [[String: Any]])
        // The proposal (from civil society) and the public's comment on it, both owed a response.
        #expect(Set(owed.compactMap { $0["kind"] as? String }) == ["proposal", "comment"] && owed.count == 2, "\(owed)")
        #expect(owed.allSatisfy { $0["reason"] as? String == "working-group" && $0["slug"] as? String == "donations-2" }, "\(owed)")
        // A member in no group of that area sees nothing of it.
        #expect((try h.object(["inbox"], as: .secretariat)["unanswered"] as? [Any])?.isEmpty == true)
    }

    @Test func aGroupThatIsNotAnAreaIdIsRefusedWithNothingWritten() throws {
        let h = try NapHarness.foundedWithProcess("working-group-bad")
        try h.ok(["propose", "x", "--title", "x"], as: .wang)
        let before = try h.read("members.yml")
        let bad = try h.nap(["member", "add", "lee", "--name", "李", "--email", "lee@academia.example", "--sector", "academia",
                             "--group", "開放 國會"], as: .wang)
        #expect(bad.status != 0 && bad.stderr.contains("group"), "\(bad.stderr)")
        #expect(try h.read("members.yml") == before)
    }
}
