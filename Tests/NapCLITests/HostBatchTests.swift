import Foundation
import GitKit
import NapTestSupport
import PlanKit
import Testing

/// `PlanStore.appendingTogether`: what a server does with comments that arrive at once — each its own
/// signed event, all in one commit of the record; a refused one left out, nothing half-written.
@Suite struct HostBatchTests {
    private func hostStore(_ p: HostedPlan) throws -> PlanStore {
        try PlanStore(repository: try Repository.open(at: p.s.plan), environment: p.hostEnvironment)
    }

    private func recordCommits(_ p: HostedPlan) throws -> Int {
        Int(try p.h.git(["rev-list", "--count", "nap/record"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func commentsOfSeveralPeopleAreOneSignedCommitAndARefusedOneIsLeftOut() throws {
        let p = try HostedPlan("batch-one-commit")
        let slug = "political-donations"
        try p.proposal(slug)
        let before = try recordCommits(p)
        let host = try hostStore(p)
        var answers: [Result<EventID, any Error>] = []
        try host.appendingTogether {
            answers.append(Result { try host.onBehalf(of: .publicPerson(displayName: "市民 甲")).comment(on: slug, body: "第一則：請說明時程。") })
            answers.append(Result { try host.onBehalf(of: .member(id: "g0v-wang")).comment(on: slug, body: "第二則：建議加入罰則。") })
            answers.append(Result { try host.onBehalf(of: .publicPerson(displayName: "市民 乙")).comment(on: slug, body: "   ") })
            answers.append(Result { try host.onBehalf(of: .publicPerson(displayName: "市民 丙")).comment(on: "no-such-proposal", body: "找不到的提案") })
            answers.append(Result { try host.onBehalf(of: .publicPerson(displayName: "市民 丁")).comment(on: slug, body: "third: 英文也可以。") })
        }
        let written = answers.compactMap { try? $0.get() }
        #expect(written.count == 3, "\(answers)")
        #expect(answers.filter { if case .failure = $0 { true } else { false } }.count == 2)
        #expect(try recordCommits(p) == before + 1, "one commit for the three comments")
        let comments = try p.comments(slug)
        for id in written {
            let comment = try #require(comments.first { $0["id"] as? String == id }, "comment \(id) is in the record")
            #expect((comment["signature"] as? [String: Any])?["status"] as? String == "good", "\(comment)")
            #expect(comment["via_host"] as? String == "web")
        }
        #expect(Set(comments.compactMap { $0["body"] as? String }) == ["第一則：請說明時程。", "第二則：建議加入罰則。", "third: 英文也可以。"])
        let message = try p.h.git(["log", "-1", "--format=%B", "nap/record"])
        #expect(message.hasPrefix("Record 3 appends\n"), "\(message)")
        #expect(message.components(separatedBy: "Comment on proposal \(slug)").count == 4, "\(message)")
        let verify = try p.s.json(["verify"])
        #expect(verify["ok"] as? Bool == true, "\(verify)")
        try p.stockGitAccepts(["nap/record", "main"])
    }

    @Test func nothingIsRecordedWhenTheGatheringFailsAndAStoreKeptAfterItWritesItself() throws {
        struct Stop: Error {}
        let p = try HostedPlan("batch-nothing-half")
        let slug = "political-donations"
        try p.proposal(slug)
        let before = try recordCommits(p)
        let host = try hostStore(p)
        var kept: PlanStore?
        #expect(throws: Stop.self) {
            try host.appendingTogether {
                let visitor = try host.onBehalf(of: .publicPerson(displayName: "市民 甲"))
                kept = visitor
                _ = try visitor.comment(on: slug, body: "這一則不會被記錄。")
                throw Stop()
            }
        }
        #expect(try recordCommits(p) == before)
        #expect(try p.comments(slug).isEmpty)
        // The store made inside the gathering, used after it: its append is a commit of its own, not lost.
        let late = try #require(kept).comment(on: slug, body: "之後的意見會被記錄。")
        #expect(try recordCommits(p) == before + 1)
        #expect(try p.comments(slug).map { $0["id"] as? String } == [late])
        // An empty gathering writes nothing.
        try host.appendingTogether {}
        #expect(try recordCommits(p) == before + 1)
        try p.stockGitAccepts(["nap/record"])
    }
}
