import Foundation
import NapTestSupport
import Testing

@Suite struct PublishCLITests {
    /// A founded plan where the donations proposal was answered, approved by both co-chairs and merged.
    static func merged() throws -> NapHarness {
        let h = try ProposalCLITests.withProposal()
        try Self.answerApproveMerge(h, "political-donations")
        return h
    }

    /// Responds to the proposal, has both co-chairs approve it, and merges it.
    static func answerApproveMerge(_ h: NapHarness, _ slug: String) throws {
        try h.ok(["respond", slug, "--disposition", "adopted", "-m", "諮詢會議決議納入行動方案"], as: .ministry)
        try h.ok(["review", slug, "--approve"], as: .govChair)
        try h.ok(["review", slug, "--approve"], as: .civilChair)
        try h.ok(["merge", slug], as: .govChair)
    }

    static func tags(_ h: NapHarness) throws -> String { try h.git(["tag", "-l"]) }

    @Test func publishWritesAnAnnotatedTagThatStockGitShows() throws {
        let h = try Self.merged()
        let out = try h.ok(["publish", "v1", "-m", "第三期行動方案定稿\n\nFinal text of the third plan."], as: .govChair)
        #expect(out.contains("Published v1"))
        #expect(try h.git(["cat-file", "-t", "v1"]) == "tag\n")
        #expect(try h.git(["rev-parse", "v1^{commit}"]) == (try h.git(["rev-parse", "main"])))
        let show = try h.git(["show", "--no-patch", "v1"])
        #expect(show.contains("tag v1"))
        #expect(show.contains("Tagger: 國發會主委 <chair@ndc.gov.example>"))
        #expect(show.contains("第三期行動方案定稿\n\nFinal text of the third plan.\n\nPublished-by: 國發會主委 <chair@ndc.gov.example> (government co-chair)\nCommitments: 1\nPlan: 臺灣開放政府國家行動方案"))
        let trailers = try h.git(["for-each-ref", "--format=%(contents:trailers)", "refs/tags/v1"])
        #expect(trailers.contains("Commitments: 1"))
        try h.git(["fsck", "--strict", "--no-dangling"])
        let json = try #require(try h.json(["publish", "v2", "-m", "同一版本再發布 Same text again"], as: .civilChair) as? [String: Any])
        #expect(json["previous"] as? String == "v1")
        #expect((json["message"] as? String)?.contains("(civil-society co-chair)") == true)
    }

    @Test func everyRefusalLeavesTheTagsAsTheyWere() throws {
        let h = try Self.merged()
        try h.ok(["publish", "v1", "-m", "第一版"], as: .govChair)
        let before = try Self.tags(h)
        #expect(before == "v1\n")
        func refused(_ arguments: [String], as person: Person = .govChair, saying text: String) throws {
            let result = try h.nap(arguments, as: person)
            #expect(result.status == 1, "\(arguments) exited \(result.status)")
            #expect(result.stderr.contains(text), "\(arguments): \(result.stderr)")
            #expect(try Self.tags(h) == before)
        }
        try refused(["publish", "v2", "-m", "x"], as: .wang, saying: "only a co-chair")
        try refused(["publish", "v2", "-m", "x"], as: .citizen, saying: "only a co-chair")
        try refused(["publish", "v1", "-m", "again"], saying: "version 'v1' already exists")
        for bad in ["v 2", "v2..3", "v2.lock", "v2:x", "v2~1", "v2^", "v2\u{1}", "main", "nap/record"] {
            try refused(["publish", bad, "-m", "x"], saying: "invalid version")
        }
        try refused(["publish", "v2", "-m", "  "], saying: "the message is empty")
        try h.write("draft.md", "未存檔的草稿")
        try refused(["publish", "v2", "-m", "x"], saying: "uncommitted changes")
        try FileManager.default.removeItem(atPath: h.plan + "/draft.md")
        try h.ok(["publish", "v2", "-m", "x"], as: .civilChair)
    }

    @Test func anInvalidPlanIsNotPublished() throws {
        let h = try NapHarness.founded()
        // Main changed outside nap: a commitment with errors, committed with stock git.
        try h.write("commitments/broken.md", "---\nid: broken\n---\n")
        try h.git(["add", "-A"])
        try h.git(["commit", "-q", "-m", "plain git: a broken commitment"])
        let result = try h.nap(["publish", "v1", "-m", "x"], as: .govChair)
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not validate"))
        #expect(result.stderr.contains("commitments/broken.md:"))
        #expect(try Self.tags(h).isEmpty)
    }

    @Test func everyInputWithoutAReasonedResponseBlocks() throws {
        let h = try ProposalCLITests.withProposal()
        try h.ok(["comment", "political-donations", "-m", "請補充預算"], as: .citizen)
        let result = try h.nap(["publish", "v1", "-m", "x"], as: .govChair)
        #expect(result.status == 1)
        #expect(result.stderr.contains("2 inputs have no reasoned response"))
        #expect(result.stderr.contains("proposal political-donations (open) from 王向榮 (civil-society)"))
        #expect(result.stderr.contains("from 路人甲 (public) on proposal political-donations"))
        #expect(result.stderr.contains("nap respond"))
        #expect(try Self.tags(h).isEmpty)
        // Answered (and then merged), the cycle is complete.
        let show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        let comment = try #require((show["comments"] as? [[String: Any]])?.first?["id"] as? String)
        try h.ok(["respond", comment, "--disposition", "adopted-in-part", "-m", "預算將於里程碑中列明"], as: .ministry)
        try Self.answerApproveMerge(h, "political-donations")
        try h.ok(["publish", "v1", "-m", "x"], as: .govChair)
        #expect(try Self.tags(h) == "v1\n")
    }

    @Test func renderWritesTheReadersDocument() throws {
        let h = try Self.merged()
        try h.ok(["publish", "v1", "-m", "第一版"], as: .govChair)
        try h.ok(["render", "v1", "--format", "html", "-o", "plan.html"])
        let html = try String(contentsOfFile: h.plan + "/plan.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("修法要求大額政治獻金於收支後 20 日內申報"))
        #expect(html.contains("Amend the law so that large donations are reported within 20 days"))
        #expect(html.contains("v1"))
        let markdown = try h.ok(["render", "--lang", "zh-Hant"])
        #expect(markdown.hasPrefix("# 臺灣開放政府國家行動方案"))
        #expect(markdown.contains("| 主辦機關 | 內政部 |"))
        #expect(!markdown.contains("Ministry of the Interior"))
        let bad = try h.nap(["render", "--lang", "fr"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("not written in 'fr'"))
    }

    /// A proposal with a public comment whose response was revised, and a second comment left unanswered.
    static func discussed() throws -> (NapHarness, first: String, second: String) {
        let h = try ProposalCLITests.withProposal()
        let awkward = "請補充預算, 並說明 \"48 小時\" 的依據\n第二行 <script>x</script>"
        try h.ok(["comment", "political-donations", "-m", awkward], as: .citizen)
        try h.ok(["comment", "political-donations", "-m", "=SUM(A1) 也請公開捐贈者職業"], as: .citizen)
        let show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        let ids = (show["comments"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        try #require(ids.count == 2)
        try h.ok(["respond", ids[0], "--disposition", "deferred", "-m", "列為備選，待修法評估"], as: .ministry)
        try h.ok(["respond", ids[0], "--disposition", "adopted-in-part", "-m", "預算將於里程碑中列明"], as: .ministry)
        return (h, ids[0], ids[1])
    }

    @Test func responseReportListsEveryInputWithItsDisposition() throws {
        let (h, first, _) = try Self.discussed()
        let markdown = try h.ok(["report", "responses"])
        #expect(markdown.contains("# 回應說明報告 Reasoned-response report"))
        #expect(markdown.contains("political\\-donations") || markdown.contains("political-donations"))
        #expect(markdown.contains("提案 Proposal — 王向榮 (civil-society)"))
        #expect(markdown.contains("意見 Comment \(first.prefix(8)) — 路人甲 (public 民眾)"))
        #expect(markdown.contains("部分採納 adopted in part"))
        #expect(markdown.contains("> 預算將於里程碑中列明"))
        #expect(markdown.contains("Earlier response (revised):* 列為備選 deferred"))
        #expect(markdown.contains("尚無回應 no response yet"))
        #expect(markdown.contains("\\<script\\>"))
        let html = try h.ok(["report", "responses", "--format", "html"])
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(html.contains("部分採納 adopted in part"))
    }

    @Test func responseReportCSVParsesBack() throws {
        let (h, first, second) = try Self.discussed()
        try h.ok(["report", "responses", "--format", "csv", "-o", "responses.csv"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: h.plan + "/responses.csv"))
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let reader = "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
        let parsed = try run("/usr/bin/env", ["python3", "-c", reader, h.plan + "/responses.csv"], in: h.plan, environment: ProcessInfo.processInfo.environment)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String]])
        try #require(rows.count == 4)
        let header = rows[0]
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        #expect(try rows[1][column("kind")] == "proposal")
        #expect(try rows[1][column("disposition")] == "no response yet")
        #expect(try rows[1][column("sector")] == "civil-society")
        let comment = try #require(rows.first { $0.first == first })
        #expect(comment[try column("text")] == "請補充預算, 並說明 \"48 小時\" 的依據\n第二行 <script>x</script>")
        #expect(comment[try column("sector")] == "public")
        #expect(comment[try column("disposition")] == "adopted-in-part")
        #expect(comment[try column("reason")] == "預算將於里程碑中列明")
        #expect(comment[try column("earlier_responses")].hasPrefix("deferred ("))
        let unanswered = try #require(rows.first { $0.first == second })
        #expect(unanswered[try column("text")] == "'=SUM(A1) 也請公開捐贈者職業")
        #expect(unanswered[try column("disposition")] == "no response yet")
        #expect(unanswered[try column("response_required")] == "yes")
    }

    @Test func responseReportUpToAVersionLeavesOutLaterProposals() throws {
        let (h, _, _) = try Self.discussed()
        // Versions tagged with stock git at fixed times: one before every proposal, one after.
        for (name, date) in [("v0", "2001-01-01T00:00:00Z"), ("v9", "2099-01-01T00:00:00Z")] {
            let result = try h.sandbox.git(["tag", "-a", name, "-m", name, "main"], in: h.plan, env: ["GIT_COMMITTER_DATE": date])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let early = try #require(try JSONSerialization.jsonObject(with: Data(try h.ok(["report", "responses", "v0", "--format", "json"]).utf8)) as? [String: Any])
        #expect((early["inputs"] as? [Any])?.isEmpty == true)
        let late = try #require(try JSONSerialization.jsonObject(with: Data(try h.ok(["report", "responses", "v9", "--format", "json"]).utf8)) as? [String: Any])
        #expect((late["inputs"] as? [Any])?.count == 3)
        #expect(late["revision"] as? String == "v9")
    }

    /// Up to a version, the report is as it stood then: a comment given later is left out, and a response
    /// given later does not count yet.
    @Test func responseReportUpToAVersionLeavesOutLaterInputsAndResponses() throws {
        let (h, _, second) = try Self.discussed()
        let hour = { (hours: Double) in ISO8601DateFormatter().string(from: Date().addingTimeInterval(hours * 3600)) }
        let tagged = try h.sandbox.git(["tag", "-a", "vmid", "-m", "vmid", "main"], in: h.plan, env: ["GIT_COMMITTER_DATE": hour(1)])
        #expect(tagged.status == 0, "\(tagged.stderr)")
        let later = ["GIT_AUTHOR_DATE": hour(2)]
        try h.okAt(["comment", "political-donations", "-m", "版本之後的意見"], as: .citizen, env: later)
        try h.okAt(["respond", String(second.prefix(8)), "--disposition", "adopted", "-m", "版本之後才回應的理由"], as: .govChair, env: later)
        let now = try #require(try JSONSerialization.jsonObject(with: Data(try h.ok(["report", "responses", "--format", "json"]).utf8)) as? [String: Any])
        let mid = try #require(try JSONSerialization.jsonObject(with: Data(try h.ok(["report", "responses", "vmid", "--format", "json"]).utf8)) as? [String: Any])
        let nowInputs = try #require(now["inputs"] as? [[String: Any]])
        let midInputs = try #require(mid["inputs"] as? [[String: Any]])
        #expect(nowInputs.count == midInputs.count + 1)
        #expect(!midInputs.contains { ($0["text"] as? String) == "版本之後的意見" })
        let answered = { (inputs: [[String: Any]]) in inputs.first { ($0["id"] as? String) == second }?["response"] }
        #expect(answered(nowInputs) is [String: Any])
        #expect(answered(midInputs) == nil || answered(midInputs) is NSNull, "\(String(describing: answered(midInputs)))")
    }

    @Test func changesNameTheChangedCommitmentAndTheProposal() throws {
        let h = try NapHarness.founded()
        try h.ok(["publish", "v0", "-m", "論壇成立 The forum"], as: .govChair)
        try h.ok(["propose", "political-donations", "--title", "政治獻金再透明化"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment())
        try h.ok(["save", "-m", "新增承諾事項"], as: .wang)
        try Self.answerApproveMerge(h, "political-donations")
        try h.ok(["publish", "v1", "-m", "第一版"], as: .govChair)
        try h.ok(["propose", "shorter-deadlines", "--title", "縮短申報期限"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: "修法要求大額政治獻金於 10 日內申報，並於 24 小時內公開。"))
        try h.ok(["save", "-m", "縮短期限"], as: .wang)
        try Self.answerApproveMerge(h, "shorter-deadlines")
        try h.ok(["publish", "v2", "-m", "第二版"], as: .govChair)

        let json = try #require(try h.json(["changes", "v1", "v2"]) as? [String: Any])
        let changed = try #require(json["changed"] as? [[String: Any]])
        #expect(changed.count == 1)
        #expect(changed.first?["id"] as? String == "political-donations")
        #expect(changed.first?["proposals"] as? [String] == ["shorter-deadlines"])
        let sections = try #require(changed.first?["sections"] as? [[String: Any]])
        #expect(sections.count == 1)
        #expect(sections.first?["key"] as? String == "solution")
        #expect(sections.first?["language"] as? String == "zh-Hant")
        #expect(sections.first?["change"] as? String == "modified")
        #expect((json["added"] as? [Any])?.isEmpty == true)
        let proposals = try #require(json["proposals"] as? [[String: Any]])
        #expect(proposals.map { $0["slug"] as? String } == ["shorter-deadlines"])
        #expect(proposals.first?["title"] as? String == "縮短申報期限")
        #expect(proposals.first?["commitments"] as? [String] == ["political-donations"])

        let text = try h.ok(["changes", "v1", "v2"])
        #expect(text.contains("~ political-donations  政治獻金再透明化"))
        #expect(text.contains("sections: solution (zh-Hant)"))
        #expect(text.contains("by proposal: shorter-deadlines"))

        let first = try #require(try h.json(["changes", "v0", "v1"]) as? [String: Any])
        let added = try #require(first["added"] as? [[String: Any]])
        #expect(added.first?["id"] as? String == "political-donations")
        #expect(added.first?["proposals"] as? [String] == ["political-donations"])

        let backwards = try h.nap(["changes", "v2", "v1"])
        #expect(backwards.status == 1)
        #expect(backwards.stderr.contains("give the earlier version first"))
    }
}
