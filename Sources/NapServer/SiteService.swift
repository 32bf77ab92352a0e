import Foundation
import NapWeb
import PlanKit

/// The site's pages for the server: the same `SiteRenderer` as `nap site`, built for `nap serve`.
///
/// - **The whole site** is read in the background (`SiteRenderer(store:)`, on a thread of its own) when the
///   server starts and again when a reference of the plan moves (`PlanStore.stateKey`, looked at no more
///   than once a second); until a new reading is done the previous one is shown. After the server's own
///   writes the next reading waits until writes have paused for `quietAfterWrites` (at most
///   `longestWait` after the first change not read yet), so that a burst of comments costs one reading.
/// - **A proposal's pages** are read afresh, one proposal at a time (`FreshPages`), when the whole site
///   shown does not have them right: before the first whole reading is done (start-up on a large plan
///   answers at once), and for a proposal the server has written to since the reading shown began (the
///   person who commented sees their comment at once).
/// - The server's own pages (forms, messages) are rendered in the whole site's frame, or before it is read
///   in the frame read from main alone (`SiteRenderer.frame`).
///
/// PlanStore is not Sendable: the store for the forms' reads is used on this actor only; readings and
/// fresh pages open their own.
actor SiteService {
    let planPath: String
    private let beforeReading: (@Sendable () async -> Void)?
    /// Every proposal's fold of the last whole reading, for the next (PlanKit's `CarriedFolds`).
    private let carried = CarriedFolds()
    /// The whole site shown now; nil until the first reading is done.
    private var site: ServedSite?
    /// Before the first whole reading: the frame of the state `storeKey` (the server's own pages, proposals').
    private var frame: ServedSite?
    /// The store for the forms' reads, of the latest state seen.
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
    /// The server's own writes, numbered; the last one, when; and the write number of the last write to
    /// each proposal (by id) not yet in the whole site shown.
    private var writes = 0
    private var lastWrite: Date = .distantPast
    private var written: [String: Int] = [:]
    /// Since when the plan has a change that no reading has begun to read; whether a timer will look again.
    private var pendingSince: Date?
    private var timerSet = false
    static let quietAfterWrites: TimeInterval = 2
    static let longestWait: TimeInterval = 30
    /// Proposals' pages read afresh.
    let fresh = FreshPages()

    /// `beforeReading` is awaited before each reading of the whole site (tests hold a reading with it).
    init(planPath: String, beforeReading: (@Sendable () async -> Void)? = nil) {
        self.planPath = planPath
        self.beforeReading = beforeReading
    }

    /// Starts the first reading (when the server starts), in the background.
    func start() {
        try? checkState()
    }

    /// Forgets when the references were looked at (after a sync): the next request looks again, and a
    /// new reading starts if they moved.
    func invalidate() {
        checked = .distantPast
        try? checkState()
    }

    /// After the server's own write about `proposal` (an id, a prefix or a slug): that proposal's pages are
    /// read afresh when next asked for, and the whole site is read again once writes pause.
    func wrote(proposal: String?) {
        writes += 1
        lastWrite = Date()
        checked = .distantPast
        guard let proposal else { return checkAfterWrite() }
        // A full id needs no reading (the forms post full ids, and a comment's write answers with one).
        if site?.renderer.proposalPage(id: proposal) != nil || EventBounds.isEventID(proposal) {
            written[proposal] = writes
        } else if let id = try? read({ store in try store.proposalID(named: proposal) }) {
            written[id] = writes
        }
        checkAfterWrite()
    }

    private func checkAfterWrite() {
        checked = .distantPast
        try? checkState()
    }

    /// How a page of the site is served: from the whole site, or read afresh (a proposal's pages).
    enum Source: Sendable {
        case whole(ServedSite)
        case fresh(FreshPages.Request)
    }

    /// Where the page at `path` (`en/proposals/x.html`) comes from now (waiting for the first whole reading
    /// only for a page that shows the whole record).
    func source(of path: String) async throws -> Source {
        try checkState()
        if let site {
            if let id = site.proposalID(atSitePath: path), let write = written[id] {
                return .fresh(FreshPages.Request(name: id, renderer: site, tag: "write \(write)"))
            }
            return .whole(site)
        }
        if let name = FreshPages.proposalName(inSitePath: path), let frame = try frameSite(),
           frame.renderer.languages.contains(where: { path.hasPrefix($0 + "/") }) {
            return .fresh(FreshPages.Request(name: name, renderer: frame, tag: "state " + frame.key))
        }
        return .whole(try await current())
    }

    /// The whole site as it is shown now (waiting only for the first reading).
    func current() async throws -> ServedSite {
        try checkState()
        while true {
            if let site { return site }
            if !reading { throw readingFailure ?? PlanError.notAPlan(path: planPath) }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    /// The site whose frame the server's own pages are rendered in: the whole site, else the frame of the
    /// latest state (read from main alone, at once).
    func framing() throws -> ServedSite {
        try checkState()
        if let site { return site }
        if let frame = try frameSite() { return frame }
        throw readingFailure ?? PlanError.notAPlan(path: planPath)
    }

    /// The frame of the latest state seen, read when that state is new.
    private func frameSite() throws -> ServedSite? {
        guard let storeKey else { return nil }
        if let frame, frame.key == storeKey { return frame }
        let made = try read { store in ServedSite(renderer: try SiteRenderer.frame(store: store), key: storeKey) }
        frame = made
        return made
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
        switch try await source(of: path) {
        case .whole(let site): try site.file(path)
        case .fresh(let request):
            // Not a proposal's page after all (`proposals/open.html` before the whole site is read): the whole site's.
            if let page = try await fresh.page(path, for: request, planPath: planPath) { page } else { try await current().file(path) }
        }
    }

    /// One of the server's own pages, in the site's frame.
    nonisolated func render(_ page: ServedPage, language: String) async throws -> [UInt8] {
        try await framing().renderer.render(page, language: language)
    }

    /// A part of a page without the frame (the session slot).
    nonisolated func fragment(_ template: String, language: String, values: [String: Any]) async throws -> String {
        try await framing().renderer.fragment(template, language: language, values: values)
    }

    /// The site's languages, the primary one first.
    nonisolated func languages() async throws -> [String] {
        try await framing().renderer.languages
    }

    /// The page of the proposal with this id (under a language folder), when the site has one.
    func proposalPage(id: String) throws -> String? {
        if let site { return site.renderer.proposalPage(id: id) }
        return try read { store in (try? store.proposalHeading(named: id)).flatMap { $0.map { SiteRenderer.proposalPath(slug: $0.slug) } } }
    }

    /// Looks at the references when it is time (always while nothing is shown): a store for a new state,
    /// and a new reading when the site shown is of another state and none is under way.
    private func checkState() throws {
        let now = Date()
        if site != nil || reading, now.timeIntervalSince(checked) < Self.checkInterval { return }
        checked = now
        // One store for the server's life: its memos are keyed by what they are made from (commits, the
        // record's tree), so what it read of one state serves the next as far as it is the same.
        let current = try self.store ?? PlanStore.open(at: planPath)
        store = current
        let key = try current.stateKey()
        storeKey = key
        // While a site is shown, a state whose reading failed is read again only after a while (or when the
        // plan moves again); with none, every request tries.
        if site != nil, let failed, failed.key == key, now.timeIntervalSince(failed.time) < Self.retryInterval { return }
        if !reading, key != site?.key { readWhenDue(now: now) }
    }

    /// Starts a reading of the whole site now, or once the server's writes have paused.
    private func readWhenDue(now: Date) {
        let since = pendingSince ?? now
        pendingSince = since
        let due = site == nil ? now : min(lastWrite.addingTimeInterval(Self.quietAfterWrites), since.addingTimeInterval(Self.longestWait))
        if due <= now {
            pendingSince = nil
            startReading()
        } else if !timerSet {
            timerSet = true
            let delay = due.timeIntervalSince(now)
            Task {
                try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000) + 1_000_000)
                self.lookAgain()
            }
        }
    }

    private func lookAgain() {
        timerSet = false
        checked = .distantPast
        try? checkState()
    }

    private func startReading() {
        reading = true
        let started = writes
        Task { await read(after: started) }
    }

    /// One reading of the whole site, off this actor; then it is shown (the proposals written to since it
    /// began are still read afresh), and a new one starts if the plan moved meanwhile.
    private func read(after started: Int) async {
        do {
            let made = try await Self.readSite(planPath: planPath, folds: carried, before: beforeReading)
            site = ServedSite(renderer: made.renderer, key: made.key)
            frame = nil
            readingFailure = nil
            failed = nil
            written = written.filter { $0.value > started }
            MemoryUpkeep.giveBack()
            ServerLog.note("read the whole site (\(made.renderer.count) files) in \((made.seconds * 10).rounded() / 10) s")
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
        /// How long the reading took (for the log).
        let seconds: Double
    }

    /// Reads the whole site on a thread of its own (`OwnThread`: it takes seconds on a large plan).
    /// `folds`: the previous reading's folds, taken for the proposals that did not change (and shared
    /// with the reading still shown), and left there for the next.
    private static func readSite(planPath: String, folds: CarriedFolds, before: (@Sendable () async -> Void)?) async throws -> sending Reading {
        if let before { await before() }
        return try await OwnThread.run(yielding: true) {
            let began = Date()
            let store = try PlanStore.open(at: planPath)
            store.carry(folds)
            let key = try store.stateKey()
            let renderer = try SiteRenderer(store: store, served: true)
            return Reading(renderer: renderer, key: key, seconds: Date().timeIntervalSince(began))
        }
    }
}
