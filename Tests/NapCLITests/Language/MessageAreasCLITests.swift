import Foundation
import NapTestSupport
import Testing

/// The areas whose texts became messages last: `nap verify`'s findings, quarantine reasons, import problems
/// and the field names inside validation messages, in Chinese in the real CLI (and on the site), with
/// `--json` the same bytes in both languages.
@Suite struct MessageAreasCLITests {
    /// The same command's `--json` in Chinese and in English: byte for byte the same.
    static func expectSameJSON(_ h: NapHarness, _ arguments: [String], as person: Person = .founder,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let chinese = try h.nap(["--lang", "zh-Hant"] + arguments, as: person)
        let english = try h.nap(arguments, as: person)
        #expect(chinese.status == english.status, sourceLocation: sourceLocation)
        #expect(!chinese.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(chinese.stdout == english.stdout, "\(arguments): the JSON differs by language", sourceLocation: sourceLocation)
    }

    /// A founded plan with a commit made straight on main, past the gate.
    static func bypassed(_ name: String) throws -> (NapHarness, String) {
        let h = try NapHarness.founded(name)
        try h.write("GOVERNANCE.md", try h.read("GOVERNANCE.md") + "\n偷偷加上的規則\n")
        try h.git(["-c", "user.name=內政部民政司", "-c", "user.email=moi@gov.example", "commit", "-qam", "Quick fix"])
        return (h, try h.git(["rev-parse", "main"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func verifyFindingsAreChineseAndTheirJSONIsNot() throws {
        let (h, direct) = try Self.bypassed("areas-verify")
        let chinese = try h.nap(["--lang", "zh-Hant", "verify"])
        #expect(chinese.status == 1)
        #expect(chinese.stdout.contains("的提交 \(direct.prefix(10))（"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("繞過了合併條件：直接提交到 main，而不是由兩位共同主席都核可的提案合併而來"), "\(chinese.stdout)")
        #expect(!chinese.stdout.contains("bypassed the gate"), "\(chinese.stdout)")
        let english = try h.nap(["verify"])
        #expect(english.stdout.contains("bypassed the gate: committed directly on main, not merged from a proposal both co-chairs approved"))
        try Self.expectSameJSON(h, ["verify", "--json"])
        let json = try h.nap(["--lang", "zh-Hant", "verify", "--json"])
        #expect(json.stdout.contains("bypassed the gate: committed directly on main"), "\(json.stdout)")
    }

    @Test func theSiteShowsVerifyFindingsInThePagesLanguage() throws {
        let (h, _) = try Self.bypassed("areas-site")
        let site = h.sandbox.path("site")
        try h.ok(["site", "-o", site])
        let chinese = String(decoding: try Data(contentsOf: URL(fileURLWithPath: site + "/zh-Hant/verify.html")), as: UTF8.self)
        let english = String(decoding: try Data(contentsOf: URL(fileURLWithPath: site + "/en/verify.html")), as: UTF8.self)
        #expect(chinese.contains("繞過了合併條件"), "\(chinese)")
        #expect(!chinese.contains("bypassed the gate"))
        #expect(english.contains("bypassed the gate: committed directly on main"))
    }

    @Test func quarantineReasonsAreChineseAndTheirJSONIsNot() throws {
        let h = try MergeCLITests.ready()
        let id = try #require(try HostileRecordTests.show(h)["id"] as? String)
        let head = try h.git(["rev-parse", "proposal/political-donations"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // A merge recorded by someone who is not a member: kept in the record, ignored.
        let forged = try RecordForger(path: h.plan).add(try RecordForger.event([
            "type": "merged", "proposal": id, "commit": String(repeating: "0", count: 40), "head": head, "clock": 1,
            "time": HostileRecordTests.now(),
        ]), proposal: id)
        let chinese = try h.nap(["--lang", "zh-Hant", "show", "political-donations"])
        #expect(chinese.status == 0, "\(chinese.stderr)")
        #expect(chinese.stdout.contains("已略過"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("記錄的合併，而此人在"), "\(chinese.stdout)")
        #expect(!chinese.stdout.contains("a merge recorded by"), "\(chinese.stdout)")
        let english = try h.nap(["show", "political-donations"])
        #expect(english.stdout.contains("a merge recorded by"), "\(english.stdout)")
        try Self.expectSameJSON(h, ["show", "political-donations", "--json"])
        let json = try h.nap(["--lang", "zh-Hant", "show", "political-donations", "--json"])
        #expect(json.stdout.contains(forged) && json.stdout.contains("a merge recorded by"), "\(json.stdout)")
        // nap verify lists it as a notice, in Chinese too.
        let verify = try h.nap(["--lang", "zh-Hant", "verify"])
        #expect(verify.stdout.contains("記錄的合併，而此人在"), "\(verify.stdout)")
        try Self.expectSameJSON(h, ["verify", "--json"])
    }

    @Test func importProblemsAreChineseAndTheirJSONIsNot() throws {
        let h = try ImportCLITests.withProposal("areas-import")
        // One row without its author, one with a date that is not one.
        try h.write("../join.csv", "編號,標題,內容,提議人,日期,網址\n"
                    + "2024-0701,標題一,內容一,,2024-07-01,\n"
                    + "2024-0702,標題二,內容二,王小明,明天,\n")
        let arguments = ["import", "public-input", h.sandbox.path("join.csv"), "--proposal", "political-donations", "--source", "join", "--dry-run"]
        let chinese = try h.nap(["--lang", "zh-Hant"] + arguments, as: .secretariat)
        #expect(chinese.stderr.contains("第 2 行、「提議人」欄：作者姓名是空的；意見必須是具名者的發言"), "\(chinese.stderr)")
        #expect(chinese.stderr.contains("「明天」不是日期"), "\(chinese.stderr)")
        #expect(!chinese.stderr.contains("the author's name is empty"), "\(chinese.stderr)")
        let english = try h.nap(arguments, as: .secretariat)
        #expect(english.stderr.contains("the author's name is empty; an input is the words of someone named"), "\(english.stderr)")
        try Self.expectSameJSON(h, arguments + ["--json"], as: .secretariat)
    }

    @Test func fieldNamesInValidationMessagesAreChinese() throws {
        let h = try NapHarness.founded("areas-fields")
        try h.ok(["commitment", "new", "1-1", "--title-zh", "完備政府資料開放與再利用制度", "--title-en", "Open data and its reuse"])
        let chinese = try h.nap(["--lang", "zh-Hant", "validate"])
        #expect(chinese.status == 1)
        // The issue's own example, now Chinese from end to end.
        #expect(chinese.stdout.contains("主辦機關 1 沒有 zh-Hant 文字"), "\(chinese.stdout)")
        #expect(!chinese.stdout.contains("lead institution"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("里程碑 1：產出（可查核的成果） 沒有 zh-Hant 文字"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("請寫出承諾事項的簡要說明"), "\(chinese.stdout)")
        let english = try h.nap(["validate"])
        #expect(english.stdout.contains("lead institution 1 has no zh-Hant text"), "\(english.stdout)")
        try Self.expectSameJSON(h, ["validate", "--json"])
    }
}
