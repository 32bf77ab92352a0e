import Foundation
import NapTestSupport
import Testing

/// Under `require-signatures` and the approver `lead-agency`, an approval forged in the lead agency's name
/// does not count; the lead agency's own signed approval does, and `nap verify` accepts the merge.
@Suite struct HostileLeadAgencyTests {
    @Test func aForgedLeadAgencyApprovalDoesNotOpenTheGate() throws {
        let s = try SignedPlan("hostile-lead")
        try s.ok(["init", s.plan, "--title-zh", "臺灣開放政府國家行動方案", "--title-en", "Taiwan Open Government National Action Plan",
                  "--period", "2025-01..2028-12"], inPlan: false)
        try s.h.setMinDiscussionDays(0)
        try s.h.write("plan.yml", try s.h.read("plan.yml").replacingOccurrences(of: "    - civil-society-co-chair\n",
                                                                                with: "    - civil-society-co-chair\n    - lead-agency\n"))
        let members: [(String, Person, String, String, String)] = [
            ("ndc-chair", .govChair, "government", "co-chair", "國家發展委員會"), ("civil-chair", .civilChair, "civil-society", "co-chair", "台灣民主實驗室"),
            ("g0v-wang", .wang, "civil-society", "member", "g0v"), ("moi", .ministry, "government", "member", "內政部"),
        ]
        for (id, person, sector, role, organization) in members {
            try s.ok(["member", "add", id, "--name", person.name, "--email", person.email, "--sector", sector, "--role", role,
                      "--organization", organization, "--key", s.key(person) + ".pub"])
        }
        try s.ok(["save", "-m", "成立論壇 Constitute the forum"])
        try s.proposal()
        let lead = "the lead agency of commitment political-donations"
        #expect(try s.blockers() == ["waiting for the approval of \(lead) (Ministry of the Interior / 內政部: 內政部民政司)"])

        let id = try #require(try s.json(["show", "political-donations"])["id"] as? String)
        let head = try s.rev("proposal/political-donations")
        try RecordForger(path: s.plan).add(try RecordForger.event([
            "type": "review", "proposal": id, "verdict": "approve", "head": head, "body": "forged", "clock": 30,
            "time": HostileRecordTests.now(), "author": RecordForger.author(.ministry, member: "moi", sector: "government", role: "member"),
        ]), proposal: id)
        let forged = try s.blockers()
        // The unsigned approval is set aside: the gate still waits for the lead agency.
        #expect(forged == ["waiting for the approval of the lead agency of commitment political-donations (Ministry of the Interior / 內政部: 內政部民政司)"], "\(forged)")
        #expect(try s.nap(["merge", "political-donations"], as: .civilChair).status == 1)

        try s.ok(["review", "political-donations", "--approve"], as: .ministry)
        #expect(try s.blockers() == [])
        try s.ok(["merge", "political-donations"], as: .civilChair)
        let (status, report) = try s.verify()
        #expect(status == 0, "\(report)")
    }
}
