import Foundation
import GitKit

/// How one proposal's life goes: who opens it, what it changes, how many drafts and comments it gets,
/// and how it ends. Decided up front, from the seed; the git history and the record follow it.
struct ProposalPlan {
    enum Outcome { case open, merged, withdrawn }

    let slug: String
    let title: String
    let description: String
    let author: Person
    /// The commitment file the proposal redrafts.
    let path: String
    let opened: Date
    var commits: Int
    var outcome: Outcome
    var comments: Int
    /// The drafters besides the author.
    let coDrafters: [Person]

    // Filled in while the history is written.
    var base: ObjectID?
    /// Every head the branch had, oldest first (the first is `base`), with its time and a line of the
    /// proposal's file to anchor comments to.
    var heads: [(commit: ObjectID, time: Date, anchor: AnchorPoint?)] = []
    var merge: (commit: ObjectID, time: Date)?
    var closed: Date?

    var head: ObjectID? { heads.last?.commit }
}

/// A line of a file at one head, for an anchored comment.
struct AnchorPoint {
    let line: Int
    let quote: String
}

/// The size of the plan to build (the national-consultation size by default).
struct PlanSize {
    var commitments = 50
    var proposals = 1_000
    var events = 100_000
    var commits = 10_000
    var versions = 5
    /// Comments on the one large proposal `nap show` is timed on.
    var bigComments = 1_000
    var publicPeople = 2_000
    /// Record commits (each appends a run of events of one proposal).
    var recordCommits: Int?
}

enum Scenario {
    /// The consultation starts here; proposals open over 200 days.
    static let start = Date(timeIntervalSince1970: 1_740_787_200) // 2025-03-01
    static let day: TimeInterval = 86_400

    /// The proposals, in opening order. The first is the large one (`big`); the last (`ready`) is opened
    /// last, from the final main, approved and answered, so that `nap merge` can be timed on it.
    static func plan(size: PlanSize, people: People, commitmentIDs: [String], corpus: Corpus,
                     foundingCommits: Int, random: inout SeededRandom) -> [ProposalPlan] {
        let count = max(2, size.proposals)
        let merged = max(1, count * 35 / 100)
        let drafting = max(count, size.commits - foundingCommits - merged)
        // Drafts per proposal: skewed, at least one each, adding up to `drafting`.
        let weights = (0..<count).map { _ in pow(Double.random(in: 0.05...1, using: &random), -0.8) }
        let total = weights.reduce(0, +)
        var commits = weights.map { max(1, Int(Double(drafting) * $0 / total)) }
        var index = 0
        while commits.reduce(0, +) < drafting { commits[index % count] += 1; index += 1 }
        let proposers = people.members.filter { $0.role != "observer" } + Array(people.public_.prefix(300))
        var plans: [ProposalPlan] = []
        for number in 0..<count {
            let author: Person
            if number == count - 1 {
                author = people.members.first { $0.sector == "civil-society" && $0.role == "member" } ?? people.civilSocietyCoChair
            } else {
                author = random.pick(proposers)
            }
            let row = corpus.commitments[(number * 7) % corpus.commitments.count]
            let englishTitle = Corpus.clean(row["Short Title"] ?? row["Commitment Title"] ?? "proposal")
            let chinese = random.chance(0.6)
            let title = String((chinese ? random.pick(corpus.chinesePhrases) : englishTitle).prefix(120))
            let slug: String
            switch number {
            case 0: slug = "big"
            case count - 1: slug = "ready"
            default: slug = String(format: "p%04d-", number) + Self.slugWords(englishTitle)
            }
            var outcome: ProposalPlan.Outcome = .open
            if number != 0 && number != count - 1 {
                let roll = Double(number) / Double(count)
                // Older proposals are more often settled.
                if random.chance(0.55 * (1 - roll) + 0.1) { outcome = .merged } else if random.chance(0.12) { outcome = .withdrawn }
            }
            let opened = number == count - 1
                ? start.addingTimeInterval(260 * day)
                : start.addingTimeInterval(Double(number) / Double(count) * 200 * day + Double.random(in: 0..<day, using: &random))
            var coDrafters: [Person] = []
            if random.chance(0.4) { coDrafters.append(random.pick(people.members)) }
            plans.append(ProposalPlan(
                slug: slug, title: title.isEmpty ? slug : title,
                description: corpus.sentences(Int.random(in: 1...3, using: &random), &random, chinese: chinese),
                author: author, path: "commitments/\(commitmentIDs[random.weighted(commitmentIDs.map { _ in 1 })]).md",
                opened: opened, commits: number == count - 1 ? 3 : commits[number], outcome: outcome, comments: 0, coDrafters: coDrafters))
        }
        return plans
    }

    /// A few lowercase ASCII words of a title, for a slug.
    static func slugWords(_ title: String) -> String {
        let words = title.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.prefix(4)
        let joined = words.joined(separator: "-")
        return joined.isEmpty ? "proposal" : String(joined.prefix(40))
    }
}

extension Scenario {
    /// Spreads the comments so that the record ends up with about `size.events` events: `big` gets
    /// `size.bigComments`, `ready` a few, the others a skewed share (a few proposals draw most comments).
    static func assignComments(_ plans: inout [ProposalPlan], size: PlanSize, random: inout SeededRandom) {
        let merged = plans.filter { $0.outcome == .merged }.count
        let open = plans.filter { $0.outcome == .open }.count
        let fixed = Double(plans.count) * 1.8 + Double(plans.reduce(0) { $0 + $1.commits })
            + Double(merged) * 3.3 + Double(open) * 0.4 + Double(plans.count - merged - open)
        // A comment brings its reasoned response (almost every commenter is outside government) and,
        // sometimes, its resolution.
        let perComment = 1.99
        let budget = max(0, Int((Double(size.events) - fixed) / perComment))
        let big = min(size.bigComments, budget)
        let readyComments = min(20, max(0, budget - big))
        let rest = max(0, budget - big - readyComments)
        let others = plans.count - 2
        guard others > 0 else {
            plans[0].comments = big
            return
        }
        let weights = (0..<others).map { _ in exp(Double.random(in: -1.5...1.5, using: &random)) }
        let total = weights.reduce(0, +)
        for (offset, weight) in weights.enumerated() {
            plans[offset + 1].comments = Int(Double(rest) * weight / total)
        }
        plans[0].comments = big
        plans[plans.count - 1].comments = readyComments
    }
}
