import Foundation
import Hummingbird
import HummingbirdTesting
import NapServer
import Testing

/// A signed-in member's inbox follows `nap inbox`'s rules for their role: the proposal's author and the
/// government co-chair are owed a response to a public comment, each for their own reason (the co-chair
/// to the proposal itself too).
@Suite struct ServeInboxTests {
    @Test func eachMemberSeesWhatWaitsOnThemByRole() async throws {
        let world = try ServeWorld.plan("nap-serve-inbox")
        let text = "請公開每筆政治獻金的明細"
        try await world.server().application().test(.router) { client in
            let author = try await ServeSessionTests.signedIn(world, client, member: "g0v-wang")
            let chair = try await ServeSessionTests.signedIn(world, client, member: "ndc-chair")
            // Before any input: the chair (who has not approved) is waiting to review; the author owes nothing.
            let empty = try await client.execute(uri: "/en/inbox", method: .get, headers: author.headers()) { $0.text }
            #expect(!empty.contains("Owed a reasoned response"))
            _ = try await ServeHubWorld.comment(client, body: text, name: "路人甲")
            let authors = try await client.execute(uri: "/en/inbox", method: .get, headers: author.headers()) { $0.text }
            // The author is owed a response to the comment only (not to their own proposal).
            #expect(authors.contains("Owed a reasoned response (1)") && !authors.contains("The proposal itself"))
            #expect(authors.contains(text) && authors.contains("路人甲") && authors.contains("Your proposal"))
            let chairs = try await client.execute(uri: "/en/inbox", method: .get, headers: chair.headers()) { $0.text }
            // The government co-chair is owed a response to every input from others: the proposal itself and the comment.
            #expect(chairs.contains("Owed a reasoned response (2)") && chairs.contains("The government co-chair sees every input"))
            #expect(chairs.contains("The proposal itself") && chairs.contains(text))
            #expect(chairs.contains("Waiting for your review (1)"))
            // In Traditional Chinese too.
            let zh = try await client.execute(uri: "/zh-Hant/inbox", method: .get, headers: chair.headers()) { $0.text }
            #expect(zh.contains("待你說明理由回應的意見（2）"))
        }
    }
}
