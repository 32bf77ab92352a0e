import Foundation
import NapTestSupport
import Testing

/// Under `require-signatures`, events that can change what the gate decides count only when signed by
/// their author's key: a forged response does not answer an input, a forged change request blocks nothing.
@Suite struct HostileSignedRecordTests {
    @Test func unsignedForgeriesDoNotMoveTheGate() throws {
        let s = try SignedPlan.founded(requireSignatures: true, "hostile-signed")
        let slug = "political-donations"
        try s.ok(["propose", slug, "--title", "政治獻金再透明化"], as: .wang)
        try s.h.write("commitments/political-donations.md", donationCommitment())
        try s.ok(["save", "-m", "修改承諾事項"], as: .wang)
        for chair in [Person.govChair, .civilChair] { try s.ok(["review", slug, "--approve"], as: chair) }
        try s.ok(["switch", "main"])
        let id = try #require(try s.json(["show", slug])["id"] as? String)
        let owed = "the proposal itself from 王向榮 (civil-society) has no reasoned response"
        #expect(try s.blockers() == [owed])

        let forger = RecordForger(path: s.plan)
        let response = try forger.add(try RecordForger.event([
            "type": "response", "proposal": id, "target": id, "disposition": "adopted", "reason": "forged in the chair's name",
            "clock": 3, "time": HostileRecordTests.now(),
            "author": RecordForger.author(.govChair, member: "ndc-chair", sector: "government", role: "co-chair"),
        ]), proposal: id)
        #expect(try s.blockers() == [owed])
        let problems = try s.json(["show", slug])["problems"] as? [String] ?? []
        #expect(problems.contains { $0.contains(response) && $0.contains("not signed") }, "\(problems)")

        try s.ok(["respond", slug, "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .govChair)
        #expect(try s.blockers() == [])
        let head = try s.h.git(["rev-parse", "proposal/" + slug]).trimmingCharacters(in: .whitespacesAndNewlines)
        try forger.add(try RecordForger.event([
            "type": "review", "proposal": id, "verdict": "request-changes", "head": head, "body": "forged",
            "clock": 4, "time": HostileRecordTests.now(),
            "author": RecordForger.author(.civilChair, member: "civil-chair", sector: "civil-society", role: "co-chair"),
        ]), proposal: id)
        #expect(try s.blockers() == [])
        try s.ok(["merge", slug], as: .govChair)
        #expect(try s.json(["show", slug])["state"] as? String == "merged")
    }
}
