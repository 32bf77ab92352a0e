import Foundation
import NapTestSupport
import Testing

@Suite struct FoundationCLITests {
    @Test func initCreatesAPlanThatStockGitReads() throws {
        let h = try NapHarness()
        try h.ok(["init", h.plan, "--title-zh", "臺灣開放政府國家行動方案", "--title-en", "Taiwan OGP plan", "--period", "2025-01..2028-12"], plan: false)
        let files = try h.git(["ls-tree", "-r", "--name-only", "main"])
        #expect(files.contains("plan.yml"))
        #expect(files.contains("members.yml"))
        #expect(files.contains("GOVERNANCE.md"))
        #expect(try h.git(["log", "--format=%an <%ae>", "main"]) == "創始人 Founder <founder@example.org>\n")
        try h.git(["fsck", "--strict", "--no-dangling"])
        #expect(try h.read("plan.yml").contains("臺灣開放政府國家行動方案"))
        #expect(try h.git(["status", "--porcelain"]).isEmpty)
    }

    @Test func newPlanReportsOnlyTheMissingCoChairsThenPasses() throws {
        let h = try NapHarness()
        try h.ok(["init", h.plan, "--period", "2025-01..2028-12"], plan: false)
        let first = try h.nap(["validate"])
        #expect(first.status == 1)
        let errors = first.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "\(first.stdout)")
        #expect(errors.allSatisfy { $0.hasPrefix("members.yml:") && $0.contains("co-chair") })
        try h.ok(["member", "add", "ndc-chair", "--name", "國發會主委", "--email", "chair@ndc.gov.example", "--sector", "government", "--role", "co-chair"])
        try h.ok(["member", "add", "civil-chair", "--name", "民間共同主席", "--email", "chair@civil.example", "--sector", "civil-society", "--role", "co-chair"])
        let second = try h.nap(["validate"])
        #expect(second.status == 0, "\(second.stdout)")
        let json = try h.json(["validate"]) as? [String: Any]
        #expect(json?["valid"] as? Bool == true)
    }

    @Test func initRefusesAFolderWithFilesAndChangesNothing() throws {
        let h = try NapHarness()
        try FileManager.default.createDirectory(atPath: h.plan, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: h.plan + "/notes.txt"))
        let result = try h.nap(["init", h.plan], plan: false)
        #expect(result.status == 1)
        #expect(result.stderr.contains("not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: h.plan) == ["notes.txt"])
        // A folder that already holds a plan.
        let other = try NapHarness()
        try other.ok(["init", other.plan], plan: false)
        let again = try other.nap(["init", other.plan], plan: false)
        #expect(again.status == 1)
        #expect(try other.git(["rev-list", "--count", "main"]) == "1\n")
    }

    @Test func memberAddRefusesDuplicatesAndASecondCoChair() throws {
        let h = try NapHarness.founded()
        let before = try h.read("members.yml")
        let duplicate = try h.nap(["member", "add", "g0v-wang", "--name", "X", "--email", "x@example.org", "--sector", "academia"])
        #expect(duplicate.status == 1)
        let email = try h.nap(["member", "add", "other", "--name", "X", "--email", "WANG@g0v.example", "--sector", "academia"])
        #expect(email.status == 1)
        let chair = try h.nap(["member", "add", "chair2", "--name", "Y", "--email", "y@gov.example", "--sector", "government", "--role", "co-chair"])
        #expect(chair.status == 1)
        #expect(chair.stderr.contains("co-chair"))
        let badSector = try h.nap(["member", "add", "z", "--name", "Z", "--email", "z@example.org", "--sector", "media"])
        #expect(badSector.status == 64)
        #expect(try h.read("members.yml") == before)
        let list = try h.json(["member", "list"]) as? [[String: Any]]
        #expect(list?.count == 4)
        #expect(list?.first?["sector"] as? String == "government")
    }

    @Test func saveOnMainIsRefusedOnceTheForumIsFounded() throws {
        let h = try NapHarness.founded()
        try h.write("commitments/x.md", "draft")
        let result = try h.nap(["save", "-m", "direct"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("only through a proposal"))
        #expect(try h.read("commitments/x.md") == "draft")
    }

    @Test func commitmentNewWritesATemplateThatValidationExplains() throws {
        let h = try NapHarness.founded()
        let out = try h.ok(["commitment", "new", "1-1", "--title-zh", "完備政府資料開放與再利用制度", "--title-en", "Open data and its reuse"])
        #expect(out.contains("commitments/1-1.md"))
        let validation = try h.nap(["validate"])
        #expect(validation.status == 1)
        #expect(validation.stdout.contains("commitments/1-1.md:"))
        let list = try h.json(["commitment", "list"]) as? [[String: Any]]
        #expect(list?.first?["id"] as? String == "1-1")
        let bad = try h.nap(["commitment", "new", "../evil", "--title-zh", "x", "--title-en", "x"])
        #expect(bad.status == 1)
        let again = try h.nap(["commitment", "new", "1-1", "--title-zh", "x", "--title-en", "x"])
        #expect(again.status == 1)
    }

    @Test func validateReportsBrokenYAMLWithItsPosition() throws {
        let h = try NapHarness.founded()
        try h.write("plan.yml", "format: 1\ntitle: [unclosed\n")
        let result = try h.nap(["validate"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("plan.yml:"))
        // A committed revision validates independently of the working tree.
        #expect(try h.nap(["validate", "main"]).status == 0)
    }

    @Test func worksFromASubfolderAndWithDashC() throws {
        let h = try NapHarness.founded()
        try FileManager.default.createDirectory(atPath: h.plan + "/commitments/deep", withIntermediateDirectories: true)
        let result = try h.nap(["member", "list"], in: h.plan + "/commitments/deep")
        #expect(result.status == 0)
        #expect(result.stdout.contains("g0v-wang"))
        let outside = try h.nap(["proposals"], in: h.sandbox.root.path)
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("not a plan"))
    }

    @Test func versionAndHelp() throws {
        let h = try NapHarness()
        let version = try h.nap(["--version"], plan: false)
        #expect(version.status == 0)
        #expect(version.stdout.contains("libgit2 1."))
        let help = try h.nap(["--help"], plan: false)
        #expect(help.stdout.contains("Examples:"))
        let usage = try h.nap(["no-such-command"], plan: false)
        #expect(usage.status == 64)
    }
}

@Suite struct TranslationCLITests {
    @Test func staleTranslationsAreDetectedAndMarkedUpToDate() throws {
        let h = try ProposalCLITests.withProposal()
        let before = try #require(try h.json(["validate"]) as? [String: Any])
        #expect(before["errors"] as? Int == 0)
        #expect((before["warnings"] as? Int ?? 0) > 0, "translations without source= are flagged")
        let out = try h.ok(["commitment", "translated", "political-donations"])
        #expect(out.contains("up to date"))
        let marked = try #require(try h.json(["validate"]) as? [String: Any])
        #expect(marked["warnings"] as? Int == 0)
        // The Chinese text changes: the English translation is now stale.
        let text = try h.read("commitments/political-donations.md").replacingOccurrences(of: "監察院已建置政治獻金公開查閱平台。", with: "監察院已建置平台，並於 2024 年改版。")
        try h.write("commitments/political-donations.md", text)
        let stale = try h.ok(["validate"])
        #expect(stale.contains("warning:"))
        #expect(stale.contains("background"))
        #expect(try h.nap(["commitment", "translated", "political-donations", "--section", "nope"]).status == 1)
    }
}
