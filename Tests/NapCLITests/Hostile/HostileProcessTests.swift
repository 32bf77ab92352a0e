import Foundation
import NapTestSupport
import Testing

/// Attacks on the process part of the record (meetings and progress) by someone with push access who
/// writes event files by hand: each is a record problem or quarantined, reported by `nap meetings`,
/// `nap verify`, and `nap clone`, and changes no state. Nothing crashes.
@Suite struct HostileProcessTests {
    /// Adds `bytes` as an event file of `folder` (`meetings/<id>` or `progress/<id>`) at the path its hash
    /// gives; returns its id.
    @discardableResult
    static func forge(_ bytes: String, in folder: String, plan: String) throws -> String {
        let id = RecordForger.id(of: bytes)
        try RecordForger(path: plan).put(["\(folder)/events/\(id).json": bytes])
        return id
    }

    /// A meeting event as nap lays them out, by `author` (default: Mallory, the public).
    static func meeting(_ id: String, date: String = "2025-03-01", fields: [String: Any] = [:], author: [String: Any]? = nil) throws -> String {
        var all: [String: Any] = ["type": "meeting", "meeting": id, "date": date, "kind": "forum", "attendees": ["moi"],
                                  "public-attendance": ["public": 3], "links": [], "minutes": ["zh-Hant": "紀錄"], "decisions": [],
                                  "time": HostileRecordTests.now(), "clock": 1]
        if let author { all["author"] = author }
        for (key, value) in fields { all[key] = value }
        return try RecordForger.event(all)
    }

    static var govChair: [String: Any] { RecordForger.author(.govChair, member: "ndc-chair", sector: "government", role: "co-chair") }
    static var ministry: [String: Any] { RecordForger.author(.ministry, member: "moi", sector: "government", role: "member") }
    static var wang: [String: Any] { RecordForger.author(.wang, member: "g0v-wang", sector: "civil-society", role: "member") }

    static func meetings(_ h: NapHarness) throws -> [String: Any] {
        try h.object(["meetings"])
    }

    static func verifyKinds(_ h: NapHarness) throws -> (Int32, [String]) {
        let result = try h.nap(["verify", "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (result.status, (report["failures"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String })
    }

    @Test func forgedMeetingsAreQuarantinedAndReported() throws {
        let h = try NapHarness.foundedWithProcess("hostile-meeting")
        let byPublic = try Self.forge(try Self.meeting("m-public"), in: "meetings/m-public", plan: h.plan)
        let byMinistry = try Self.forge(try Self.meeting("m-moi", author: Self.ministry), in: "meetings/m-moi", plan: h.plan)
        let future = try Self.forge(try Self.meeting("m-future", date: "2099-01-01", author: Self.govChair), in: "meetings/m-future", plan: h.plan)
        let stranger = try Self.forge(try Self.meeting("m-stranger", fields: ["attendees": ["moi", "mallory"]], author: Self.govChair),
                                      in: "meetings/m-stranger", plan: h.plan)
        let honest = try Self.forge(try Self.meeting("m-honest", date: NapHarness.day(-2), author: Self.govChair), in: "meetings/m-honest", plan: h.plan)
        let list = try Self.meetings(h)
        #expect((list["meetings"] as? [[String: Any]])?.map { $0["id"] as? String } == ["m-honest"])
        let problems = list["problems"] as? [String] ?? []
        for (id, why) in [(byPublic, "who was not a member"), (byMinistry, "minutes are recorded by a co-chair or a member of a co-chair's organisation"),
                          (future, "it records a meeting on 2099-01-01, after the day it was recorded"), (stranger, "attendee 'mallory' was not a member")] {
            #expect(problems.contains { $0.contains(id) && $0.contains(why) }, "\(why): \(problems)")
        }
        #expect(!problems.contains { $0.contains(honest) })
        let (status, kinds) = try Self.verifyKinds(h)
        #expect(status == 1)
        #expect(kinds.filter { $0 == "quarantined-event" }.count == 4, "\(kinds)")
        let shown = try h.nap(["meeting", "show", "m-public"])
        #expect(shown.status == 0 && shown.stdout.contains("no valid record"), "\(shown.stdout)")
    }

    /// Values outside the bounds are read as record problems, never as numbers to compute with.
    @Test(arguments: [
        ("public-attendance", #"{"public": 9223372036854775807}"#, "count"),
        ("date", #""2024-02-30""#, "not a day"),
        ("date", #""2024-08""#, "not a day"),
        ("attendees", "[" + Array(repeating: #""moi""#, count: 1_001).joined(separator: ",") + "]", "more than 1000 attendees"),
        ("attendees", #"["../x"]"#, "not a member id"),
        ("links", #"[{"kind": "transcript", "url": "javascript:alert(1)"}]"#, "not an http(s) address"),
        ("decisions", #"[{"proposal": "abc", "slug": "x", "outcome": "adopted", "reason": "r"}]"#, "names no proposal id"),
        ("kind", #""party""#, "not a meeting kind"),
        ("clock", "9223372036854775807", "clock"),
        ("minutes", #"{"zh-hant": "x"}"#, "zh-hant"),
    ])
    func outOfBoundsMeetingsAreRecordProblems(_ key: String, _ json: String, _ why: String) throws {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        let h = try NapHarness.foundedWithProcess("hostile-bounds")
        let id = try Self.forge(try Self.meeting("m-1", fields: [key: value], author: Self.govChair), in: "meetings/m-1", plan: h.plan)
        let result = try h.nap(["meetings", "--json"])
        HostileRecordTests.expectNoCrash(result)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let problems = list["problems"] as? [String] ?? []
        #expect(problems.contains { $0.contains(id) && $0.contains(why) }, "\(problems)")
        #expect((list["meetings"] as? [Any])?.isEmpty == true)
        let (status, kinds) = try Self.verifyKinds(h)
        #expect(status == 1 && kinds.contains("record-problem"), "\(kinds)")
    }

    @Test func filesThatAreNotEventsAreReported() throws {
        let h = try NapHarness.foundedWithProcess("hostile-files")
        let bytes = try Self.meeting("m-1", author: Self.govChair)
        try RecordForger(path: h.plan).put(["meetings/m-1/events/\(String(repeating: "0", count: 64)).json": bytes,
                                            "meetings/m-1/notes.txt": "x", "meetings/.hidden/events/x.json": "{}",
                                            "progress/political-donations/events/\(RecordForger.id(of: bytes)).json": bytes])
        let problems = try Self.meetings(h)["problems"] as? [String] ?? []
        #expect(problems.contains { $0.contains("do not match its name") }, "\(problems)")
        #expect(problems.contains { $0.contains("meetings/m-1/notes.txt") })
        #expect(problems.contains { $0.contains("meetings/.hidden") })
        let (_, kinds) = try Self.verifyKinds(h)
        // The meeting event misplaced in a commitment's folder is a problem too.
        #expect(kinds.filter { $0 == "record-problem" }.count >= 4, "\(kinds)")
    }

    @Test func forgedProgressIsQuarantinedAndTheReportUnchanged() throws {
        let h = try NapHarness.published("hostile-progress")
        func progress(_ fields: [String: Any], author: [String: Any]) throws -> String {
            var all: [String: Any] = ["type": "progress", "commitment": "political-donations", "status": "complete", "evidence": [],
                                      "body": "forged", "as-of": "2026-01-01", "time": HostileRecordTests.now(), "clock": 3, "author": author]
            for (key, value) in fields { all[key] = value }
            return try RecordForger.event(all)
        }
        let folder = "progress/political-donations"
        let byWang = try Self.forge(try progress([:], author: Self.wang), in: folder, plan: h.plan)
        let tooFar = try Self.forge(try progress(["milestone": 9], author: Self.ministry), in: folder, plan: h.plan)
        let elsewhere = try Self.forge(try progress(["commitment": "no-such"], author: Self.ministry), in: "progress/no-such", plan: h.plan)
        let comment = try Self.forge(try RecordForger.event(["type": "progress-comment", "commitment": "political-donations",
                                                             "target": String(repeating: "a", count: 64), "body": "x", "clock": 4,
                                                             "time": HostileRecordTests.now()]), in: folder, plan: h.plan)
        let report = try ProgressCLITests.report(h, asOf: "2026-12-01")
        let commitment = try #require((report["commitments"] as? [[String: Any]])?.first)
        #expect(commitment["overall"] == nil)
        #expect(((commitment["milestones"] as? [[String: Any]]) ?? []).allSatisfy { $0["status"] as? String == "no-evidence" })
        let verify = try h.nap(["verify", "--json"])
        #expect(verify.status == 1)
        for (id, why) in [(byWang, "progress is reported by the lead agency"), (tooFar, "has 2 milestones, not 9"),
                          (elsewhere, "commitment no-such was not on main"), (comment, "not a progress report of this commitment")] {
            #expect(verify.stdout.contains(id) && verify.stdout.contains(why), "\(why)")
        }
    }

    @Test func underSignaturesUnsignedProcessEventsAreQuarantined() throws {
        let s = try SignedPlan.founded(requireSignatures: true, "hostile-process-signed")
        let id = try Self.forge(try Self.meeting("m-1", date: NapHarness.day(-1), author: Self.govChair), in: "meetings/m-1", plan: s.plan)
        let list = try s.json(["meetings"])
        #expect((list["problems"] as? [String] ?? []).contains { $0.contains(id) && $0.contains("not signed") })
        // The co-chair's own nap signs the record it writes: admitted, and verify holds.
        try s.ok(["meeting", "add", "m-2", "--date", NapHarness.day(-1), "--kind", "forum", "-m", "紀錄"], as: .govChair)
        let after = try s.json(["meetings"])
        #expect((after["meetings"] as? [[String: Any]])?.map { $0["id"] as? String } == ["m-2"])
        let files = try s.h.git(["ls-tree", "-r", "--name-only", "refs/heads/nap/record", "meetings/m-2"]).split(separator: "\n")
        #expect(files.contains { $0.hasSuffix(".sig") }, "\(files)")
        let (_, report) = try s.verify()
        let failures = (report["failures"] as? [[String: Any]] ?? []).compactMap { $0["event"] as? String }
        #expect(failures == [id], "\(report)")
    }

    @Test func aCloneSaysWhichProcessFilesItSkipped() throws {
        let h = try NapHarness.foundedWithProcess("hostile-clone")
        try RecordForger(path: h.plan).put(["meetings/m-1/events/\(String(repeating: "1", count: 64)).json": "not json"])
        let hub = h.sandbox.path("hub.git")
        try h.sandbox.gitOK(["init", "-q", "--bare", hub], in: h.sandbox.root.path)
        try h.ok(["sync", hub])
        let clone = try h.nap(["clone", hub, h.sandbox.path("fresh"), "--json"], as: .citizen, plan: false)
        #expect(clone.stdout.contains("record-skipped") && clone.stdout.contains("meetings/m-1/events/"), "\(clone.stdout)")
    }
}
