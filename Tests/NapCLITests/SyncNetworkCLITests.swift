import Foundation
import NapTestSupport
import Testing

/// Sync over a real network transport: stock `git daemon` with pushes enabled, on 127.0.0.1.
@Suite struct SyncNetworkCLITests {
    /// Three copies cloned over git://, working offline, two of them syncing at the same moment: all end
    /// with the identical record and the same merge-gate answer.
    @Test func threeCopiesOverTheNetworkIncludingTwoAtOnce() throws {
        let w = try SyncWorld.withProposal("sync-net")
        let daemon = try GitDaemon(basePath: w.sandbox.root.path, environment: w.sandbox.environment())
        defer { daemon.stop() }
        let url = daemon.url("hub.git")
        try w.git(w.plan, ["remote", "add", "origin", url])
        try w.ok(w.plan, ["sync"], as: .founder)
        try w.clone(url, "gov", as: .govChair)
        try w.clone(url, "civil", as: .civilChair)
        try w.clone(url, "wang", as: .wang)
        let p = "political-donations"
        try w.ok("gov", ["review", p, "--approve"], as: .govChair)
        try w.ok("gov", ["comment", p, "-m", "政府：預算另案編列"], as: .govChair)
        try w.ok("civil", ["review", p, "--request-changes", "-m", "請縮短期程"], as: .civilChair)
        try w.ok("civil", ["comment", p, "-m", "民間：期程太長"], as: .civilChair)
        try w.ok("wang", ["comment", p, "-m", "g0v：附上資料格式建議"], as: .wang)

        // gov and civil push at the same moment; one of them has to fetch and merge again.
        let results = Locked<[String: (Int32, String)]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let (copy, person) = index == 0 ? ("gov", Person.govChair) : ("civil", Person.civilChair)
            let result = try? w.nap(copy, ["sync", "--json"], as: person)
            results.update { $0[copy] = (result?.status ?? -1, (result?.stdout ?? "") + (result?.stderr ?? "")) }
        }
        for (copy, (status, output)) in results.value { #expect(status == 0, "\(copy): \(output)") }
        try w.ok("wang", ["sync"], as: .wang)
        try w.ok("gov", ["sync"], as: .govChair)
        try w.ok("civil", ["sync"], as: .civilChair)
        let tree = w.recordTree("wang")
        for copy in ["gov", "civil", w.hub] { #expect(w.recordTree(copy) == tree, "record of \(copy) differs") }
        var answers: [[String]] = []
        for (copy, person) in [("gov", Person.govChair), ("civil", Person.civilChair), ("wang", Person.wang)] {
            let show = try w.show(copy, p, as: person)
            #expect((show["comments"] as? [Any])?.count == 3)
            answers.append(show["blockers"] as? [String] ?? ["?"])
        }
        #expect(answers.allSatisfy { $0 == answers[0] })
        #expect(answers[0].contains { $0.contains("requested changes") })
        try w.git(w.hub, ["fsck", "--strict", "--no-dangling"])
    }

    /// The connection breaks in the middle of a push: a clear message, both sides intact, and running
    /// sync again completes it.
    @Test func aPushCutOffMidwayCompletesOnTheNextRun() throws {
        let w = try SyncWorld.withProposal("sync-cut")
        let daemon = try GitDaemon(basePath: w.sandbox.root.path, environment: w.sandbox.environment())
        defer { daemon.stop() }
        let relay = try CuttingRelay(to: daemon.port, cutPushes: false, after: 48 * 1024)
        try w.ok(w.plan, ["sync", daemon.url("hub.git")], as: .founder)
        try w.clone(relay.url("hub.git"), "gov", as: .govChair)
        let hubBefore = try w.git(w.hub, ["for-each-ref"])

        // A large attachment on a new proposal: hundreds of KiB that do not compress.
        try w.ok("gov", ["propose", "budget", "--title", "預算透明"], as: .govChair)
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(noise).write(to: URL(fileURLWithPath: w.path("gov") + "/budget-data.bin"))
        try w.git("gov", ["add", "budget-data.bin"])
        try w.git("gov", ["commit", "-q", "-m", "附件：預算資料"])
        try w.ok("gov", ["comment", "budget", "-m", "資料已附上"], as: .govChair)

        relay.setCutting(true)
        let cut = try w.nap("gov", ["sync"], as: .govChair)
        #expect(cut.status == 1, "\(cut.stdout)\(cut.stderr)")
        #expect(cut.stderr.contains("pushing to origin"))
        #expect(cut.stderr.contains("run `nap sync` again"))
        #expect(relay.cuts >= 1)
        #expect(try w.git(w.hub, ["for-each-ref"]) == hubBefore)
        try w.git("gov", ["fsck", "--strict", "--no-dangling"])
        try w.git(w.hub, ["fsck", "--strict"])

        relay.setCutting(false)
        let again = try w.syncJSON("gov", as: .govChair)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(w.rev(w.hub, "refs/heads/proposal/budget") == w.rev("gov", "refs/heads/proposal/budget"))
        #expect(w.recordTree(w.hub) == w.recordTree("gov"))
        try w.git(w.hub, ["fsck", "--strict", "--no-dangling"])
        try w.clone(daemon.url("hub.git"), "civil", as: .civilChair)
        #expect(try w.show("civil", "budget", as: .civilChair)["comments"] as? [Any] != nil)
    }
}

/// A value shared between threads, behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
