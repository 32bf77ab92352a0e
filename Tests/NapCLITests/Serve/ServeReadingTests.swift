import Foundation
import Hummingbird
import HummingbirdTesting
import NapServer
import Testing

/// The site is read again in the background when the plan moves: meanwhile the previous pages are served
/// at once, and the page of a proposal the server has just written to shows the write at once.
@Suite struct ServeReadingTests {
    /// Holds the site's readings while closed (ServeOptions.beforeSiteReading); counts those held.
    actor Gate {
        private var closed = false
        private var held: [CheckedContinuation<Void, Never>] = []
        private(set) var readings = 0

        func pass() async {
            readings += 1
            if closed { await withCheckedContinuation { held.append($0) } }
        }

        var holding: Int { held.count }

        func close() { closed = true }

        func open() {
            closed = false
            let waiting = held
            held = []
            for continuation in waiting { continuation.resume() }
        }
    }

    /// `body`, or a failure when it takes more than `seconds` (a request waiting for a held reading).
    /// How long a request may take before it counts as blocked behind the held reading. The reading is held
    /// until the test opens the gate, so a blocked request never ends: the bound only has to outlast a slow,
    /// loaded machine (10 s failed once at a load average of 20), not measure speed.
    static let blockedAfter: Double = 60

    static func within<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return try #require(first, "took more than \(seconds) s")
        }
    }

    @Test func aProposalsPageAnswersBeforeTheWholeSiteIsRead() async throws {
        let world = try ServeWorld.plan("nap-serve-startup")
        let gate = Gate()
        await gate.close()
        var options = ServeOptions(planPath: world.h.plan, host: "127.0.0.1", port: 0)
        options.beforeSiteReading = { await gate.pass() }
        let app = try await NapServe(options: options).application()
        try await app.test(.router) { client in
            // The first whole reading is held: a proposal's page is read on its own, in both languages.
            let page = try await Self.within(Self.blockedAfter) { try await ServeHubWorld.page(client) }
            #expect(page.contains(ServeWorld.title))
            let zh = try await Self.within(Self.blockedAfter) {
                try await client.execute(uri: "/zh-Hant/proposals/\(ServeWorld.slug).html", method: .get) { $0 }
            }
            #expect(zh.status == .ok && zh.text.contains(ServeWorld.title))
            #expect(await gate.holding == 1, "the whole site is still being read")
            // The server's own pages and a comment work meanwhile; the comment shows at once.
            let text = "站台尚在讀取時的意見"
            _ = try await Self.within(Self.blockedAfter) { try await ServeHubWorld.comment(client, body: text, name: "路人庚") }
            #expect(try await ServeHubWorld.page(client).contains(text))
            // A page that does not exist is not found (it waits for the whole reading, then 404).
            await gate.open()
            try await client.execute(uri: "/en/proposals/no-such-proposal.html", method: .get) { #expect($0.status == .notFound) }
            let index = try await client.execute(uri: "/en/proposals/index.html", method: .get) { $0 }
            #expect(index.status == .ok && index.text.contains(ServeWorld.title))
        }
    }

    @Test func pagesAreServedFromThePreviousReadingWhileTheNextIsMade() async throws {
        let world = try ServeWorld.plan("nap-serve-reading")
        let gate = Gate()
        var options = ServeOptions(planPath: world.h.plan, host: "127.0.0.1", port: 0)
        options.beforeSiteReading = { await gate.pass() }
        let app = try await NapServe(options: options).application()
        let cliText = "命令列寫下的意見"
        let webText = "網站上寫下的意見"
        try await app.test(.router) { client in
            let first = try await ServeHubWorld.page(client)
            #expect(first.contains(ServeWorld.title) && !first.contains(cliText))
            // A page of the whole record waits for the first whole reading (a proposal's page need not).
            try await client.execute(uri: "/en/proposals/index.html", method: .get) { #expect($0.status == .ok) }
            #expect(await gate.readings == 1)
            await gate.close()
            // A comment with the command line in the same copy: the plan moved, a new reading starts (held).
            try world.cli(["comment", ServeWorld.slug, "-m", cliText], as: .wang)
            try await Task.sleep(nanoseconds: 1_200_000_000)
            let during = try await Self.within(Self.blockedAfter) { try await ServeHubWorld.page(client) }
            #expect(await gate.holding == 1, "a reading is under way")
            #expect(during.contains(ServeWorld.title) && !during.contains(cliText), "the previous page, at once")
            let index = try await Self.within(Self.blockedAfter) {
                try await client.execute(uri: "/en/proposals/index.html", method: .get) { $0.status }
            }
            #expect(index == .ok)
            // A comment through the server: its proposal's page shows it at once, the reading still held.
            _ = try await Self.within(Self.blockedAfter) { try await ServeHubWorld.comment(client, body: webText, name: "路人己") }
            let acted = try await Self.within(Self.blockedAfter) { try await ServeHubWorld.page(client) }
            #expect(acted.contains(webText), "the page acted on shows the write at once")
            #expect(await gate.holding == 1)
            // The reading goes on: every page shows the new state.
            await gate.open()
            let caughtUp = try await ServeHubWorld.eventually(20) {
                let page = try await ServeHubWorld.page(client)
                return page.contains(cliText) && page.contains(webText)
            }
            #expect(caughtUp)
        }
        #expect(try world.comments().count == 2)
    }
}
