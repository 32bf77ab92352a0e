import Foundation
import NapTestSupport
import Testing

/// `nap site` on a realistic plan: two proposals from two sectors, a hostile public comment anchored to
/// lines, responses, approvals, a merge, a published version, an open proposal.
@Suite struct SiteCLITests {
    static let mallory = Person(name: "Mallory & Co \"quote\" 'x'", email: "mallory@evil.example")
    static let hostile = """
        <script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>
        ![p](javascript:alert(3)) <a href="javascript:alert(4)">a</a> write to wang@g0v.example
        """

    /// The plan: political-donations merged and published as v1, open-data open with a comment.
    static func plan() throws -> NapHarness {
        let h = try ProposalCLITests.withProposal()
        try h.ok(["comment", "political-donations", "--on", "commitments/political-donations.md:30-31", "-m", hostile], as: mallory)
        try h.ok(["comment", "political-donations", "-m", "可先從平台改版做起。"], as: .civilChair)
        let show = try #require(try h.json(["show", "political-donations"]) as? [String: Any])
        let comments = try #require(show["comments"] as? [[String: Any]])
        for comment in comments {
            let id = try #require(comment["id"] as? String)
            try h.ok(["respond", String(id.prefix(8)), "--disposition", "adopted-in-part", "-m", "平台改版先行 <em>ok</em>"], as: .ministry)
        }
        try PublishCLITests.answerApproveMerge(h, "political-donations")
        try h.ok(["publish", "v1", "-m", "第一版 First version"], as: .govChair)
        try h.ok(["switch", "main"], as: .ministry)
        try h.ok(["propose", "open-data", "--title", "Open data", "--description", "More datasets."], as: .ministry)
        try h.write("commitments/open-data.md", donationCommitment(id: "open-data"))
        try h.ok(["save", "-m", "Add open data"], as: .ministry)
        try h.ok(["comment", "open-data", "-m", "Which datasets?"], as: .wang)
        return h
    }

    /// Every file of a site folder, by path (the writer's list left out).
    static func files(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath()
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let path = String(url.resolvingSymlinksInPath().path.dropFirst(root.path.count + 1))
            guard path != ".nap-site" else { continue }
            result[path] = try Data(contentsOf: url)
        }
        return result
    }

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    @Test func theSiteIsDeterministicIncrementalAndComplete() throws {
        let h = try Self.plan()
        let first = h.sandbox.path("site-a"), second = h.sandbox.path("site-b")
        let out = try h.ok(["site", "-o", first])
        #expect(out.contains("files written"))
        try h.ok(["site", "-o", second], as: .citizen)
        let a = try Self.files(first), b = try Self.files(second)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b, "two builds differ: \(a.keys.filter { a[$0] != b[$0] }.sorted())")
        for page in ["index.html", "assets/site.css", "sitemap.xml", "zh-Hant/index.html", "en/index.html",
                     "en/commitments/political-donations.html", "zh-Hant/proposals/political-donations.html",
                     "en/proposals/open-data.html", "en/proposals/open.html", "en/proposals/merged.html", "en/proposals/withdrawn.html",
                     "en/proposals/sector-government.html", "en/proposals/sector-civil-society.html", "en/versions/index.html",
                     "en/versions/v1.html", "en/responses.html", "en/responses/political-donations.html",
                     "zh-Hant/responses/open-data.html", "en/forum.html",
                     "en/participate.html", "en/verify.html", "en/accessibility.html", "en/feed.atom", "zh-Hant/feed.atom",
                     "downloads/responses.csv", "downloads/responses.json", "downloads/plan-v1.html", "downloads/plan-v1.md"] {
            #expect(a[page] != nil, "\(page) is missing")
        }
        // The feed: newest first, each response linked to the comment it answers.
        let feed = Self.text(try #require(a["en/feed.atom"]))
        let updated = feed.components(separatedBy: "<entry>").dropFirst().compactMap { entry in
            entry.range(of: "<updated>").flatMap { start in entry[start.upperBound...].components(separatedBy: "</updated>").first }
        }
        #expect(updated.count >= 5 && updated == updated.sorted(by: >), "\(updated)")
        #expect(feed.components(separatedBy: "proposals/political-donations.html#comment-").count - 1 == 2, "\(feed)")
        // Nothing changed: nothing is written, nor even rendered (every file has a key).
        let again = try h.ok(["site", "-o", first])
        #expect(again.contains(": 0 files written, \(a.count) unchanged (\(a.count) not rendered again)"), "\(again)")

        // One new comment on open-data: only the pages that show it change.
        let before = try Self.files(first)
        try h.ok(["comment", "open-data", "-m", "請公開資料集清單。"], as: .citizen)
        try h.ok(["site", "-o", first])
        let after = try Self.files(first)
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(changed.contains("en/proposals/open-data.html") && changed.contains("zh-Hant/proposals/open-data.html"))
        let allowed: Set<String> = Set(["en", "zh-Hant"].flatMap { language in
            ["proposals/open-data.html", "proposals/index.html", "proposals/open.html", "proposals/sector-government.html",
             "index.html", "responses.html", "responses/open-data.html", "verify.html"].map { language + "/" + $0 }
        } + ["downloads/responses.csv", "downloads/responses.json",
             // The rendered plan's "how the plan was developed" section counts the input received so far.
             "downloads/plan-v1.html", "downloads/plan-v1.md"])
        #expect(changed.isSubset(of: allowed), "rewritten beyond the pages that show the comment: \(changed.subtracting(allowed).sorted())")
        #expect(!changed.contains("en/proposals/political-donations.html") && !changed.contains("en/responses/political-donations.html"))
        #expect(changed.contains("en/responses/open-data.html") && changed.contains("downloads/responses.json"))
        #expect(after.count == before.count)

        // The JSON download, streamed an input at a time, is one document with every input of the report.
        let reportText = try h.ok(["report", "responses", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(reportText.utf8)) as? [String: Any])
        let downloadData = try #require(after["downloads/responses.json"])
        let download = try #require(try JSONSerialization.jsonObject(with: downloadData) as? [String: Any])
        let expected = try #require(report["inputs"] as? [[String: Any]]), inputs = try #require(download["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["id"] as? String } == expected.map { $0["id"] as? String })
        for (input, original) in zip(inputs, expected) where !((original["text"] as? String) ?? "").contains("@") {
            #expect(input["text"] as? String == original["text"] as? String)
            #expect((input["author"] as? [String: Any])?["name"] as? String == (original["author"] as? [String: Any])?["name"] as? String)
        }

        // A second comment by the same person (no new address to hide): the listings that do not show
        // open-data (merged, withdrawn, the other sectors') are not rendered again, and the folder still
        // equals a build from scratch.
        try h.ok(["comment", "open-data", "-m", "也請列出更新頻率。"], as: .citizen)
        let again2 = try h.ok(["site", "-o", first])
        let numbers = try #require(again2.firstMatch(of: /(\d+) files written, (\d+) unchanged \((\d+) not rendered again\)/))
        let rendered = try #require(Int(numbers.1)) + #require(Int(numbers.2)) - #require(Int(numbers.3))
        // The comment's own pages and the pages of the whole record (home, feed, report index and
        // downloads, process, verification) in both languages: 24; keyed by the whole record, the
        // listings made it 30.
        #expect(rendered <= 24, "\(again2)")
        let scratch = h.sandbox.path("site-c")
        try h.ok(["site", "-o", scratch])
        let incremental = try Self.files(first), whole = try Self.files(scratch)
        #expect(incremental == whole, "the rebuilt folder differs from a whole build: \(whole.keys.filter { incremental[$0] != whole[$0] }.sorted())")
    }

    @Test func noParticipantAddressEverReachesTheSiteAndHostileTextIsEscaped() throws {
        let h = try Self.plan()
        let folder = h.sandbox.path("site")
        try h.ok(["site", "-o", folder])
        let site = try Self.files(folder)
        let participants = [Person.govChair, .civilChair, .wang, .ministry, .citizen, .founder, Self.mallory].map { $0.email.lowercased() }
        let published = ["contact@moi.gov.example"]
        let address = try NSRegularExpression(pattern: "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")
        for (path, data) in site {
            let text = Self.text(data)
            let lower = text.lowercased()
            for email in participants { #expect(!lower.contains(email), "\(path) shows \(email)") }
            for match in address.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let found = (text as NSString).substring(with: match.range)
                #expect(published.contains(found), "\(path) shows the address \(found)")
            }
            guard path.hasSuffix(".html") else { continue }
            #expect(!lower.contains("<script"), "\(path) has a script")
            #expect(!lower.contains("javascript:alert") || !lower.contains("href=\"javascript"), "\(path) links to javascript:")
            #expect(!lower.contains("href=\"javascript"), "\(path) links to javascript:")
            #expect(!lower.contains("<img"), "\(path) has an image from a comment")
            let handler = try NSRegularExpression(pattern: "<[a-z][^>]*\\son[a-z]+\\s*=", options: [.caseInsensitive])
            #expect(handler.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(path) has an event handler attribute")
            #expect(!text.contains("<em>ok</em>"), "\(path) shows a reason as markup")
        }
        let page = Self.text(try #require(site["en/proposals/political-donations.html"]))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("Mallory &amp; Co &quot;quote&quot; &#39;x&#39;"))
        #expect(page.contains("[email hidden]"))
        // The hostile comment stands beside lines 30–31 of the commitment.
        #expect(page.contains("class=\"block with-threads\""))
    }

    @Test func everyLinkIsRelativeAndLeadsToAFileOfTheSite() throws {
        let h = try Self.plan()
        let folder = h.sandbox.path("site")
        try h.ok(["site", "-o", folder])
        let site = try Self.files(folder)
        let link = try NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
        var checked = 0
        for (path, data) in site where path.hasSuffix(".html") && !path.hasPrefix("downloads/") {
            let text = Self.text(data)
            for match in link.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let target = (text as NSString).substring(with: match.range(at: 1))
                #expect(!target.hasPrefix("/"), "\(path): \(target) is not relative")
                if target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasPrefix("mailto:") || target.hasPrefix("#") { continue }
                let file = String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                let resolved = URL(fileURLWithPath: folder + "/" + path).deletingLastPathComponent().appendingPathComponent(file).standardizedFileURL.path
                #expect(FileManager.default.fileExists(atPath: resolved), "\(path): \(target) leads nowhere")
                checked += 1
            }
        }
        #expect(checked > 500)
        // Without --base-url the sitemap lists relative paths; with it, absolute URLs.
        #expect(Self.text(try #require(site["sitemap.xml"])).contains("<loc>en/index.html</loc>"))
        try h.ok(["site", "-o", folder, "--base-url", "https://ogp.example.gov.tw/plan"])
        let sitemap = Self.text(try Data(contentsOf: URL(fileURLWithPath: folder + "/sitemap.xml")))
        #expect(sitemap.contains("<loc>https://ogp.example.gov.tw/plan/en/index.html</loc>"))
        #expect(!sitemap.contains("<loc>en/"))
    }

    @Test func aFolderNapSiteDidNotWriteIsRefusedAndOldPagesAreRemoved() throws {
        let h = try Self.plan()
        let folder = h.sandbox.path("elsewhere")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        let refused = try h.nap(["site", "-o", folder])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not written by nap site"))
        #expect(FileManager.default.fileExists(atPath: folder + "/notes.txt"))

        let site = h.sandbox.path("site")
        try h.ok(["site", "-o", site])
        try Data("stale".utf8).write(to: URL(fileURLWithPath: site + "/en/proposals/gone.html"))
        var manifest = try String(contentsOfFile: site + "/.nap-site", encoding: .utf8)
        manifest += "en/proposals/gone.html\n"
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: site + "/.nap-site"))
        let out = try h.ok(["site", "-o", site])
        #expect(out.contains("1 removed"))
        #expect(!FileManager.default.fileExists(atPath: site + "/en/proposals/gone.html"))
    }
}
