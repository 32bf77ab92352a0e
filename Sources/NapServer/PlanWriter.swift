import Foundation
import PlanKit

/// Every write of the server, one at a time (one writer: the record is appended by compare-and-swap,
/// and a second writer in the same process would only retry). Each write opens the plan anew (PlanStore
/// is not Sendable and keeps memos of the state it opened), writes for the principal through the host
/// (`WebPrincipal`), then tells the site and the hub sync.
actor PlanWriter {
    private let planPath: String
    private let site: SiteService
    private var hub: HubSync?

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
        await site.invalidate()
        return complete
    }

    /// A comment on a proposal, by a member of the public (with the contact address, if given, kept in the
    /// private store) or a signed-in member. Returns the comment's event id.
    func comment(on proposal: String, body: String, anchor: AnchorRequest?, replyTo: String?, principal: WebPrincipal,
                 contact: String?) async throws -> EventID {
        let id = try write(for: principal) { store in
            let id = try store.comment(on: proposal, body: body, anchor: anchor, replyTo: replyTo)
            if let contact, case .publicPerson(let name) = principal {
                // Kept beside the record, never in it. A failure here loses the address, not the comment.
                try? ContactStore.add(ContactStore.Entry(event: id, proposal: proposal, name: name, contact: contact, time: Date()),
                                      in: try store.privateDirectory())
            }
            return id
        }
        await written(about: proposal)
        return id
    }

    /// A reasoned response to an input of `proposal` (a comment id, or the proposal as a whole).
    func respond(to target: String, on proposal: String, disposition: Disposition, reason: String, member: String) async throws -> EventID {
        let id = try write(for: .member(id: member)) { try $0.respond(to: target, disposition: disposition, reason: reason) }
        await written(about: proposal)
        return id
    }

    /// Marks a comment's thread (on `proposal`) resolved or open again.
    func resolve(_ comment: String, on proposal: String, resolved: Bool, member: String) async throws {
        try write(for: .member(id: member)) { try $0.setResolved(comment, resolved: resolved) }
        await written(about: proposal)
    }

    /// Reviews a proposal's current head.
    func review(_ proposal: String, verdict: Verdict, body: String, member: String) async throws -> EventID {
        let id = try write(for: .member(id: member)) { try $0.review(proposal, verdict: verdict, body: body) }
        await written(about: proposal)
        return id
    }

    /// Merges a proposal (a co-chair, when the gate is open).
    func merge(_ proposal: String, member: String) async throws -> MergeResult {
        let result = try write(for: .member(id: member)) { try $0.merge(proposal) }
        await written(about: proposal)
        return result
    }

    func write<T>(for principal: WebPrincipal, _ body: (PlanStore) throws -> T) throws -> T {
        let store = try PlanStore.open(at: planPath)
        return try body(try store.acting(for: principal))
    }

    /// After a write about `proposal`: its pages are read afresh when next asked for, the whole site is
    /// read again once writes pause, and the hub sync is asked for.
    func written(about proposal: String) async {
        await site.wrote(proposal: proposal)
        await hub?.requestSync()
    }
}
