import Foundation
import NapWeb

/// One reading of the site, as the server shows it: the renderer of one state of the plan and the pages
/// rendered from it so far. Shared by every request: pages are rendered on the requests' own threads, at
/// once, as `nap site` renders them on every core (ParallelRender) — the renderer's content is changed by no
/// page, and the only mutable parts (its memo, this cache) hold locks. Two requests for a page not yet
/// rendered may both render it; both get the same bytes.
final class ServedSite: @unchecked Sendable {
    /// A page with where its session slot is (nil: it has none), found once.
    struct Page: Sendable {
        let bytes: [UInt8]
        let slot: Int?
    }

    let renderer: SiteRenderer
    /// The state of the plan it was read from (`PlanStore.stateKey`).
    let key: String
    private let lock = NSLock()
    private var pages: [String: Page] = [:]
    private static let maximumPages = 20_000

    /// The proposals' ids by their page's path under a language folder.
    let proposalIDs: [String: String]

    init(renderer: SiteRenderer, key: String) {
        self.renderer = renderer
        self.key = key
        proposalIDs = renderer.proposalIDsByPath
    }

    /// The id of the proposal whose page is at `path` (`en/proposals/x.html`).
    func proposalID(atSitePath path: String) -> String? {
        guard let slash = path.firstIndex(of: "/") else { return nil }
        return proposalIDs[String(path[path.index(after: slash)...])]
    }

    /// A page of the site as it is served: its bytes with where its session slot is.
    static func page(_ bytes: [UInt8], path: String) -> Page {
        Page(bytes: bytes, slot: path.hasSuffix(".html") ? offset(of: NapServe.slotMarker, in: bytes) : nil)
    }

    /// The site's file at `path` (`en/proposals/x.html`), rendered once; nil when the site has no such file.
    func file(_ path: String) throws -> Page? {
        if let page = lock.withLock({ pages[path] }) { return page }
        guard let file = try renderer.render(path: path) else { return nil }
        let page = Self.page(file.bytes, path: path)
        lock.withLock {
            if pages.count >= Self.maximumPages { pages.removeAll() }
            pages[path] = page
        }
        return page
    }

    /// Where `marker` first is in `bytes`.
    static func offset(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = marker.first, bytes.count >= marker.count else { return nil }
        var index = 0
        while index <= bytes.count - marker.count {
            if bytes[index] == first, bytes[index..<(index + marker.count)].elementsEqual(marker) { return index }
            index += 1
        }
        return nil
    }
}
