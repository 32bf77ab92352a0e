import Foundation
import NapTestSupport
import Testing

/// `nap site` into a folder it wrote before: pages whose inputs did not change are not even rendered
/// (their keys are kept in the plan's cache), and the result is byte for byte what a fresh build gives.
@Suite struct SiteIncrementalCLITests {
    /// How many pages the build did not render again, from its summary line ("12 unchanged (8 not rendered again)").
    static func notRendered(_ output: String) -> Int? {
        guard let range = output.range(of: " not rendered again") else { return nil }
        return Int(output[..<range.lowerBound].split(separator: "(").last ?? "")
    }

    /// The cache files of the site's page keys in the plan's cache of derived state.
    static func pageCaches(_ h: NapHarness) throws -> [String] {
        let folder = h.plan + "/.git/nap/cache"
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("site-pages-") }.map { folder + "/" + $0 }
    }

    @Test func aRebuildAfterANewCommentEqualsAFreshBuildByteForByte() throws {
        let h = try SiteCLITests.plan()
        // A third proposal, whose discussion quotes the address of someone who has taken no part yet.
        try h.ok(["switch", "main"], as: .ministry)
        try h.ok(["propose", "third-idea", "--title", "Third idea", "--description", "More."], as: .ministry)
        try h.ok(["comment", "third-idea", "-m", "Ask newcomer@example.org too."], as: .wang)
        let kept = h.sandbox.path("site-kept")
        try h.ok(["site", "-o", kept])
        #expect(SiteCLITests.text(try #require(try SiteCLITests.files(kept)["en/proposals/third-idea.html"])).contains("newcomer@example.org"))

        // A new comment by someone who took part before: only open-data's pages are read and rendered again.
        try h.ok(["comment", "open-data", "-m", "請公開資料集清單。 A second line."], as: .wang)
        let again = try h.ok(["site", "-o", kept])
        #expect((Self.notRendered(again) ?? 0) >= 4, "\(again)")
        let fresh = h.sandbox.path("site-fresh")
        let first = try h.ok(["site", "-o", fresh])
        #expect(Self.notRendered(first) == nil, "a new folder has nothing to keep: \(first)")
        let a = try SiteCLITests.files(kept), b = try SiteCLITests.files(fresh)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b, "the rebuild differs from a fresh build: \(a.keys.filter { a[$0] != b[$0] }.sorted())")
        #expect(SiteCLITests.text(try #require(a["en/proposals/open-data.html"])).contains("請公開資料集清單"))

        // The quoted address's owner takes part: it is hidden on third-idea's page too, though nothing of
        // that proposal changed (the addresses hidden are part of every page's key).
        try h.ok(["comment", "open-data", "-m", "Me too."], as: Person(name: "Newcomer", email: "newcomer@example.org"))
        try h.ok(["site", "-o", kept])
        let fresher = h.sandbox.path("site-fresher")
        try h.ok(["site", "-o", fresher])
        let c = try SiteCLITests.files(kept), d = try SiteCLITests.files(fresher)
        #expect(c == d, "the rebuild differs from a fresh build: \(c.keys.filter { c[$0] != d[$0] }.sorted())")
        for (path, data) in c { #expect(!SiteCLITests.text(data).contains("newcomer@example.org"), "\(path) shows an address") }

        // The downloads are made of each proposal's kept rows: cut every kept piece short, comment again,
        // and the rebuild still equals a build that keeps nothing at all (NAP_CACHE=off).
        let pieces = h.plan + "/.git/nap/cache/site-static"
        var cut = 0
        for file in ["responses.csv", "responses.json"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: pieces + "/" + file) {
                let url = URL(fileURLWithPath: pieces + "/" + file + "/" + name)
                let data = try Data(contentsOf: url)
                try data.prefix(data.count - 3).write(to: url)
                cut += 1
            }
        }
        #expect(cut >= 6, "a piece per proposal and file")
        try h.ok(["comment", "third-idea", "-m", "One more."], as: .wang)
        try h.ok(["site", "-o", kept])
        h.sandbox.extraEnvironment["NAP_CACHE"] = "off"
        let uncached = h.sandbox.path("site-uncached")
        try h.ok(["site", "-o", uncached])
        h.sandbox.extraEnvironment["NAP_CACHE"] = nil
        let e = try SiteCLITests.files(kept), f = try SiteCLITests.files(uncached)
        #expect(e == f, "the rebuild differs from a build without cache: \(e.keys.filter { e[$0] != f[$0] }.sorted())")
        #expect(SiteCLITests.text(try #require(e["downloads/responses.csv"])).contains("One more."))
    }

    @Test func aMissingOrCorruptPageCacheIsRebuiltSilently() throws {
        let h = try SiteCLITests.plan()
        let site = h.sandbox.path("site")
        try h.ok(["site", "-o", site])
        let built = try SiteCLITests.files(site)
        let caches = try Self.pageCaches(h)
        #expect(caches.count == 1)
        // Unchanged: every proposal page is left alone without rendering it.
        #expect((Self.notRendered(try h.ok(["site", "-o", site])) ?? 0) >= 4)

        // Garbled, cut short, deleted: each time the build renders everything, says nothing about it,
        // writes nothing (the bytes are the same), and keeps the keys again.
        let damages: [(String, (String) throws -> Void)] = [
            ("garbled", { try Data("nap-cache\tsite\tjunk\n\u{0}\u{1}not a cache".utf8).write(to: URL(fileURLWithPath: $0)) }),
            ("cut short", { path in
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
            }),
            ("deleted", { try FileManager.default.removeItem(atPath: $0) }),
        ]
        for (damage, apply) in damages {
            for cache in try Self.pageCaches(h) { try apply(cache) }
            let result = try h.nap(["site", "-o", site])
            #expect(result.status == 0, "\(damage): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(damage): \(result.stderr)")
            #expect(result.stdout.contains(": 0 files written"), "\(damage): \(result.stdout)")
            #expect(Self.notRendered(result.stdout) == nil, "\(damage): \(result.stdout)")
            #expect(try SiteCLITests.files(site) == built, "\(damage)")
            #expect((Self.notRendered(try h.ok(["site", "-o", site])) ?? 0) >= 4, "\(damage): the keys were not kept again")
        }

        // A page changed or deleted behind nap's back is written again, though its key did not change.
        let page = site + "/en/proposals/political-donations.html"
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: page))
        try FileManager.default.removeItem(atPath: site + "/zh-Hant/proposals/political-donations.html")
        let repaired = try h.ok(["site", "-o", site])
        #expect(repaired.contains(": 2 files written"), "\(repaired)")
        #expect(try SiteCLITests.files(site) == built)
    }
}
