import Foundation
import NapWeb
import PlanKit

/// Proposals' pages read afresh, one proposal at a time (`SiteRenderer.freshProposalPages`): what the
/// server shows for a proposal before the whole site is read, and for one it has written to since the
/// reading shown began. A proposal's page in one language is read once per tag (the state, or the write,
/// it must show) however many requests ask for it at once, on a thread of their own (a proposal's detail and diff
/// take a while on a long discussion), and kept until another tag is asked for.
final class FreshPages: @unchecked Sendable {
    /// What to read: the proposal, the site whose frame and paths the pages take, and the tag they must have.
    struct Request: Sendable {
        let name: String
        let renderer: ServedSite
        let tag: String
    }

    private let lock = NSLock()
    /// Pages by their path in the site, with their tag.
    private var pages: [String: (tag: String, page: ServedSite.Page)] = [:]
    /// Readings under way, by proposal and tag.
    private var reading: [String: Task<FreshProposalPages?, any Error>] = [:]
    private static let maximumPages = 4_000

    /// The page at `path` of the proposal `request` names, with the request's tag; nil when the proposal
    /// has no page there.
    func page(_ path: String, for request: Request, planPath: String) async throws -> ServedSite.Page? {
        if let known = lock.withLock({ pages[path] }), known.tag == request.tag { return known.page }
        // The page in the language asked for only: the other is read when someone asks for it (a long
        // discussion takes a second to render, and the first visitor waits for no more than their page).
        let language = path.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        let key = request.tag + "\u{0}" + request.name + "\u{0}" + language
        let task = lock.withLock {
            if let task = reading[key] { return task }
            let task = Task {
                try await OwnThread.run { () -> FreshProposalPages? in
                    let store = try PlanStore.open(at: planPath)
                    return try request.renderer.renderer.freshProposalPages(named: request.name, from: store, languages: [language])
                }
            }
            reading[key] = task
            return task
        }
        let made: FreshProposalPages?
        do {
            made = try await task.value
        } catch is PlanError {
            made = nil
        }
        return lock.withLock {
            reading[key] = nil
            guard let made else { return nil }
            if pages.count >= Self.maximumPages { pages.removeAll() }
            for (sitePath, bytes) in made.pages { pages[sitePath] = (request.tag, ServedSite.page(bytes, path: sitePath)) }
            return pages[path].flatMap { $0.tag == request.tag ? $0.page : nil }
        }
    }

    /// The proposal a page's path names before the site's paths are known: `en/proposals/<slug>.html`, or
    /// `<slug>-<start of id>.html` for a later proposal that reused a slug (its id's start then names it).
    static func proposalName(inSitePath path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1] == "proposals", parts[2].hasSuffix(".html") else { return nil }
        let name = String(parts[2].dropLast(".html".count))
        guard !name.isEmpty, name != "index", !name.hasPrefix("."), !name.contains("%") else { return nil }
        if let dash = name.lastIndex(of: "-") {
            let tail = name[name.index(after: dash)...]
            if tail.count == 8, tail.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) { return String(tail) }
        }
        return name
    }
}
