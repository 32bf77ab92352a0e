import Foundation
import NapWeb
import PlanKit

/// The site's pages for the server: the same `SiteRenderer` as `nap site`, built for `nap serve`. The site
/// is read from the plan when the server starts and again, in the background, whenever a reference of the
/// plan moves (`PlanStore.stateKey`, looked at no more than once a second, and at once after the server's
/// own writes and syncs); until a new reading is done the previous one is shown, so no visitor waits for
/// it. A page the server has just written to — the proposal someone commented on — is shown at once from
/// the new state: that proposal is read again on top of the site shown (`SiteRenderer.refreshing`).
/// Pages are rendered on the requests' own tasks (`ServedSite`); this actor keeps the state (PlanStore is
/// not Sendable: the store for the forms' reads is used on this actor only).
actor SiteService {
    private let planPath: String
    private let beforeReading: (@Sendable () async -> Void)?
    /// The site shown now; nil until the first reading is done.
    private var site: ServedSite?
    /// A store of the latest state seen, for the forms' reads (opened anew when the state moves: a store
    /// keeps memos of the state it opened).
    private var store: PlanStore?
    private var storeKey: String?
    private var checked: Date = .distantPast
    private static let checkInterval: TimeInterval = 1
    private var reading = false
    private var readingFailure: (any Error)?
    /// The state whose last reading failed, and when.
    private var failed: (key: String?, time: Date)?
    private static let retryInterval: TimeInterval = 30
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// The server's own writes, numbered, with the proposal each was about: those made after a reading
    /// began are read again on top of it.
    private var writes = 0
    private var written: [(number: Int, proposal: String)] = []
    /// Proposals written to whose pages wait to be read again, the writes waiting for it, and whether a
    /// round of that is under way.
    private var toRefresh: Set<String> = []
    private var refreshWaiting: [CheckedContinuation<Void, Never>] = []
    private var refreshingNow = false

    /// `beforeReading` is awaited before each reading of the site (tests hold a reading with it).
    init(planPath: String, beforeReading: (@Sendable () async -> Void)? = nil) {
        self.planPath = planPath
        self.beforeReading = beforeReading
    }

    /// Starts the first reading (when the server starts), so that the first visitor waits the least.
    func start() {
        try? checkState()
    }

    /// Forgets when the references were looked at (after a sync): the next request looks again, and a
    /// new reading starts now if they moved.
    func invalidate() {
        checked = .distantPast
        try? checkState()
    }

    /// After the server's own write about `proposal`: that proposal's page shows it at once, and the
    /// whole site is read again in the background.
    func wrote(proposal: String?) async {
        writes += 1
        checked = .distantPast
        try? checkState()
        guard let proposal else { return }
        written.append((writes, proposal))
        guard site != nil else { return }
        toRefresh.insert(proposal)
        await withCheckedContinuation { continuation in
            refreshWaiting.append(continuation)
            if !refreshingNow {
                refreshingNow = true
                Task { await refreshWritten() }
            }
        }
    }

    /// Reads the proposals written to again on top of the site shown, one round at a time: the writes made
    /// during a round wait for the next, which reads all of theirs at once.
    private func refreshWritten() async {
        while !toRefresh.isEmpty, let shown = site {
            let proposals = toRefresh
            let waiters = refreshWaiting
            toRefresh = []
            refreshWaiting = []
            var updated = shown
            for proposal in proposals {
                updated = await Self.refreshing(updated, proposal: proposal, planPath: planPath) ?? updated
            }
            // A reading shown meanwhile has these writes already (it read them, or read them again on top).
            if site === shown { site = updated }
            for waiter in waiters { waiter.resume() }
        }
        toRefresh = []
        for waiter in refreshWaiting { waiter.resume() }
        refreshWaiting = []
        refreshingNow = false
    }

    /// The site as it is shown now: the latest reading (waiting only for the first one).
    func current() async throws -> ServedSite {
        try checkState()
        while true {
            if let site { return site }
            if !reading { throw readingFailure ?? PlanError.notAPlan(path: planPath) }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    /// Reads from the plan with this actor's store, of the latest state seen (what a form page needs).
    func read<T: Sendable>(_ body: (PlanStore) throws -> T) throws -> T {
        try checkState()
        let store = try self.store ?? PlanStore.open(at: planPath)
        self.store = store
        return try body(store)
    }

    /// The site's file at `path` (`en/proposals/x.html`), rendered; nil when the site has no such file.
    nonisolated func file(_ path: String) async throws -> ServedSite.Page? {
        try await current().file(path)
    }

    /// One of the server's own pages, in the site's frame.
    nonisolated func render(_ page: ServedPage, language: String) async throws -> [UInt8] {
        try await current().renderer.render(page, language: language)
    }

    /// A part of a page without the frame (the session slot).
    nonisolated func fragment(_ template: String, language: String, values: [String: Any]) async throws -> String {
        try await current().renderer.fragment(template, language: language, values: values)
    }

    /// The site's languages, the primary one first.
    nonisolated func languages() async throws -> [String] {
        try await current().renderer.languages
    }

    /// The page of the proposal with this id, when the site has one.
    nonisolated func proposalPage(id: String) async throws -> String? {
        try await current().renderer.proposalPage(id: id)
    }

    /// Looks at the references when it is time (always while nothing is shown): a store for a new state,
    /// and a new reading when the site shown is of another state and none is under way.
    private func checkState() throws {
        let now = Date()
        if site != nil || reading, now.timeIntervalSince(checked) < Self.checkInterval { return }
        checked = now
        let current = try self.store ?? PlanStore.open(at: planPath)
        let key = try current.stateKey()
        if storeKey == nil {
            store = current
        } else if key != storeKey {
            store = try PlanStore.open(at: planPath)
        }
        storeKey = key
        // While a site is shown, a state whose reading failed is read again only after a while (or when the
        // plan moves again); with none, every request tries.
        if site != nil, let failed, failed.key == key, now.timeIntervalSince(failed.time) < Self.retryInterval { return }
        if !reading, key != site?.key { startReading() }
    }

    private func startReading() {
        reading = true
        let started = writes
        Task { await read(after: started) }
    }

    /// One reading of the whole site, off this actor; then the writes made since it began are read again
    /// on top of it, it is shown, and a new one starts if the plan moved meanwhile.
    private func read(after started: Int) async {
        do {
            let fresh = try await Self.readSite(planPath: planPath, before: beforeReading)
            var shown = ServedSite(renderer: fresh.renderer, key: fresh.key)
            for proposal in Set(written.filter { $0.number > started }.map(\.proposal)) {
                shown = await Self.refreshing(shown, proposal: proposal, planPath: planPath) ?? shown
            }
            site = shown
            readingFailure = nil
            failed = nil
            written.removeAll { $0.number <= started }
        } catch {
            readingFailure = error
            failed = (storeKey, Date())
            ServerLog.note(site == nil ? "the site could not be read" : "the site could not be read again; the previous pages are shown")
        }
        reading = false
        let waiters = waiting
        waiting = []
        for waiter in waiters { waiter.resume() }
        // The plan moved while it was read: read again (after a failure, on a later request).
        if readingFailure == nil {
            checked = .distantPast
            try? checkState()
        }
    }

    /// What one reading makes (sent from the task that read it to this actor).
    private struct Reading {
        let renderer: SiteRenderer
        let key: String
    }

    /// Reads the whole site on a thread of its own (`OwnThread`: it takes seconds on a large plan).
    private static func readSite(planPath: String, before: (@Sendable () async -> Void)?) async throws -> sending Reading {
        if let before { await before() }
        return try await OwnThread.run {
            let store = try PlanStore.open(at: planPath)
            let key = try store.stateKey()
            return Reading(renderer: try SiteRenderer(store: store, served: true), key: key)
        }
    }

    /// `site` with `proposal` read again from the plan, its pages dropped and the others kept; nil when it
    /// cannot be (a proposal the site does not have yet: the next reading shows it).
    private static func refreshing(_ site: ServedSite, proposal: String, planPath: String) async -> ServedSite? {
        try? await OwnThread.run {
            guard let store = try? PlanStore.open(at: planPath),
                  let renderer = try site.renderer.refreshing(proposal: proposal, from: store) else { return nil }
            let page = (try? store.proposal(named: proposal))?.id.flatMap { renderer.proposalPage(id: $0) }
            return ServedSite(renderer: renderer, key: site.key, keeping: site, except: page)
        } ?? nil
    }
}
