import Foundation
import GitKit
import NapTestSupport
@testable import PlanKit
import Testing

/// members.yml along main answered from its runs kept in the cache (`MembersRuns`) exactly as from the
/// commits: with committer times that go backwards, members.yml removed and restored, main moved forward
/// (the stored runs extended) and set back (read again).
@Suite struct MembersRunsTests {
    private let sandbox: Sandbox
    private let folder: String
    private let repository: Repository
    private let cache: DerivedStateCache

    init() throws {
        sandbox = try Sandbox("nap-members-runs")
        folder = sandbox.path("plan")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try sandbox.gitOK(["init", "-q", "-b", "main"], in: folder)
        repository = try Repository.open(at: folder)
        cache = DerivedStateCache(gitDirectory: repository.gitDirectory)
    }

    /// Commits `members` (nil: removes members.yml; "": leaves it) at committer time `time`.
    @discardableResult
    private func commit(_ members: [String]?, at time: Int) throws -> ObjectID {
        let file = (folder as NSString).appendingPathComponent("members.yml")
        if let members, !members.isEmpty {
            let text = "members:\n" + members.map { "  - id: \($0)\n    name: \($0)\n    email: \($0)@example.org\n    sector: government\n    role: member\n" }.joined()
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        } else if members == nil {
            try? FileManager.default.removeItem(atPath: file)
        }
        try "\(time)\n".write(toFile: (folder as NSString).appendingPathComponent("clock.txt"), atomically: true, encoding: .utf8)
        try sandbox.gitOK(["add", "-A"], in: folder)
        let result = try sandbox.git(["commit", "-q", "-m", "at \(time)"], in: folder, env: ["GIT_COMMITTER_DATE": "@\(time) +0000", "GIT_AUTHOR_DATE": "@\(time) +0000"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try repository.referenceTarget("refs/heads/main"))
    }

    private func expectSameAnswers(head: ObjectID, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let walked = MembersTimeline(repository: repository, head: head)
        let kept = MembersTimeline(repository: repository, head: head, cache: cache)
        for time in stride(from: 500, through: 6_000, by: 250) {
            let date = Date(timeIntervalSince1970: TimeInterval(time))
            #expect(try kept.members(at: date).all.map(\.id) == walked.members(at: date).all.map(\.id), "at \(time)", sourceLocation: sourceLocation)
        }
        #expect(cache.loadLines(MembersRuns.cacheName)?.key == head.hex, "stored under the head asked about", sourceLocation: sourceLocation)
    }

    @Test func runsAnswerAsTheCommitsDo() throws {
        try commit(["a"], at: 1_000)
        try commit([], at: 2_000)
        let middle = try commit(["a", "b"], at: 3_000)
        try commit([], at: 2_500) // a clock set back: the commit's time is before its parent's
        try commit(nil, at: 3_500) // members.yml removed
        let first = try commit(["c"], at: 4_000)
        try expectSameAnswers(head: first)
        try expectSameAnswers(head: first) // from the stored runs
        // Main moves forward: the stored runs are extended from their head.
        try commit(["c"], at: 4_500)
        let later = try commit(["a", "c"], at: 5_000)
        try expectSameAnswers(head: later)
        // Set back to a commit inside the line: read again from there.
        try expectSameAnswers(head: middle)
        // A damaged file is read again, never trusted.
        let file = cache.directory.appendingPathComponent("\(MembersRuns.cacheName).v\(DerivedStateCache.formatVersion).txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\tR\t", with: "\tQ\t").replacingOccurrences(of: "\nR\t", with: "\nR\tnot-a-blob-id\t").write(to: file, atomically: true, encoding: .utf8)
        try expectSameAnswers(head: later)
    }
}
