import Foundation
import NapTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The two scenarios every real transport (https, ssh) is put through against its server on loopback:
/// a forum's whole cycle by three clones, and transfers cut in the middle. Each returns everything nap
/// printed, for the tests that check no secret appears in it.
struct TransportScenarios {
    let w: SyncWorld
    /// Everything nap printed (standard output and error of every run).
    private(set) var printed: [String] = []

    init(_ w: SyncWorld) { self.w = w }

    private mutating func ok(_ copy: String, _ arguments: [String], as person: Person, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try w.nap(copy, arguments, as: person)
        printed.append(result.stdout + result.stderr)
        #expect(result.status == 0, "nap \(arguments.joined(separator: " ")) in \(copy): \(result.stderr)", sourceLocation: sourceLocation)
        if result.status != 0 { throw SandboxError.failed(result.stderr) }
    }

    private mutating func clone(_ url: String, _ copy: String, as person: Person) throws {
        let result = try w.h.nap(["clone", url, w.path(copy)], as: person, plan: false)
        printed.append(result.stdout + result.stderr)
        #expect(result.status == 0, "nap clone \(url): \(result.stderr)")
        if result.status != 0 { throw SandboxError.failed(result.stderr) }
    }

    /// The founder seeds the hub at `url`; three people clone it, comment, review and propose offline,
    /// sync in turn; the government answers and merges; every copy and the hub end identical, and stock
    /// git finds the hub sound.
    mutating func wholeCycle(_ url: String) throws {
        try w.git(w.plan, ["remote", "add", "origin", url])
        try ok(w.plan, ["sync"], as: .founder)
        #expect(w.rev(w.hub, "refs/heads/nap/record") == w.rev(w.plan, "refs/heads/nap/record"))
        try clone(url, "gov", as: .govChair)
        try clone(url, "civil", as: .civilChair)
        try clone(url, "wang", as: .wang)
        let p = "political-donations"
        try ok("gov", ["comment", p, "-m", "政府端：請補充申報平台的預算"], as: .govChair)
        try ok("gov", ["review", p, "--approve"], as: .govChair)
        try ok("civil", ["comment", p, "-m", "民間：支持即時公開"], as: .civilChair)
        try ok("civil", ["review", p, "--approve"], as: .civilChair)
        try ok("wang", ["comment", p, "-m", "g0v：可先從平台改版做起"], as: .wang)
        try ok("wang", ["propose", "open-data", "--title", "開放資料", "--description", "推動高價值資料集開放"], as: .wang)
        for (copy, person) in [("wang", Person.wang), ("civil", .civilChair), ("gov", .govChair), ("wang", .wang), ("civil", .civilChair)] {
            try ok(copy, ["sync"], as: person)
        }
        let show = try w.show("gov", p)
        #expect((show["comments"] as? [Any])?.count == 3)
        for comment in show["comments"] as? [[String: Any]] ?? [] where (comment["author"] as? [String: Any])?["sector"] as? String != "government" {
            try ok("gov", ["respond", try #require(comment["id"] as? String), "--disposition", "adopted", "-m", "納入第三期行動方案"], as: .govChair)
        }
        try ok("gov", ["respond", p, "--disposition", "adopted", "-m", "論壇決議納入第三期行動方案"], as: .govChair)
        try ok("gov", ["merge", p], as: .govChair)
        try ok("gov", ["sync"], as: .govChair)
        try ok("civil", ["sync"], as: .civilChair)
        try ok("wang", ["sync"], as: .wang)
        let main = w.rev("gov", "refs/heads/main")
        let tree = w.recordTree("gov")
        for copy in ["civil", "wang", w.hub] {
            #expect(w.rev(copy, "refs/heads/main") == main, "main of \(copy)")
            #expect(w.recordTree(copy) == tree, "record of \(copy)")
        }
        #expect(w.rev(w.hub, "refs/heads/proposal/open-data") == w.rev("wang", "refs/heads/proposal/open-data"))
        for copy in ["civil", "wang"] { #expect(try w.show(copy, p)["state"] as? String == "merged") }
        try w.git(w.hub, ["fsck", "--strict", "--no-dangling"])
    }

    /// After `wholeCycle`: through `relay` (a relay in front of the server, reached at `relayURL`), gov's
    /// push of a large attachment is cut in the middle, and civil's fetch of it is ended by killing nap
    /// midway; re-running each completes it, and stock git finds every copy and the hub sound.
    mutating func cutTransfers(relay: CuttingRelay, relayURL: String) throws {
        try w.git("gov", ["remote", "set-url", "origin", relayURL])
        try w.git("civil", ["remote", "set-url", "origin", relayURL])
        let hubBefore = try w.git(w.hub, ["for-each-ref"])
        try ok("gov", ["propose", "budget", "--title", "預算透明"], as: .govChair)
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<400_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(noise).write(to: URL(fileURLWithPath: w.path("gov") + "/budget-data.bin"))
        try w.git("gov", ["add", "budget-data.bin"])
        try w.git("gov", ["commit", "-q", "-m", "附件：預算資料"])
        try ok("gov", ["comment", "budget", "-m", "資料已附上"], as: .govChair)

        relay.setCutting(true)
        let cut = try w.nap("gov", ["sync"], as: .govChair)
        printed.append(cut.stdout + cut.stderr)
        #expect(cut.status == 1, "\(cut.stdout)\(cut.stderr)")
        #expect(cut.stderr.contains("run `nap sync` again"), "\(cut.stderr)")
        #expect(relay.cuts >= 1)
        #expect(try w.git(w.hub, ["for-each-ref"]) == hubBefore, "the hub's references did not move")
        try w.git(w.hub, ["fsck", "--strict"])
        relay.setCutting(false)
        try ok("gov", ["sync"], as: .govChair)
        #expect(w.rev(w.hub, "refs/heads/proposal/budget") == w.rev("gov", "refs/heads/proposal/budget"))

        // civil's nap is killed once 64 KiB of the attachment have come through.
        let started = Date()
        let sync = Process()
        sync.executableURL = URL(fileURLWithPath: NapHarness.binary)
        sync.arguments = ["-C", w.path("civil"), "sync"]
        sync.environment = w.sandbox.environment(name: Person.civilChair.name, email: Person.civilChair.email)
        sync.standardOutput = FileHandle.nullDevice
        sync.standardError = FileHandle.nullDevice
        try sync.run()
        let pid = sync.processIdentifier
        relay.onServerBytes(64 * 1024) { kill(pid, SIGKILL) }
        sync.waitUntilExit()
        #expect(sync.terminationReason == .uncaughtSignal && sync.terminationStatus == SIGKILL, "nap was killed midway")
        #expect(w.rev("civil", "refs/heads/proposal/budget") == nil, "nothing of the cut fetch became a branch")
        try w.git("civil", ["fsck", "--strict", "--no-dangling"])
        try ok("civil", ["sync"], as: .civilChair)
        #expect(w.rev("civil", "refs/heads/proposal/budget") == w.rev("gov", "refs/heads/proposal/budget"))
        #expect(w.recordTree("civil") == w.recordTree("gov"))
        try w.git("civil", ["fsck", "--strict"])
        try w.git(w.hub, ["fsck", "--strict", "--no-dangling"])
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
