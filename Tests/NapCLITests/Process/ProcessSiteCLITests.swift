import Foundation
import NapTestSupport
import Testing

/// `nap site` shows the process: the timeline with the phase of the site's day, the meetings with what
/// they decided, and the implementation dashboard of the published plan — in both languages, dated so
/// that the same state gives the same bytes, and without any participant's address.
@Suite struct ProcessSiteCLITests {
    @Test func theSiteShowsTheTimelineMeetingsAndImplementation() throws {
        let h = try NapHarness.published("site-process")
        try h.write("../m.md", MeetingCLITests.consultation)
        try h.ok(["meeting", "add", "consultation-1", "--file", h.sandbox.path("m.md")], as: .govChair)
        try h.ok(["progress", "political-donations", "--milestone", "1", "--status", "substantial", "--date", "2025-12-31",
                  "--evidence", "https://example.org/consultation", "--delay", "監察院意見尚未回覆", "-m", "完成公聽會。"], as: .ministry)
        try h.ok(["site", "-o", h.sandbox.path("site"), "--as-of", "2026-12-01"])
        let files = try SiteCLITests.files(h.sandbox.path("site"))
        func page(_ path: String) throws -> String { SiteCLITests.text(try #require(files[path], "\(path) is missing")) }

        for language in ["zh-Hant", "en"] {
            for path in ["process.html", "implementation.html", "meetings/consultation-1.html"] {
                #expect(files["\(language)/\(path)"] != nil, "\(language)/\(path)")
            }
            // Every page links the process page from the main navigation.
            #expect(try page("\(language)/index.html").contains("href=\"process.html\""))
        }
        let process = try page("en/process.html")
        #expect(process.contains("As of 2026-12-01"))
        #expect(process.contains("aria-current=\"step\"") && process.contains("Implementation</th>"), "the current phase is marked")
        #expect(process.contains("Timeline published on 2024-05-01"))
        #expect(process.contains("Minutes are recorded within 14 days of a meeting"))
        #expect(process.contains("href=\"meetings/consultation-1.html\""))
        let zhProcess = try page("zh-Hant/process.html")
        #expect(zhProcess.contains("執行") && zhProcess.contains("目前階段") && zhProcess.contains("本頁資料日期：2026-12-01"))

        let meeting = try page("en/meetings/consultation-1.html")
        #expect(meeting.contains("Consultation"))
        #expect(meeting.contains("內政部民政司 (內政部)"), "attendees by name and organisation")
        #expect(try page("zh-Hant/meetings/consultation-1.html").contains("內政部民政司（內政部）"))
        #expect(meeting.contains("Civil society: 12") && meeting.contains("Public: 30"))
        #expect(meeting.contains("href=\"https://example.org/2024-08-13-transcript.pdf\""))
        #expect(meeting.contains("href=\"../proposals/political-donations.html\"") && meeting.contains("Deferred"), "the decision links its proposal")
        #expect(meeting.contains("lang=\"zh-Hant\""), "minutes in another language are marked with it")

        let implementation = try page("en/implementation.html")
        #expect(implementation.contains("political-donations"))
        #expect(implementation.contains("Substantial") && implementation.contains("overdue"), "milestone 1 was due 2026-06")
        #expect(implementation.contains("監察院意見尚未回覆"))
        #expect(implementation.contains("No evidence available"), "milestone 2 has no report")
        #expect(implementation.contains("href=\"https://example.org/consultation\""))
        #expect(try page("zh-Hant/implementation.html").contains("大致完成"))

        // No participant's address on any page; the same state and day give the same bytes.
        for (path, data) in files where path.hasSuffix(".html") {
            let text = SiteCLITests.text(data)
            for person in [Person.govChair, .civilChair, .ministry, .wang] {
                #expect(!text.contains(person.email), "\(path) shows \(person.email)")
            }
        }
        try h.ok(["site", "-o", h.sandbox.path("again"), "--as-of", "2026-12-01"])
        #expect(try SiteCLITests.files(h.sandbox.path("again")) == files)
        // Another day counts differently: a year earlier nothing was overdue.
        try h.ok(["site", "-o", h.sandbox.path("earlier"), "--as-of", "2025-12-31"])
        let earlier = SiteCLITests.text(try #require(try SiteCLITests.files(h.sandbox.path("earlier"))["en/implementation.html"]))
        #expect(!earlier.contains("badge bad"), "nothing was overdue on 2025-12-31")
    }

    @Test func aPlanWithoutProcessOrPublicationSaysSo() throws {
        let h = try NapHarness.founded("site-no-process")
        try h.ok(["site", "-o", h.sandbox.path("site")])
        let files = try SiteCLITests.files(h.sandbox.path("site"))
        let implementation = SiteCLITests.text(try #require(files["en/implementation.html"]))
        #expect(implementation.contains("Implementation is recorded once the plan is published."))
        let process = SiteCLITests.text(try #require(files["en/process.html"]))
        #expect(process.contains("No meeting has been recorded yet."))
        let bad = try h.nap(["site", "-o", h.sandbox.path("bad"), "--as-of", "2026-13-01"])
        #expect(bad.status != 0 && bad.stderr.contains("--as-of"), "\(bad.stderr)")
    }
}
