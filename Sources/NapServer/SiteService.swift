import Foundation
import NapWeb
import PlanKit

/// The site's pages for the server: the same `SiteRenderer` as `nap site`, built for `nap serve`,
/// with every page rendered once and kept until a reference of the plan moves (`PlanStore.stateKey`,
/// looked at no more than once a second, and at once after the server's own writes). Owns its store
/// (PlanStore is not Sendable): everything runs on this actor.
actor SiteService {
    private let planPath: String
    private var store: PlanStore?
    private var renderer: SiteRenderer?
    private var key: String?
    private var pages: [String: [UInt8]] = [:]
    private var checked: Date = .distantPast
    private static let checkInterval: TimeInterval = 1

    init(planPath: String) {
        self.planPath = planPath
    }

    /// Forgets what was rendered: the next request looks at the references again.
    func invalidate() {
        checked = .distantPast
    }

    /// The site's file at `path` (`en/proposals/x.html`), rendered; nil when the site has no such file.
    func file(_ path: String) throws -> [UInt8]? {
        let renderer = try current()
        if let page = pages[path] { return page }
        guard let file = try renderer.render(path: path) else { return nil }
        if pages.count > 20_000 { pages.removeAll() }
        pages[path] = file.bytes
        return file.bytes
    }

    /// One of the server's own pages, in the site's frame.
    func render(_ page: ServedPage, language: String) throws -> [UInt8] {
        try current().render(page, language: language)
    }

    /// A part of a page without the frame (the session slot).
    func fragment(_ template: String, language: String, values: [String: Any]) throws -> String {
        try current().fragment(template, language: language, values: values)
    }

    /// The site's languages, the primary one first.
    func languages() throws -> [String] {
        try current().languages
    }

    /// The page of the proposal with this id, when the site has one.
    func proposalPage(id: String) throws -> String? {
        try current().proposalPage(id: id)
    }

    /// Reads from the plan with this actor's store (what a form page needs to show).
    func read<T: Sendable>(_ body: (PlanStore) throws -> T) throws -> T {
        _ = try current()
        guard let store else { throw PlanError.notAPlan(path: planPath) }
        return try body(store)
    }

    private func current() throws -> SiteRenderer {
        let now = Date()
        if let renderer, now.timeIntervalSince(checked) < Self.checkInterval { return renderer }
        let store = try self.store ?? PlanStore.open(at: planPath)
        self.store = store
        let newKey = try store.stateKey()
        checked = now
        if let renderer, newKey == key { return renderer }
        // A new state: a store opened anew (its memos are of the old one), the content read again.
        let fresh = try PlanStore.open(at: planPath)
        self.store = fresh
        let renderer = try SiteRenderer(store: fresh, served: true)
        self.renderer = renderer
        key = newKey
        pages.removeAll()
        return renderer
    }
}
