import Foundation
import NapTestSupport
import Testing

/// `nap meeting add`, `nap meeting show`, `nap meetings` and `nap respond --meeting` on real plans: what
/// is recorded where (stock git reads it), who may record minutes, and bad input refused at its place
/// with nothing written.
@Suite struct MeetingCLITests {
    static let consultation = meetingDocument(date: NapHarness.day(-3), extra: """
    agenda-published: \(NapHarness.day(-12))
    attendees:
      - moi
      - g0v-wang
    public-attendance:
      civil-society: 12
      public: 30
    links:
      - kind: transcript
        url: https://example.org/2024-08-13-transcript.pdf
    decisions:
      - proposal: political-donations
        outcome: deferred
        reason: 列入備選提案，待內政部與監察院評估修法。

    """)

    static func withProposal(_ name: String) throws -> NapHarness {
        let h = try NapHarness.foundedWithProcess(name)
        try h.ok(["propose", "political-donations", "--title", "政治獻金再透明化"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment())
        try h.ok(["save", "-m", "新增承諾事項"], as: .wang)
        try h.ok(["switch", "main"])
        return h
    }

    @Test func aCoChairRecordsAMeetingInTheRecord() throws {
        let h = try Self.withProposal("meeting-add")
        try h.write("../consultation.md", Self.consultation)
        let out = try h.ok(["meeting", "add", "consultation-1", "--file", h.sandbox.path("consultation.md")], as: .govChair)
        #expect(out.hasPrefix("Recorded meeting consultation-1: "))
        let meeting = try h.object(["meeting", "show", "consultation-1"])
        #expect(meeting["kind"] as? String == "consultation")
        #expect(meeting["attendees"] as? [String] == ["moi", "g0v-wang"])
        #expect((meeting["public_attendance"] as? [String: Int]) == ["civil-society": 12, "public": 30])
        #expect(((meeting["decisions"] as? [[String: Any]])?.first?["slug"]) as? String == "political-donations")
        #expect(((meeting["recorded_by"] as? [String: Any])?["member"]) as? String == "ndc-chair")
        #expect((meeting["minutes"] as? [String: String])?["zh-Hant"]?.contains("備選提案") == true)
        // Stock git: one event file under meetings/<id>/events/, in a record commit by the co-chair.
        let files = try h.git(["ls-tree", "-r", "--name-only", "refs/heads/nap/record", "meetings"])
        #expect(files.split(separator: "\n").count == 1 && files.hasPrefix("meetings/consultation-1/events/"), "\(files)")
        #expect(try h.git(["log", "-1", "--format=%an %s", "refs/heads/nap/record"]).contains("Record meeting consultation-1 (consultation"))
        _ = try h.git(["fsck", "--strict", "--no-dangling"])
        // Listed, and the agenda and minutes kept the promises (7 days' notice, recorded within 14).
        let list = try h.object(["meetings"])
        #expect((list["meetings"] as? [[String: Any]])?.count == 1)
        let findings = (list["findings"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(!findings.contains("agenda-late") && !findings.contains("minutes-late"), "\(findings)")
    }

    @Test func aLaterRecordRevisesTheMeetingAndKeepsBoth() throws {
        let h = try Self.withProposal("meeting-revise")
        try h.write("../m.md", Self.consultation)
        try h.ok(["meeting", "add", "consultation-1", "--file", h.sandbox.path("m.md")], as: .govChair)
        try h.write("../m.md", Self.consultation.replacingOccurrences(of: "public: 30", with: "public: 31"))
        #expect(try h.ok(["meeting", "add", "consultation-1", "--file", h.sandbox.path("m.md")], as: .civilChair).hasPrefix("Revised the record of"))
        let meeting = try h.object(["meeting", "show", "consultation-1"])
        #expect((meeting["versions"] as? [Any])?.count == 2)
        #expect((meeting["public_attendance"] as? [String: Int])?["public"] == 31)
    }

    @Test func theSecretariatMayRecordMinutesOthersMayNot() throws {
        let h = try Self.withProposal("meeting-who")
        let before = try h.recordHead()
        try h.write("../m.md", Self.consultation)
        let refused = try h.nap(["meeting", "add", "consultation-1", "--file", h.sandbox.path("m.md")], as: .ministry)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("minutes are recorded by a co-chair or a member of a co-chair's organisation"), "\(refused.stderr)")
        #expect(try h.recordHead() == before)
        let publicPerson = try h.nap(["meeting", "add", "consultation-1", "--date", NapHarness.day(-1), "--kind", "public", "-m", "紀錄"], as: .citizen)
        #expect(publicPerson.status == 1)
        #expect(try h.recordHead() == before)
        // The government co-chair's organisation (國家發展委員會) is the secretariat.
        try h.ok(["meeting", "add", "consultation-1", "--file", h.sandbox.path("m.md")], as: .secretariat)
        #expect(try h.recordHead() != before)
    }

    /// Each bad meeting is refused with `path:line:column`, and the record does not move.
    @Test(arguments: [
        ("date: DAY+2", "in the future; record a meeting once it was held"),
        ("date: 2023-01-10", "2023-01-10 is outside the plan's life (2024-06-01 to 2028-12, its timeline and period)"),
        ("date: 2024-13-01", "there is no month 13"),
        ("date: 2024-08", "names a month; write the day it was held"),
        ("attendees:\n  - moi\n  - ghost", "'ghost' is not a member in members.yml on main"),
        ("decisions:\n  - proposal: no-such\n    outcome: adopted\n    reason: 會議決議採納本提案。", "no proposal named 'no-such'"),
        ("decisions:\n  - proposal: political-donations\n    outcome: maybe\n    reason: 會議決議採納本提案。", "'maybe' is not an outcome"),
        ("links:\n  - kind: transcript\n    url: javascript:alert(1)", "is not a web address"),
        ("public-attendance:\n  public: many", "public-attendance.public must be a whole number"),
        ("kind: party", "'party' is not a kind of meeting"),
    ])
    func badMeetingsAreLocatedAndWriteNothing(_ line: String, _ message: String) throws {
        let h = try Self.withProposal("meeting-bad")
        var document = meetingDocument(date: NapHarness.day(-3))
        let key = String(line.prefix { $0 != ":" })
        let replaced = line.replacingOccurrences(of: "DAY+2", with: NapHarness.day(2))
        if key == "date" || key == "kind" {
            document = document.components(separatedBy: "\n").map { $0.hasPrefix(key + ":") ? replaced : $0 }.joined(separator: "\n")
        } else {
            let close = try #require(document.range(of: "\n---\n", options: .backwards))
            document.replaceSubrange(close, with: "\n" + replaced + "\n---\n")
        }
        try h.write("../bad.md", document)
        let before = try h.recordHead()
        let result = try h.nap(["meeting", "add", "bad-1", "--file", h.sandbox.path("bad.md")], as: .govChair)
        #expect(result.status == 1, "\(result.stdout)")
        let path = h.sandbox.path("bad.md")
        let located = result.stderr.split(separator: "\n").first { $0.hasPrefix(path + ":") && $0.contains(message) }
        #expect(located != nil, "\(result.stderr)")
        if let located {
            let parts = located.dropFirst(path.count + 1).split(separator: ":")
            #expect((Int(parts[0]) ?? 0) > 1 && (Int(parts[1]) ?? 0) >= 1, "\(located)")
        }
        #expect(result.stderr.contains("nothing was recorded"))
        #expect(try h.recordHead() == before)
    }

    @Test func theOptionsDescribeASimpleMeeting() throws {
        let h = try Self.withProposal("meeting-options")
        let out = try h.ok(["meeting", "add", "forum-1", "--date", NapHarness.day(-1), "--kind", "forum", "--attendee", "moi", "--attendee", "civil-chair",
                            "--public", "academia=3", "--link", "recording=https://example.org/v", "--agenda-published", NapHarness.day(-10),
                            "--decision", "political-donations=adopted-in-part:先以平台改版納入行動方案。", "-m", "討論執行進度。"], as: .civilChair)
        #expect(out.contains("Recorded meeting forum-1"))
        let meeting = try h.object(["meeting", "show", "forum-1"])
        #expect((meeting["minutes"] as? [String: String]) == ["zh-Hant": "討論執行進度。"])
        #expect(((meeting["decisions"] as? [[String: Any]])?.first?["outcome"]) as? String == "adopted-in-part")
        let bad = try h.nap(["meeting", "add", "forum-2", "--date", NapHarness.day(-1), "--kind", "forum", "--attendee", "nobody", "-m", "紀錄"], as: .civilChair)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("--attendee nobody: 'nobody' is not a member"), "\(bad.stderr)")
        let usage = try h.nap(["meeting", "add", "forum-3", "--kind", "forum"], as: .civilChair)
        #expect(usage.status == 64)
    }

    @Test func aResponseNamesTheMeetingThatDecidedIt() throws {
        let h = try Self.withProposal("meeting-respond")
        try h.write("../m.md", Self.consultation)
        try h.ok(["meeting", "add", "consultation-1", "--file", h.sandbox.path("m.md")], as: .govChair)
        try h.ok(["respond", "political-donations", "--disposition", "deferred", "-m", "諮詢會議結論：列為備選提案。", "--meeting", "consultation-1"],
                 as: .ministry)
        let show = try h.object(["show", "political-donations"])
        let response = try #require((show["responses"] as? [[String: Any]])?.last)
        #expect(response["meeting"] as? String == "consultation-1")
        #expect(try h.ok(["show", "political-donations"]).contains("DEFERRED by 內政部民政司 (government)"))
        #expect(try h.ok(["show", "political-donations"]).contains("(decided at meeting consultation-1)"))
        // The event file says so, for stock git readers.
        let files = try h.git(["ls-tree", "-r", "--name-only", "refs/heads/nap/record"]).split(separator: "\n").filter { $0.hasPrefix("proposals/") }
        let texts = try files.map { try h.git(["show", "refs/heads/nap/record:" + $0]) }
        #expect(texts.contains { $0.contains("\"meeting\" : \"consultation-1\"") || $0.contains("\"meeting\": \"consultation-1\"") }, "\(texts)")
        let unknown = try h.nap(["respond", "political-donations", "--disposition", "adopted", "-m", "理由理由理由理由", "--meeting", "no-such"], as: .ministry)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no meeting named 'no-such'"))
    }

    @Test func promisesNotKeptAreReported() throws {
        let h = try Self.withProposal("meeting-promises")
        // Held 40 days ago, agenda 2 days before it, minutes recorded today: two promises broken; and
        // nothing for more than 6 months before it? No: only one meeting, 40 days ago, within 6 months.
        try h.write("../m.md", meetingDocument(date: NapHarness.day(-40), extra: "agenda-published: \(NapHarness.day(-42))\n"))
        try h.ok(["meeting", "add", "late-1", "--file", h.sandbox.path("m.md")], as: .govChair)
        let list = try h.object(["meetings"])
        let kinds = (list["findings"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds.contains("minutes-late"), "\(kinds)")
        #expect(kinds.contains("agenda-late"), "\(kinds)")
        #expect(kinds.contains("implementation-meetings"), "\(kinds)")
        #expect(!kinds.contains("meeting-gap"), "\(kinds)")
        let text = try h.ok(["meetings"])
        #expect(text.contains("Promises not kept"), "\(text)")
    }
    /// A meeting recorded on one copy reaches another through the hub, and both syncs count it as a meeting
    /// (not as an unknown event).
    @Test func aSyncedMeetingIsCountedAsAMeeting() throws {
        let w = try SyncWorld(try Self.withProposal("meeting-sync"))
        try w.ok(w.plan, ["sync", w.hub], as: .founder)
        try w.clone(w.hub, "civil", as: .civilChair)
        try w.h.write("../m.md", Self.consultation)
        try w.ok(w.plan, ["meeting", "add", "consultation-1", "--file", w.sandbox.path("m.md")], as: .govChair)
        let sent = try w.syncJSON(w.plan, [w.hub], as: .govChair)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect((sent.report["sent"] as? [String: Any])?["meetings"] as? Int == 1, "\(sent.report)")
        let received = try w.nap("civil", ["sync"], as: .civilChair)
        #expect(received.status == 0 && received.stdout.contains("1 meeting") && !received.stdout.contains("other event"), "\(received.stdout)")
        #expect(try w.ok("civil", ["meeting", "show", "consultation-1"], as: .civilChair).contains("consultation"))
    }
}
