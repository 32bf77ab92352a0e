import Foundation
import NapTestSupport
import Testing

/// `nap progress`, `nap progress comment`, `nap progress report` and the lead agency's inbox on a
/// published plan: commitment political-donations, led by 內政部 (member moi), milestones due 2026-06
/// and 2027-12.
@Suite struct ProgressCLITests {
    static func report(_ h: NapHarness, asOf: String? = nil) throws -> [String: Any] {
        let out = try h.ok(["progress", "report", "--format", "json"] + (asOf.map { ["--as-of", $0] } ?? []))
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    @Test func theLeadAgencyRecordsProgressAndTheReportShowsIt() throws {
        let h = try NapHarness.published("progress")
        let first = try h.ok(["progress", "political-donations", "--milestone", "1", "--status", "limited", "--date", "2025-06-30",
                              "--evidence", "https://example.org/draft-amendment.pdf", "-m", "修法草案初稿完成。"], as: .ministry)
        #expect(first.trimmingCharacters(in: .whitespacesAndNewlines).count == 64)
        try h.ok(["progress", "record", "political-donations", "--milestone", "1", "--status", "substantial", "--date", "2025-12-31",
                  "--evidence", "https://example.org/consultation", "--delay", "監察院意見尚未回覆", "-m", "完成公聽會。"], as: .ministry)
        try h.ok(["progress", "political-donations", "--status", "limited", "--date", "2026-11-30", "-m", "整體進度有限。"], as: .ministry)
        // Stock git: three events under progress/political-donations/events/.
        let files = try h.git(["ls-tree", "-r", "--name-only", "refs/heads/nap/record", "progress"]).split(separator: "\n")
        #expect(files.count == 3 && files.allSatisfy { $0.hasPrefix("progress/political-donations/events/") }, "\(files)")

        let report = try Self.report(h, asOf: "2026-12-01")
        #expect(report["version"] as? String == "v1")
        #expect(report["overdue"] as? Int == 1)
        let commitment = try #require((report["commitments"] as? [[String: Any]])?.first)
        #expect(commitment["lead_agency"] as? [String] == ["Ministry of the Interior", "內政部"])
        #expect(commitment["lead_members"] as? [String] == ["moi"])
        #expect(((commitment["overall"] as? [String: Any])?["status"]) as? String == "limited")
        let milestones = try #require(commitment["milestones"] as? [[String: Any]])
        #expect(milestones[0]["status"] as? String == "substantial")
        #expect(milestones[0]["due"] as? String == "2026-06")
        #expect(milestones[0]["overdue"] as? Bool == true)
        #expect(milestones[0]["evidence"] as? [String] == ["https://example.org/draft-amendment.pdf", "https://example.org/consultation"])
        #expect(milestones[0]["reason_for_delay"] as? String == "監察院意見尚未回覆")
        #expect(milestones[1]["status"] as? String == "no-evidence")
        #expect(milestones[1]["overdue"] as? Bool == false)
        // As of an earlier day, only what was reported by then counts, and nothing was overdue.
        let earlier = try Self.report(h, asOf: "2025-07-01")
        let early = try #require(((earlier["commitments"] as? [[String: Any]])?.first?["milestones"]) as? [[String: Any]])
        #expect(early[0]["status"] as? String == "limited")
        #expect(earlier["overdue"] as? Int == 0)

        let markdown = try h.ok(["progress", "report", "--as-of", "2026-12-01"])
        #expect(markdown.contains("Substantial 大致完成 **逾期 OVERDUE**"), "\(markdown)")
        #expect(markdown.contains("No evidence available 無資料"))
        let csv = try h.ok(["progress", "report", "--format", "csv", "--as-of", "2026-12-01"])
        #expect(csv.hasPrefix("commitment,milestone,due,status,overdue,evidence,reason_for_delay,lead_agency,as_of\r\n"))
        #expect(csv.contains("political-donations,2,2027-12,no-evidence,false,,,"), "\(csv)")
        let html = try h.ok(["progress", "report", "--format", "html", "--as-of", "2026-12-01"])
        #expect(html.contains("<tr class=\"overdue\">") && html.contains("<a href=\"https://example.org/consultation\">"))
    }

    @Test(arguments: [
        (["progress", "no-such", "--status", "limited", "-m", "x進度x"], "commitment 'no-such' is not in the published plan (v1 has: political-donations)"),
        (["progress", "political-donations", "--milestone", "3", "--status", "limited", "-m", "進度"], "--milestone 3: commitment political-donations has 2 milestones (1…2)"),
        (["progress", "political-donations", "--milestone", "0", "--status", "limited", "-m", "進度"], "--milestone 0: commitment political-donations has 2 milestones"),
        (["progress", "political-donations", "--status", "limited", "--date", "2024-12-31", "-m", "進度"], "--date 2024-12-31 is outside the plan's period (2025-01 to 2028-12)"),
        (["progress", "political-donations", "--status", "limited", "--date", "2025-02-30", "-m", "進度"], "2025-02 has no day 30"),
        (["progress", "political-donations", "--status", "limited", "--evidence", "ftp://x", "-m", "進度"], "--evidence 'ftp://x': not a web address"),
        (["progress", "political-donations", "--status", "done", "-m", "進度"], "done"),
    ])
    func badProgressIsRefusedAndWritesNothing(_ arguments: [String], _ message: String) throws {
        let h = try NapHarness.published("progress-bad")
        let before = try h.recordHead()
        let result = try h.nap(arguments, as: .ministry)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try h.recordHead() == before)
    }

    @Test func onlyTheLeadAgencyReportsAndOnlyOnAPublishedPlan() throws {
        let draft = try NapHarness.foundedWithProcess("progress-unpublished")
        let early = try draft.nap(["progress", "political-donations", "--status", "limited", "-m", "進度"], as: .ministry)
        #expect(early.status == 1)
        #expect(early.stderr.contains("the plan has not been published yet"), "\(early.stderr)")
        let h = try NapHarness.published("progress-who")
        for person in [Person.wang, .civilChair, .citizen] {
            let result = try h.nap(["progress", "political-donations", "--status", "complete", "-m", "已完成"], as: person)
            #expect(result.status == 1)
            #expect(result.stderr.contains("is reported by its lead agency (Ministry of the Interior / 內政部)"), "\(result.stderr)")
        }
    }

    @Test func aCommentOnProgressIsOwedAResponseInTheLeadAgencysInbox() throws {
        let h = try NapHarness.published("progress-comment")
        let report = try h.ok(["progress", "political-donations", "--milestone", "2", "--status", "limited", "-m", "平台改版進行中。"], as: .ministry)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let comment = try h.ok(["progress", "comment", String(report.prefix(8)), "-m", "佐證連結無法開啟，請補上。"], as: .citizen)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let inbox = try h.object(["inbox"], as: .ministry)
        let owed = try #require(inbox["progress_comments"] as? [[String: Any]])
        #expect(owed.map { $0["id"] as? String } == [comment])
        #expect(owed.first?["report"] as? String == report)
        // Milestone 1 (due 2026-06) has no progress: overdue in the lead agency's inbox.
        let overdue = try #require(inbox["overdue_milestones"] as? [[String: Any]])
        #expect(overdue.first?["milestone"] as? Int == 1 && overdue.first?["status"] as? String == "no-evidence", "\(overdue)")
        #expect(try h.ok(["inbox"], as: .ministry).contains("Overdue milestones of commitments your agency leads (1)"))
        // Not in the inbox of a member of another agency.
        #expect((try h.object(["inbox"], as: .wang)["overdue_milestones"] as? [Any])?.isEmpty == true)
        // A civil-society member cannot answer it; the lead agency can, with `nap respond`.
        #expect(try h.nap(["respond", String(comment.prefix(8)), "--disposition", "adopted", "-m", "已補上佐證連結。"], as: .wang).status == 1)
        try h.ok(["respond", String(comment.prefix(8)), "--disposition", "adopted", "-m", "已補上佐證連結。"], as: .ministry)
        #expect((try h.object(["inbox"], as: .ministry)["progress_comments"] as? [Any])?.isEmpty == true)
        let json = try Self.report(h)
        #expect(((json["commitments"] as? [[String: Any]])?.first?["owed_responses"]) as? Int == 0)
    }
}
