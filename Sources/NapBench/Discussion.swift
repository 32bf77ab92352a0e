import Foundation
import GitKit
import PlanKit

/// One event file written to the object store, waiting to be committed to the record.
struct RecordedEvent {
    let path: String
    let blob: ObjectID
    let time: Date
    let author: EventAuthor
}

/// Writes the record of each proposal: its opening, a revision per draft, comments (Chinese and English,
/// some long, some anchored to lines, some replies), reasoned responses, resolutions, reviews and the
/// closing event, with Lamport clocks in time order. Event blobs are written at once; the record
/// commits come later (`RecordWriter`).
final class Discussion {
    private let repository: Repository
    private let people: People
    private let corpus: Corpus
    private(set) var events: [[RecordedEvent]] = []
    private(set) var count = 0

    init(repository: Repository, people: People, corpus: Corpus, proposals: Int) {
        self.repository = repository
        self.people = people
        self.corpus = corpus
        events = Array(repeating: [], count: proposals)
    }

    /// What an event refers to before the ids of the events it names are known.
    private enum Intent {
        case revised(head: ObjectID, previous: ObjectID)
        case comment(body: String, anchor: Anchor?, replyTo: Int?)
        case response(target: Int?, disposition: Disposition, reason: String)
        case resolved(Int)
        case review(Verdict, head: ObjectID, body: String)
        case withdrawn(String)
        case merged(commit: ObjectID, head: ObjectID)
    }

    /// Writes the opening event and returns the proposal's id.
    func open(_ plan: ProposalPlan, index: Int) throws -> EventID {
        guard let base = plan.base else { return "" }
        let event = Event(proposal: nil, author: plan.author.eventAuthor, time: plan.opened, clock: 1,
                          body: .opened(slug: plan.slug, title: plan.title, description: plan.description, base: base, head: base))
        return try write(event, proposal: nil, index: index)
    }

    private func write(_ event: Event, proposal: EventID?, index: Int) throws -> EventID {
        let (id, bytes) = try EventCodec.encode(event)
        let blob = try repository.writeBlob(bytes)
        events[index].append(RecordedEvent(path: Record.path(of: id, proposal: proposal ?? id), blob: blob, time: event.time, author: event.author))
        count += 1
        return id
    }

    /// Everything said about a proposal from its opening up to `until`. With `merging`, the proposal is
    /// merged at `until`: `merging` is given the comment counts by sector and the dispositions in force
    /// (for the merge commit's trailers), returns the merge commit, and the merged event ends the record.
    func discuss(_ plan: ProposalPlan, id: EventID, index: Int, until close: Date,
                 merging: ((_ comments: [String: Int], _ responses: [String: Int]) throws -> ObjectID)? = nil,
                 random: inout SeededRandom) throws {
        var intents: [(time: Date, author: Person, intent: Intent)] = []
        let heads = plan.heads
        let span = max(close.timeIntervalSince(plan.opened), 3600)
        for (previous, next) in zip(heads, heads.dropFirst()) {
            let drafter = plan.coDrafters.isEmpty || random.chance(0.7) ? plan.author : random.pick(plan.coDrafters)
            intents.append((next.time, drafter, .revised(head: next.commit, previous: previous.commit)))
        }
        let government = people.government
        let commenters = people.public_ + people.members.filter { $0.sector != "legislature" || random.chance(0.5) }
        var needsAnswer = plan.outcome != .withdrawn
        var answered: [String: Int] = [:]
        var bySector: [String: Int] = [:]
        for _ in 0..<plan.comments {
            let time = plan.opened.addingTimeInterval(Double.random(in: 0.02...0.9, using: &random) * span)
            let author: Person = random.chance(0.55) ? random.pick(people.public_) : random.pick(commenters)
            var anchor: Anchor?
            if random.chance(0.25), let point = heads.dropFirst().last(where: { $0.time <= time }), let at = point.anchor {
                anchor = Anchor(head: point.commit, path: plan.path, startLine: at.line, endLine: at.line, quote: at.quote)
            }
            let commentIndex = intents.count
            let replyTo: Int? = random.chance(0.15) ? intents.indices.filter {
                if case .comment = intents[$0].intent { return intents[$0].time < time } else { return false }
            }.last : nil
            intents.append((time, author, .comment(body: corpus.comment(&random, chinese: random.chance(0.6)), anchor: anchor, replyTo: replyTo)))
            bySector[author.member == nil ? "public" : author.sector, default: 0] += 1
            if !author.isGovernment && author.email != plan.author.email && (needsAnswer || random.chance(0.7)) {
                let delay = Double.random(in: 0.01...0.08, using: &random) * span
                let at = min(time.addingTimeInterval(delay), close.addingTimeInterval(-60))
                let disposition = random.pick(Disposition.allCases)
                answered[disposition.rawValue, default: 0] += 1
                intents.append((max(at, time.addingTimeInterval(1)), random.pick(government),
                                .response(target: commentIndex, disposition: disposition, reason: corpus.sentences(Int.random(in: 1...3, using: &random), &random, chinese: random.chance(0.7)))))
            }
            if random.chance(0.05) {
                intents.append((time.addingTimeInterval(3600), author, .resolved(commentIndex)))
            }
        }
        if !plan.author.isGovernment && (needsAnswer || random.chance(0.7)) {
            let disposition: Disposition = plan.outcome == .merged ? .adopted : random.pick(Disposition.allCases)
            answered[disposition.rawValue, default: 0] += 1
            intents.append((plan.opened.addingTimeInterval(0.05 * span), random.pick(government),
                            .response(target: nil, disposition: disposition, reason: corpus.sentences(2, &random, chinese: true))))
        }
        needsAnswer = false
        // Reviews: the co-chairs approve what is merged (and `ready`), sometimes after asking for changes.
        let last = heads.last
        if let last, plan.outcome == .merged || plan.slug == "ready" {
            if heads.count > 2, random.chance(0.3) {
                let earlier = heads[heads.count / 2]
                intents.append((earlier.time.addingTimeInterval(600), people.civilSocietyCoChair, .review(.requestChanges, head: earlier.commit, body: corpus.sentences(1, &random, chinese: true))))
            }
            let at = last.time.addingTimeInterval(max(60, min(close.timeIntervalSince(last.time) / 2, 86_400)))
            intents.append((at, people.governmentCoChair, .review(.approve, head: last.commit, body: "")))
            intents.append((at.addingTimeInterval(30), people.civilSocietyCoChair, .review(.approve, head: last.commit, body: "")))
        } else if let someHead = heads.dropFirst().randomElement(using: &random), random.chance(0.4) {
            let reviewer = random.chance(0.5) ? people.governmentCoChair : random.pick(people.nonGovernmentMembers.filter { $0.role == "member" })
            intents.append((someHead.time.addingTimeInterval(1800), reviewer, .review(random.chance(0.7) ? .approve : .requestChanges, head: someHead.commit, body: "")))
        }
        if plan.outcome == .withdrawn {
            intents.append((close, plan.author, .withdrawn(corpus.sentences(1, &random, chinese: true))))
        }
        if let merging, let last {
            intents.append((close, people.governmentCoChair, .merged(commit: try merging(bySector, answered), head: last.commit)))
        }
        try encode(intents, plan: plan, id: id, index: index)
    }

    private func encode(_ intents: [(time: Date, author: Person, intent: Intent)], plan: ProposalPlan, id: EventID, index: Int) throws {
        let order = intents.indices.sorted { (intents[$0].time, $0) < (intents[$1].time, $1) }
        var ids: [Int: EventID] = [:]
        var clock = 1
        for position in order {
            let (time, person, intent) = intents[position]
            clock += 1
            let body: EventBody
            switch intent {
            case .revised(let head, let previous): body = .revised(head: head, previous: previous, rewritten: false)
            case .comment(let text, let anchor, let replyTo): body = .comment(body: text, anchor: anchor, replyTo: replyTo.flatMap { ids[$0] })
            case .response(let target, let disposition, let reason):
                guard let targetID = target.map({ ids[$0] }) ?? id else { continue }
                body = .response(target: targetID, disposition: disposition, reason: reason)
            case .resolved(let comment):
                guard let commentID = ids[comment] else { continue }
                body = .resolved(comment: commentID)
            case .review(let verdict, let head, let text): body = .review(verdict: verdict, head: head, body: text)
            case .withdrawn(let reason): body = .withdrawn(reason: reason)
            case .merged(let commit, let head): body = .merged(commit: commit, head: head)
            }
            let event = Event(proposal: id, author: person.eventAuthor, time: time, clock: clock, body: body)
            ids[position] = try write(event, proposal: id, index: index)
        }
    }
}
