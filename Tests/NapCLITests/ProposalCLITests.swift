import Foundation
import NapTestSupport
import Testing

@Suite struct ProposalCLITests {
    /// A founded plan with an open proposal from civil society that adds the donations commitment.
    static func withProposal() throws -> NapHarness {
        let h = try NapHarness.founded()
        try h.ok(["propose", "political-donations", "--title", "政治獻金再透明化", "--description", "大額政治獻金即時公開"], as: .wang)
        try h.write("commitments/political-donations.md", donationCommitment())
        try h.ok(["save", "-m", "新增承諾事項：政治獻金再透明化"], as: .wang)
        return h
    }

    @Test func proposeRecordsTheAuthorAndSwitchesBranch() throws {
        let h = try Self.withProposal()
        #expect(try h.git(["symbolic-ref", "--short", "HEAD"]) == "proposal/political-donations\n")
        let list = try h.json(["proposals"]) as? [[String: Any]]
        let item = try #require(list?.first)
        #expect(item["slug"] as? String == "political-donations")
        #expect(item["state"] as? String == "open")
        #expect((item["author"] as? [String: Any])?["sector"] as? String == "civil-society")
        #expect(item["changed_commitments"] as? [String] == ["political-donations"])
        // The record is an orphan branch of event files that stock git reads.
        let files = try h.git(["ls-tree", "-r", "--name-only", "nap/record"]).split(separator: "\n")
        #expect(files.count == 2) // opened + revised by the save
        #expect(files.allSatisfy { $0.hasPrefix("proposals/") && $0.hasSuffix(".json") })
        #expect(try h.git(["log", "--format=%an", "nap/record"]).contains("王向榮"))
        try h.git(["fsck", "--strict", "--no-dangling"])
        let show = try h.json(["show", "political-donations"]) as? [String: Any]
        #expect((show?["revisions"] as? [Any])?.count == 2)
        let text = try h.ok(["show", "political-donations"])
        #expect(text.contains("政治獻金再透明化"))
        #expect(text.contains("waiting for the approval"))
    }

    @Test func badSlugsAreRefused() throws {
        let h = try NapHarness.founded()
        for slug in ["a..b", "/x", "x/", "has space", "tab\there", "ctl\u{1}x", "", "-x", "a/b"] {
            let result = try h.nap(["propose", slug, "--title", "t"])
            #expect(result.status != 0, "slug \(slug) was accepted")
        }
        #expect(try h.git(["for-each-ref", "refs/heads/proposal"]).isEmpty)
        try h.ok(["propose", "開放資料", "--title", "中文名稱可以"])
        let again = try h.nap(["propose", "開放資料", "--title", "again"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func proposingWithUncommittedChangesIsRefusedAndLosesNothing() throws {
        let h = try NapHarness.founded()
        try h.write("commitments/draft.md", "我的草稿")
        let result = try h.nap(["propose", "x", "--title", "x"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("uncommitted"))
        #expect(try h.read("commitments/draft.md") == "我的草稿")
        #expect(try h.git(["for-each-ref", "refs/heads/proposal"]).isEmpty)
        #expect((try? h.git(["rev-parse", "--verify", "-q", "nap/record"])) == nil)
    }

    @Test func aBranchPushedWithPlainGitIsListedAndCanBeAdopted() throws {
        let h = try NapHarness.founded()
        try h.git(["checkout", "-q", "-b", "proposal/from-forge"])
        try h.write("commitments/political-donations.md", donationCommitment())
        try h.git(["add", "-A"])
        try h.git(["commit", "-q", "-m", "plain git"])
        try h.git(["checkout", "-q", "main"])
        let list = try h.json(["proposals"]) as? [[String: Any]]
        #expect(list?.first?["slug"] as? String == "from-forge")
        #expect(list?.first?["has_record"] as? Bool == false)
        let comment = try h.nap(["comment", "from-forge", "-m", "hi"])
        #expect(comment.status == 1)
        #expect(comment.stderr.contains("--adopt-branch"))
        try h.ok(["propose", "from-forge", "--title", "From a forge", "--adopt-branch"], as: .wang)
        let adopted = try h.json(["proposals"]) as? [[String: Any]]
        #expect(adopted?.first?["has_record"] as? Bool == true)
        #expect(adopted?.first?["changed_commitments"] as? [String] == ["political-donations"])
    }

    @Test func plainGitCommitsAreRecordedAndForcedRewritesKeepTheOldHead() throws {
        let h = try Self.withProposal()
        let first = try h.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: "以 git commit 修改的新版本內容。"))
        try h.git(["commit", "-q", "-am", "plain commit"])
        try h.ok(["comment", "political-donations", "-m", "看到新版本了"], as: .citizen)
        var show = try h.json(["show", "political-donations"]) as? [String: Any]
        #expect((show?["revisions"] as? [Any])?.count == 3)
        // Rewrite the branch by force: back to the first head, then a different commit.
        try h.git(["reset", "-q", "--hard", first])
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: "改寫歷史的版本。"))
        try h.git(["commit", "-q", "-am", "rewritten"])
        try h.ok(["comment", "political-donations", "-m", "歷史被改寫了"], as: .citizen)
        show = try h.json(["show", "political-donations"]) as? [String: Any]
        let revisions = try #require(show?["revisions"] as? [[String: Any]])
        #expect(revisions.last?["rewritten"] as? Bool == true)
        let kept = try h.git(["for-each-ref", "--format=%(refname)", "refs/nap/kept/"])
        #expect(kept.contains("refs/nap/kept/political-donations/"))
    }

    @Test func diffMarksTheChangedCharactersOfALongChineseLine() throws {
        let h = try Self.withProposal()
        try h.ok(["switch", "main"])
        #expect(try h.git(["symbolic-ref", "--short", "HEAD"]) == "main\n")
        let diff = try h.ok(["diff", "political-donations", "--color", "never"])
        #expect(diff.contains("added: commitments/political-donations.md"))
        #expect(diff.contains("+  zh-Hant: 政治獻金再透明化"))
        // A later edit inside a long line shows as a character-level change.
        try h.ok(["switch", "political-donations"])
        try h.write("commitments/political-donations.md", donationCommitment(solutionZh: "修法要求大額政治獻金於收支後 10 日內申報，並由監察院於 24 小時內公開。"))
        try h.ok(["save", "-m", "縮短期限"], as: .wang)
        let hunks = try h.ok(["diff", "political-donations", "--color", "never"])
        #expect(hunks.contains("{+10+}") || hunks.contains("24"), "\(hunks)")
    }

    @Test func withdrawIsForTheAuthorOrACoChair() throws {
        let h = try Self.withProposal()
        let stranger = try h.nap(["withdraw", "political-donations", "-m", "no"], as: .citizen)
        #expect(stranger.status == 1)
        let noReason = try h.nap(["withdraw", "political-donations", "-m", "  "], as: .wang)
        #expect(noReason.status == 1)
        try h.ok(["withdraw", "political-donations", "-m", "併入其他提案"], as: .wang)
        let list = try h.json(["proposals", "--state", "withdrawn"]) as? [[String: Any]]
        #expect(list?.count == 1)
        #expect((try h.json(["proposals"]) as? [[String: Any]])?.isEmpty == true)
        let comment = try h.nap(["comment", "political-donations", "-m", "late"], as: .citizen)
        #expect(comment.status == 1)
    }

    @Test func proposalsAreNamedBySlugOrUniqueIdPrefix() throws {
        let h = try Self.withProposal()
        let list = try h.json(["proposals"]) as? [[String: Any]]
        let id = try #require(list?.first?["id"] as? String)
        let show = try h.json(["show", String(id.prefix(6))]) as? [String: Any]
        #expect(show?["slug"] as? String == "political-donations")
        let missing = try h.nap(["show", "nope"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no proposal named"))
    }

    @Test func twoProcessesCommentingAtOnceLoseNothing() throws {
        let h = try Self.withProposal()
        let group = DispatchGroup()
        final class Box: @unchecked Sendable { var failures = 0; let lock = NSLock() }
        let box = Box()
        for writer in 0..<2 {
            DispatchQueue.global().async(group: group) {
                for i in 0..<8 {
                    let result = try? h.nap(["comment", "political-donations", "-m", "writer \(writer) #\(i)"], as: .citizen)
                    if result?.status != 0 { box.lock.lock(); box.failures += 1; box.lock.unlock() }
                }
            }
        }
        group.wait()
        #expect(box.failures == 0)
        let show = try h.json(["show", "political-donations"]) as? [String: Any]
        #expect((show?["comments"] as? [Any])?.count == 16)
        try h.git(["fsck", "--strict", "--no-dangling"])
    }
}
