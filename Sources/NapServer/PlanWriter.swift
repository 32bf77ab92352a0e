import Foundation
import PlanKit

/// Every write of the server, one at a time (one writer: the record is appended by compare-and-swap,
/// and a second writer in the same process would only retry). Writes go through one store of the host's,
/// kept on this actor between writes (PlanStore is not Sendable; its memos are keyed by what they are made
/// from, so what one write read — the members, the index of proposals — serves the next one too), as the
/// principal (`WebPrincipal`, a store that shares those memos); then the site and the hub sync are told.
///
/// Only the write itself runs on this actor. What follows it (telling the site, answering the request)
/// runs off it: an actor runs the jobs queued on it in order, so a request's continuation queued here
/// would wait behind every write that arrived meanwhile, and twenty concurrent comments would all be
/// answered when the last one was written.
actor PlanWriter {
    private let planPath: String
    let site: SiteService
    private var hub: HubSync?
    /// The host's store, opened at the first write and again after a sync or a failed write.
    private var store: PlanStore?
    /// Comments waiting for the next write, and whether a task is writing them.
    var queue = CommentQueue()

    init(planPath: String, site: SiteService) {
        self.planPath = planPath
        self.site = site
    }

    /// The background sync told after each write.
    func attach(_ hub: HubSync) {
        self.hub = hub
    }

    /// One sync with the hub, between writes (sync moves references and the working tree too). Returns
    /// whether it completed; what it could not do is left for the next round.
    func sync(with remote: String) async -> Bool {
        let complete: Bool
        do {
            let store = try PlanStore.openForSync(at: planPath)
            complete = try store.sync(SyncOptions(remote: remote)).isComplete
        } catch {
            complete = false
        }
        store = nil
        await site.invalidate()
        return complete
    }

    /// A comment on a proposal, by a member of the public (with the contact address, if given, kept in the
    /// private store) or a signed-in member. Returns the comment's event id and the proposal's full id
    /// (resolved from the index the write reads anyway, so that the answer needs no reading after it).
    /// Comments that arrive while another write is under way are written together, in one commit
    /// (`CommentQueue`).
    nonisolated func comment(on proposal: String, body: String, anchor: AnchorRequest?, replyTo: String?, principal: WebPrincipal,
                             contact: String?) async throws -> (event: EventID, proposal: String) {
        let request = CommentQueue.Request(proposal: proposal, body: body, anchor: anchor, replyTo: replyTo, principal: principal, contact: contact)
        let (id, full) = try await submit(request)
        await site.wrote(proposal: full)
        return (id, full)
    }

    /// A reasoned response to an input of `proposal` (a comment id, or the proposal as a whole).
    nonisolated func respond(to target: String, on proposal: String, disposition: Disposition, reason: String, member: String) async throws -> EventID {
        let id = try await write(for: .member(id: member)) { try $0.respond(to: target, disposition: disposition, reason: reason) }
        await site.wrote(proposal: proposal)
        return id
    }

    /// Marks a comment's thread (on `proposal`) resolved or open again.
    nonisolated func resolve(_ comment: String, on proposal: String, resolved: Bool, member: String) async throws {
        try await write(for: .member(id: member)) { try $0.setResolved(comment, resolved: resolved) }
        await site.wrote(proposal: proposal)
    }

    /// Reviews a proposal's current head.
    nonisolated func review(_ proposal: String, verdict: Verdict, body: String, member: String) async throws -> EventID {
        let id = try await write(for: .member(id: member)) { try $0.review(proposal, verdict: verdict, body: body) }
        await site.wrote(proposal: proposal)
        return id
    }

    /// Merges a proposal (a co-chair, when the gate is open).
    nonisolated func merge(_ proposal: String, member: String) async throws -> MergeResult {
        let result = try await write(for: .member(id: member)) { try $0.merge(proposal) }
        await site.wrote(proposal: proposal)
        return result
    }

    /// One write for `principal`, on this actor; then the hub sync is asked for (without waiting for it).
    func write<T: Sendable>(for principal: WebPrincipal, _ body: @Sendable (PlanStore) throws -> T) throws -> T {
        let result = try withStore { store in try body(try store.acting(for: principal)) }
        requestSync()
        return result
    }

    /// Runs `body` with the host's store (opened when none is kept; forgotten when `body` fails, so that
    /// the next write starts from what is on disk).
    func withStore<T>(_ body: (PlanStore) throws -> T) throws -> T {
        let store = try self.store ?? PlanStore.open(at: planPath)
        do {
            let result = try body(store)
            self.store = store
            return result
        } catch {
            self.store = nil
            throw error
        }
    }

    /// The host's store kept from the last write; nil when none is.
    func keptStore() -> PlanStore? { store }

    /// Asks the hub sync for a round, without waiting for it.
    func requestSync() {
        if let hub { Task { await hub.requestSync() } }
    }
}
