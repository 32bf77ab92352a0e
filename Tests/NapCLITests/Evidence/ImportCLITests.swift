import Foundation
import NapTestSupport
import Testing

/// `nap import public-input` on real plans with real files: a JOIN-like export in zh-Hant with a
/// byte-order mark and quoted line breaks, attributed to the people who gave the input and not the
/// member who typed the command, idempotent, and owed reasoned responses.
@Suite struct ImportCLITests {
    /// A JOIN-like export: BOM, CRLF, a quoted field holding a line break, a date in the ROC calendar.
    static let joinExport = "\u{FEFF}編號,標題,內容,提議人,日期,網址\r\n"
        + "2024-0611,政治獻金即時公開,\"希望政治獻金可以即時公開，\r\n讓選民在投票前看到。\",王小明,113/06/11,https://join.gov.tw/idea/detail/2024-0611\r\n"
        + "2024-0612,會議紀錄公開,\"請公開「諮詢會議」的逐字稿, 並附上簡報\",陳大文,2024-06-12 09:30,\r\n"

    static func withProposal(_ name: String) throws -> NapHarness {
        let h = try NapHarness.foundedWithProcess(name)
        try h.ok(["propose", "political-donations", "--title", "政治獻金再透明化"], as: .wang)
        try h.ok(["switch", "main"])
        return h
    }

    @Test func rowsBecomeCommentsByThePeopleWhoGaveThem() throws {
        let h = try Self.withProposal("import-comments")
        try h.write("../join.csv", Self.joinExport)
        let out = try h.object(["import", "public-input", h.sandbox.path("join.csv"), "--proposal", "political-donations", "--source", "join"],
                               as: .secretariat)
        #expect((out["imported"] as? [[String: Any]])?.map { $0["line"] as? Int } == [2, 4])
        #expect(((out["recorded_by"] as? [String: Any])?["member"]) as? String == "ndc-staff")
        let show = try h.object(["show", "political-donations"])
        let comments = try #require(show["comments"] as? [[String: Any]])
        #expect(comments.count == 2)
        let first = try #require(comments.first)
        let author = try #require(first["author"] as? [String: Any])
        #expect(author["name"] as? String == "王小明" && author["sector"] as? String == "public" && author["email"] as? String == "")
        #expect(author["member"] == nil || author["member"] is NSNull)
        #expect(first["public_input"] as? Bool == true)
        #expect(first["body"] as? String == "政治獻金即時公開\n\n希望政治獻金可以即時公開，\n讓選民在投票前看到。")
        let source = try #require(first["source"] as? [String: Any])
        #expect(source["platform"] as? String == "join" && source["id"] as? String == "2024-0611")
        #expect(source["url"] as? String == "https://join.gov.tw/idea/detail/2024-0611")
        #expect(source["submitted"] as? String == "2024-06-10T16:00:00Z", "113/06/11 is 2024-06-11 in Taiwan time")
        #expect(((first["recorded_by"] as? [String: Any])?["member"]) as? String == "ndc-staff")
        // Owed a response like any input from the public, listed as via JOIN.
        let owed = try #require(show["owed_responses"] as? [[String: Any]])
        #expect(owed.count == 3, "the proposal (civil society) and both imported comments: \(owed)")
        #expect(try h.ok(["show", "political-donations"]).contains("王小明 (public) via JOIN (imported by 國發會秘書處)"))
        let report = try h.ok(["report", "responses", "--format", "csv"])
        #expect(report.contains(",join,2024-0611,https://join.gov.tw/idea/detail/2024-0611,2024-06-10T16:00:00Z"), "\(report)")
        #expect(try h.ok(["report", "responses"]).contains("王小明 (via JOIN)"))
        // Attribution tells the people apart though neither has an address, and neither is the importer.
        let people = try #require(try h.object(["attribution"])["people"] as? [[String: Any]])
        let publicNames = people.filter { $0["sector"] as? String == "public" }.compactMap { $0["name"] as? String }
        #expect(Set(publicNames) == ["王小明", "陳大文"], "\(people)")
        // Stock git: one record commit by the importing member, the event's author without an address.
        #expect(try h.git(["log", "-1", "--format=%ae %s", "refs/heads/nap/record"]) == "secretariat@ndc.gov.example Import 2 inputs from JOIN on proposal political-donations\n")
        let files = try h.git(["show", "--name-only", "--format=", "refs/heads/nap/record"]).split(separator: "\n")
        let event = try h.git(["show", "refs/heads/nap/record:" + String(try #require(files.first))])
        #expect(event.contains("\"recorded-by\"") && event.contains("\"platform\" : \"join\"") && event.contains("\"email\" : \"\""), "\(event)")
        _ = try h.git(["fsck", "--strict", "--no-dangling"])
    }

    @Test func reimportingTheSameFileImportsNothingTwice() throws {
        let h = try Self.withProposal("import-idempotent")
        try h.write("../join.csv", Self.joinExport)
        try h.ok(["import", "public-input", h.sandbox.path("join.csv"), "--proposal", "political-donations"], as: .secretariat)
        let record = try h.recordHead()
        let again = try h.object(["import", "public-input", h.sandbox.path("join.csv"), "--proposal", "political-donations"], as: .ministry)
        #expect((again["imported"] as? [Any])?.count == 0)
        #expect((again["already_imported"] as? [[String: Any]])?.map { $0["line"] as? Int } == [2, 4])
        #expect(try h.recordHead() == record, "nothing written")
        // A later export with one more row imports that row only, even into new proposals.
        try h.write("../join.csv", Self.joinExport + "2024-0613,開放資料標準,建議訂定開放資料標準,林小華,2024-06-13,\r\n")
        let more = try h.object(["import", "public-input", h.sandbox.path("join.csv"), "--new-proposals"], as: .secretariat)
        #expect((more["imported"] as? [[String: Any]])?.map { $0["proposal"] as? String } == ["join-2024-0613"])
        #expect((more["already_imported"] as? [Any])?.count == 2)
    }

    @Test func newProposalsGetACommitmentSkeletonAndThePublicAsAuthor() throws {
        let h = try NapHarness.foundedWithProcess("import-proposals")
        try h.write("../join.csv", Self.joinExport)
        let dry = try h.object(["import", "public-input", h.sandbox.path("join.csv"), "--new-proposals", "--dry-run"], as: .secretariat)
        #expect(dry["dry_run"] as? Bool == true && (dry["imported"] as? [Any])?.count == 2)
        #expect(try h.recordHead() == "none")
        #expect(try h.git(["branch", "--list", "proposal/*"]).isEmpty)
        try h.ok(["import", "public-input", h.sandbox.path("join.csv"), "--new-proposals"], as: .secretariat)
        let listed = try #require(try h.json(["proposals"]) as? [[String: Any]])
        #expect(Set(listed.compactMap { $0["slug"] as? String }) == ["join-2024-0611", "join-2024-0612"])
        let show = try h.object(["show", "join-2024-0611"])
        #expect(((show["author"] as? [String: Any])?["name"]) as? String == "王小明")
        #expect(((show["author"] as? [String: Any])?["sector"]) as? String == "public")
        // The branch holds a commitment skeleton with the title; validation lists what is left to write.
        let skeleton = try h.git(["show", "proposal/join-2024-0611:commitments/join-2024-0611.md"])
        #expect(skeleton.contains("zh-Hant: 政治獻金即時公開"), "\(skeleton.prefix(400))")
        // The importing member cannot withdraw it as its author; a co-chair can.
        let withdraw = try h.nap(["withdraw", "join-2024-0611", "-m", "重複提案"], as: .secretariat)
        #expect(withdraw.status == 1)
        try h.ok(["withdraw", "join-2024-0611", "-m", "與既有承諾重複，併入 political-donations"], as: .govChair)
    }

    @Test func aNonMemberCannotImport() throws {
        let h = try Self.withProposal("import-non-member")
        try h.write("../join.csv", Self.joinExport)
        let before = try h.recordHead()
        let result = try h.nap(["import", "public-input", h.sandbox.path("join.csv"), "--proposal", "political-donations"], as: .citizen)
        #expect(result.status == 1 && result.stderr.contains("is not a member in members.yml on main"), "\(result.stderr)")
        #expect(try h.recordHead() == before)
        let usage = try h.nap(["import", "public-input", h.sandbox.path("join.csv")], as: .secretariat)
        #expect(usage.status == 64 && usage.stderr.contains("either --proposal SLUG or --new-proposals"), "\(usage.stderr)")
    }

    @Test func columnsAreMappedForOtherExports() throws {
        let h = try Self.withProposal("import-map")
        try h.write("../other.csv", "序號,意見內容,姓名\n17,期程太長,張三\n")
        let missing = try h.nap(["import", "public-input", h.sandbox.path("other.csv"), "--proposal", "political-donations", "--source", "consult"], as: .secretariat)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("line 1 has no column for author (column 'author'), body (column 'body'), id (column 'id'); its columns are 序號, 意見內容, 姓名"), "\(missing.stderr)")
        let out = try h.object(["import", "public-input", h.sandbox.path("other.csv"), "--proposal", "political-donations", "--source", "consult",
                                "--map", "id=序號,body=意見內容,author=姓名"], as: .secretariat)
        #expect(((out["imported"] as? [[String: Any]])?.first?["source"] as? [String: Any])?["platform"] as? String == "consult")
        let bad = try h.nap(["import", "public-input", h.sandbox.path("other.csv"), "--proposal", "political-donations", "--map", "text=意見內容"], as: .secretariat)
        #expect(bad.status == 1 && bad.stderr.contains("'text' is not a field"), "\(bad.stderr)")
    }
}
