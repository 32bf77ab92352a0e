import Foundation
import Hummingbird
import HummingbirdTesting
import NapServer
import Testing

/// `nap serve --hub`: the background sync, for real, with a bare hub on this machine. Two servers on their
/// own clones of one hub (one run by the government, one by civil society) converge to the same record;
/// a comment accepted while the hub is gone is kept and goes out when it is back.
@Suite struct ServeHubTests {
    @Test func twoServersOnClonesOfOneHubConverge() async throws {
        let world = try ServeHubWorld("nap-serve-two")
        let govCopy = try world.hostCopy("gov-site")
        let civilCopy = try world.hostCopy("civil-site")
        let govApp = try await ServeHubWorld.server(govCopy).application()
        let civilApp = try await ServeHubWorld.server(civilCopy).application()
        let bodies = ["政府網站上的意見：請列出時程。", "第二則：預算從哪裡來？", "民間網站上的意見：支持即時公開。"]
        let ids = try await govApp.test(.router) { gov in
            try await civilApp.test(.router) { civil in
                let ids = [try await ServeHubWorld.comment(gov, body: bodies[0], name: "路人甲"),
                           try await ServeHubWorld.comment(civil, body: bodies[2], name: "路人乙"),
                           try await ServeHubWorld.comment(gov, body: bodies[1], name: "路人丙")]
                // Each server's page shows its own comments at once, and every comment once the syncs went round.
                #expect(try await ServeHubWorld.page(civil).contains(bodies[2]))
                for (name, client) in [("gov", gov), ("civil", civil)] {
                    let converged = try await ServeHubWorld.eventually {
                        let page = try await ServeHubWorld.page(client)
                        return bodies.allSatisfy { page.components(separatedBy: $0).count == 2 }
                    }
                    #expect(converged, "the \(name) server shows every comment once")
                }
                return ids
            }
        }
        // Both copies (and the hub) hold the same record, every comment exactly once; nap verify accepts both.
        for copy in [govCopy, civilCopy] {
            #expect(try world.commentBodies(in: copy).sorted() == bodies.sorted(), "\(copy)")
            #expect(try world.verifies(copy))
            for id in ids { #expect(try world.recordFiles(named: id, in: copy) == 1) }
        }
        for id in ids { #expect(try world.recordFiles(named: id, in: world.hub) == 1) }
        let tree = { (repository: String) in
            try world.plan.h.sandbox.gitOK(["rev-parse", "refs/heads/nap/record^{tree}"], in: repository)
        }
        #expect(try tree(govCopy) == tree(civilCopy))
        #expect(try tree(govCopy) == tree(world.hub))
    }

    @Test func aCommentAcceptedWhileTheHubIsGoneGoesOutWhenItIsBack() async throws {
        let world = try ServeHubWorld("nap-serve-hub-down")
        let copy = try world.hostCopy("site")
        // The hub goes away (its path removed) before the server starts.
        let away = world.hub + ".away"
        try FileManager.default.moveItem(atPath: world.hub, toPath: away)
        let app = try await ServeHubWorld.server(copy).application()
        let body = "主機離線時送出的意見：仍應保留。"
        try await app.test(.router) { client in
            let id = try await ServeHubWorld.comment(client, body: body, name: "路人戊")
            #expect(try await ServeHubWorld.page(client).contains(body), "shown at once, hub or no hub")
            // Kept in the copy's record while rounds of sync fail.
            try await Task.sleep(nanoseconds: 1_000_000_000)
            #expect(try world.recordFiles(named: id, in: copy) == 1)
            #expect(try world.recordFiles(named: id, in: away) == 0)
            // The hub is back: the next round sends it.
            try FileManager.default.moveItem(atPath: away, toPath: world.hub)
            let sent = try await ServeHubWorld.eventually { try world.recordFiles(named: id, in: world.hub) == 1 }
            #expect(sent, "the comment reached the hub")
        }
        // A fresh clone of the hub has it, once; both copies verify.
        let fresh = try world.hostCopy("fresh")
        #expect(try world.commentBodies(in: fresh) == [body])
        #expect(try world.commentBodies(in: copy) == [body])
        #expect(try world.verifies(copy))
        #expect(try world.verifies(fresh))
    }
}
