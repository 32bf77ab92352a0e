import Foundation
import PlanKit

/// The comments waiting for the server's next write. A write takes tens of milliseconds on a large plan
/// (the record's tree moves, so the next write reads the index of proposals again), and twenty people
/// commenting at once would each wait for all the writes before theirs. Instead the comments that
/// arrive while a write is under way are written together, each as its own signed event, in one commit
/// of the record (`PlanStore.appendingTogether`): one that is refused (a closed proposal, an empty
/// text) is answered with its own error and the others are written.
struct CommentQueue {
    /// One comment to write, as the form posted it.
    struct Request: Sendable {
        let proposal: String
        let body: String
        let anchor: AnchorRequest?
        let replyTo: String?
        let principal: WebPrincipal
        let contact: String?
    }

    typealias Answer = CheckedContinuation<(event: EventID, proposal: String), any Error>

    var waiting: [(request: Request, answer: Answer)] = []
    var writing = false
}

extension PlanWriter {
    /// Queues a comment and waits for the write that records it.
    func submit(_ request: CommentQueue.Request) async throws -> (event: EventID, proposal: String) {
        try await withCheckedThrowingContinuation { (answer: CommentQueue.Answer) in
            queue.waiting.append((request, answer))
            if !queue.writing {
                queue.writing = true
                Task { await self.writeQueuedComments() }
            }
        }
    }

    /// Writes what is queued, one commit at a time, until nothing is left. Between commits the actor is
    /// let go, so that the comments posted meanwhile join the next one.
    private func writeQueuedComments() async {
        while !queue.waiting.isEmpty {
            let batch = queue.waiting
            queue.waiting = []
            let answers = write(batch.map(\.request))
            for (item, answer) in zip(batch, answers) { item.answer.resume(with: answer) }
            await Task.yield()
        }
        queue.writing = false
    }

    /// Writes `requests` in one commit; each one's answer, in order.
    private func write(_ requests: [CommentQueue.Request]) -> [Result<(event: EventID, proposal: String), any Error>] {
        var answers: [Result<(event: EventID, proposal: String), any Error>] = []
        do {
            try withStore { store in
                try store.appendingTogether {
                    for request in requests {
                        answers.append(Result {
                            let acting = try store.acting(for: request.principal)
                            let full = try acting.proposalID(named: request.proposal) ?? request.proposal
                            let id = try acting.comment(on: request.proposal, body: request.body, anchor: request.anchor, replyTo: request.replyTo)
                            return (id, full)
                        })
                    }
                }
            }
        } catch {
            // The commit failed: none of them is recorded.
            return requests.indices.map { index in
                if index < answers.count, case .failure(let own) = answers[index] { return .failure(own) }
                return .failure(error)
            }
        }
        keepContacts(requests, answers)
        if answers.contains(where: { if case .success = $0 { true } else { false } }) { requestSync() }
        return answers
    }

    /// The contact addresses given with the comments recorded, kept beside the record, never in it. A
    /// failure here loses an address, not a comment.
    private func keepContacts(_ requests: [CommentQueue.Request], _ answers: [Result<(event: EventID, proposal: String), any Error>]) {
        guard let directory = try? keptStore()?.privateDirectory() else { return }
        for (request, answer) in zip(requests, answers) {
            guard let contact = request.contact, case .publicPerson(let name) = request.principal, case .success(let written) = answer else { continue }
            try? ContactStore.add(ContactStore.Entry(event: written.event, proposal: request.proposal, name: name, contact: contact, time: Date()),
                                  in: directory)
        }
    }
}
