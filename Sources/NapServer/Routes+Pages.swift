import Foundation
import Hummingbird
import NapWeb
import PlanKit

extension NapServe {
    /// A file of the site (`/en/proposals/x.html`), from the cache of rendered pages; a folder's
    /// `index.html` for a path ending in `/`. The page's session slot gets who is signed in.
    func sitePage(_ request: Request, context: ServeContext) async throws -> Response {
        var path = String(request.uri.path.dropFirst())
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        guard let decoded = path.removingPercentEncoding, !decoded.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            throw Refusal.notFound
        }
        guard let page = try await site.file(decoded) else { throw Refusal.notFound }
        guard decoded.hasSuffix(".html") else { return Reply.file(page.bytes, path: decoded) }
        let language = String(decoded.split(separator: "/").first ?? "")
        let depth = decoded.split(separator: "/").count - 2
        let slot = await sessionSlot(request, language: language, up: depth)
        return Reply.file(Self.filling(page.bytes, at: page.slot, slot: slot), path: decoded)
    }

    static let slotMarker = Array("<!--nap:session-->".utf8)

    /// The page with its session slot replaced (once) by `slot`.
    static func filling(_ bytes: [UInt8], slot: String) -> [UInt8] {
        filling(bytes, at: ServedSite.offset(of: slotMarker, in: bytes), slot: slot)
    }

    /// The page with the session slot at `offset` (when it has one) replaced by `slot`.
    static func filling(_ bytes: [UInt8], at offset: Int?, slot: String) -> [UInt8] {
        guard let offset else { return bytes }
        var filled: [UInt8] = []
        filled.reserveCapacity(bytes.count + slot.utf8.count)
        filled.append(contentsOf: bytes[..<offset])
        filled.append(contentsOf: slot.utf8)
        filled.append(contentsOf: bytes[(offset + slotMarker.count)...])
        return filled
    }

    /// Who is signed in, with links to the inbox and to sign out; empty for visitors. `up`: how many
    /// folders the page is below its language folder.
    func sessionSlot(_ request: Request, language: String, up: Int) async -> String {
        guard let session = await session(of: request), let member = session.member else { return "" }
        let name = (try? await site.read { store in try store.currentMembers().member(id: member)?.name }) ?? nil
        let prefix = String(repeating: "../", count: max(0, up))
        let values: [String: Any] = [
            "signedInAs": SiteWords.word("signedInAs", language: language, name ?? member),
            "inboxHref": prefix + "inbox", "signOutHref": prefix + "sign-out", "csrf": session.csrf,
        ]
        return (try? await site.fragment("serve-session", language: language, values: values)) ?? ""
    }

    /// One of the server's own pages (directly under a language folder), its session slot filled.
    func servedPage(_ page: sending ServedPage, language: String, request: Request) async throws -> [UInt8] {
        let bytes = try await site.render(page, language: language)
        return Self.filling(bytes, slot: await sessionSlot(request, language: language, up: 0))
    }

    /// After a comment: "received", with the way to the proposal's page where it is shown.
    func receivedPage(_ request: Request, context: ServeContext) async throws -> Response {
        let language = try await pageLanguage(context)
        let query = FormData.query(request.uri.query)
        guard let proposal = query["proposal"], let comment = query["comment"], comment.count >= 8,
              comment.allSatisfy(\.isHexDigit) else { throw Refusal.notFound }
        let page = try await site.proposalPage(id: proposal)
        var links: [[String: Any]] = []
        if let page {
            links.append(["href": page + "#comment-" + String(comment.prefix(8)), "label": SiteWords.word("backToProposal", language: language)])
        }
        let values: [String: Any] = [
            "heading": SiteWords.word("received", language: language),
            "paragraphs": [SiteWords.word("receivedText", language: language, String(comment.prefix(8)))],
            "links": links, "other": [[String: Any]](),
        ]
        let bytes = try await servedPage(ServedPage(template: "serve-message", path: "received", titleWord: "received", values: values), language: language, request: request)
        return Reply.html(bytes)
    }
}
