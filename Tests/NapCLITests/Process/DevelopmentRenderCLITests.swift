import Foundation
import NapTestSupport
import Testing

/// `nap render` adds how the plan was developed (OGP's template asks for it) and groups commitments by area.
@Suite struct DevelopmentRenderCLITests {
    @Test func renderShowsTimelineMeetingsAndInputBySector() throws {
        let h = try NapHarness.published("render-development")
        try h.write("../m.md", meetingDocument(date: NapHarness.day(-3), extra: "attendees:\n  - moi\npublic-attendance:\n  public: 30\n"))
        try h.ok(["meeting", "add", "consultation-1", "--file", h.sandbox.path("m.md")], as: .govChair)
        let markdown = try h.ok(["render", "main", "--format", "markdown"])
        #expect(markdown.contains("## 共創過程 How the plan was developed"), "\(markdown.prefix(2000))")
        #expect(markdown.contains("| 執行 Implementation | 2025-01-01 | 2028-12-31 |"))
        #expect(markdown.contains("承諾事項提案諮詢會議 (consultation) | 1 + 30 |"), "\(markdown.prefix(3000))")
        #expect(markdown.contains("| civil-society | 1 |"))
        #expect(markdown.contains("| 採納 adopted | 1 |"))
        // Held before v1 was published: in the section of v1 too.
        #expect(try h.ok(["render", "v1", "--format", "markdown"]).contains("承諾事項提案諮詢會議"))
        let html = try h.ok(["render", "main", "--format", "html"])
        #expect(html.contains("<section class=\"development\">") && html.contains("<h3>時程 Timeline</h3>"))
    }

    @Test func commitmentsAreGroupedByArea() throws {
        let h = try NapHarness.founded("render-areas")
        try h.ok(["propose", "areas", "--title", "領域"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment().replacingOccurrences(of: "values:\n", with: "area: open-politics\nvalues:\n"))
        try h.write("commitments/open-data.md", donationCommitment(id: "open-data"))
        try h.ok(["save", "-m", "領域"], as: .wang)
        let markdown = try h.ok(["render", "proposal/areas", "--format", "markdown"])
        #expect(markdown.contains("### 領域 Area open-politics\n\n1. political-donations"), "\(markdown.prefix(1500))")
        #expect(markdown.contains("### 領域 Area —\n\n2. open-data"))
        let bad = donationCommitment().replacingOccurrences(of: "values:\n", with: "area: a/b\nvalues:\n")
        try h.write("commitments/political-donations.md", bad)
        let validate = try h.nap(["validate"]).stdout
        #expect(validate.contains("commitments/political-donations.md:20:7: error: area 'a/b': an id cannot contain '/'"), "\(validate)")
    }
}
