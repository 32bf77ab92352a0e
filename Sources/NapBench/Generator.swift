import Foundation
import GitKit
import PlanKit

/// Builds the benchmark plan: the files, the history, the record and the versions, all written in this
/// one process through GitKit; then packs the repository with stock git (libgit2 writes loose objects and
/// has no gc), so that reads are timed as a user would meet them after `git gc` or a clone.
struct Generator {
    let options: Options
    private let started = Date()

    init(options: Options) {
        self.options = options
    }

    /// What was built, for `scripts/bench.sh` (written as `manifest.env`).
    struct Manifest {
        var values: [(String, String)] = []
        mutating func set(_ key: String, _ value: CustomStringConvertible) { values.append((key, "\(value)")) }
        var text: String {
            values.map { "\($0.0)='\($0.1.replacingOccurrences(of: "'", with: "'\\''"))'" }.joined(separator: "\n") + "\n"
        }
    }

    private func progress(_ message: String) {
        let elapsed = String(format: "%6.1fs", Date().timeIntervalSince(started))
        FileHandle.standardError.write(Data("nap-bench: \(elapsed)  \(message)\n".utf8))
    }

    /// The repository's root: the current folder when it holds Package.swift, else where this file was built.
    static func repositoryRoot() -> URL {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if FileManager.default.fileExists(atPath: current.appendingPathComponent("Package.swift").path) { return current }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func run() throws -> Manifest {
        let root = Self.repositoryRoot()
        let data = options.data.map { URL(fileURLWithPath: $0) } ?? root.deletingLastPathComponent().appendingPathComponent("shared/data")
        let corpus = try Corpus.load(data: data, docs: root.appendingPathComponent("docs"))
        let size = options.size
        var random = SeededRandom(seed: options.seed)
        let output = URL(fileURLWithPath: options.output ?? "bench-data")
        let planPath = output.appendingPathComponent("plan").path
        try? FileManager.default.removeItem(atPath: planPath)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        _ = try Repository.create(at: planPath)
        progress("texts read: \(corpus.commitments.count) OGP commitments, \(corpus.english.count) English and \(corpus.chinese.count) Chinese sentences")

        let people = People.make(publicCount: size.publicPeople, random: &random)
        var commitments: [(id: String, text: String)] = []
        for index in 0..<size.commitments {
            let id = "\(index / 10 + 1)-\(index % 10 + 1)"
            if index == 0, let taiwanese = corpus.taiwaneseCommitment {
                commitments.append((id, CommitmentText.taiwanese(taiwanese)))
            } else {
                let row = corpus.commitments[index % corpus.commitments.count]
                commitments.append((id, try CommitmentText.make(id: id, row: row, corpus: corpus, random: &random)))
            }
        }
        let period = Period(start: try PlanDate(parsing: "\(CommitmentText.planStart)-01"), end: try PlanDate(parsing: "\(CommitmentText.planEnd)-12"))
        // The generated record carries no signatures, so the plan does not require them (else no approval
        // would count and `nap merge ready` would be refused); and its proposals are merged on the
        // scenario's schedule, some within days of opening, so no minimum discussion time is set.
        var files = try PlanTemplate.files(titles: ["zh-Hant": "開放政府國家行動方案（2025-2028年）", "en": "Open Government National Action Plan (2025–2028)"],
                                           period: period, requireSignatures: false, minDiscussionDays: 0)
        files = files.map { $0.path == PlanFiles.members ? ($0.path, Array(people.membersFile.utf8)) : $0 }

        // Every object goes into memory and then into one pack: far faster than a loose file per object.
        let built = try Repository.writingOnePack(at: planPath) { repository in
            let drafting = Drafting(repository: repository, people: people, corpus: corpus)
            try drafting.found(files: files, commitments: commitments)
            var plans = Scenario.plan(size: size, people: people, commitmentIDs: commitments.map(\.id), corpus: corpus,
                                      foundingCommits: Drafting.foundingCommits(commitments: size.commitments), random: &random)
            Scenario.assignComments(&plans, size: size, random: &random)
            let discussion = Discussion(repository: repository, people: people, corpus: corpus, proposals: plans.count)
            var ids = Array(repeating: "", count: plans.count)
            try drafting.run(&plans, ids: &ids, discussion: discussion, end: Scenario.start.addingTimeInterval(270 * Scenario.day), random: &random)
            guard let main = drafting.main else { throw OptionsError.invalid("no history was written") }
            progress("history written: \(drafting.commits) commits (\(drafting.merges.count) merges), \(discussion.count) events")

            let contents = PlanValidator().load(source: TreeFileSource(repository: repository, tree: try repository.treeID(ofCommit: main)))
            guard contents.isValid else {
                throw OptionsError.invalid("the generated plan does not validate:\n" + contents.errors.prefix(10).map { "\($0)" }.joined(separator: "\n"))
            }
            let recordCommits = try RecordWriter.write(discussion.events, commits: size.recordCommits ?? max(1, size.events / 25), repository: repository)
            progress("record written: \(recordCommits) record commits")
            for plan in plans {
                guard let head = plan.head else { continue }
                try repository.updateReference(RefNames.proposal(plan.slug), to: head, expecting: .any, message: "nap-bench")
            }
            try repository.updateReference(RefNames.main, to: main, expecting: .any, message: "nap-bench")
            return (plans: plans, ids: ids, drafting: drafting, discussion: discussion, contents: contents, recordCommits: recordCommits, main: main)
        }
        let (plans, ids, drafting, discussion, contents, recordCommits, main) = built
        progress("one pack written")
        let repository = try Repository.open(at: planPath)
        let versions = try publish(drafting.merges, count: size.versions, people: people, commitments: contents.commitments.count, repository: repository)
        try repository.checkout(commit: main, branch: RefNames.main, force: true)
        if options.gc {
            progress("deltifying with git gc")
            try git(["gc", "--quiet"], in: planPath)
        }
        progress("done")

        var manifest = Manifest()
        manifest.set("PLAN", planPath)
        manifest.set("BIG", "big")
        manifest.set("BIG_ID", ids.first ?? "")
        manifest.set("BIG_COMMENTS", plans.first?.comments ?? 0)
        manifest.set("READY", "ready")
        var edits: [String: Int] = [:]
        for plan in plans where plan.outcome == .merged { edits[plan.path, default: 0] += plan.commits }
        let blamed = edits.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "commitments/1-1.md"
        manifest.set("BLAME_COMMITMENT", String(blamed.dropFirst("commitments/".count).dropLast(3)))
        manifest.set("NEXT_VERSION", "v\(versions + 1)")
        manifest.set("CHAIR_NAME", people.governmentCoChair.name)
        manifest.set("CHAIR_EMAIL", people.governmentCoChair.email)
        manifest.set("COMMENTER_NAME", people.public_[0].name)
        manifest.set("COMMENTER_EMAIL", people.public_[0].email)
        manifest.set("COMMITMENTS", contents.commitments.count)
        manifest.set("PROPOSALS", plans.count)
        manifest.set("EVENTS", discussion.count)
        manifest.set("COMMITS", drafting.commits)
        manifest.set("MERGES", drafting.merges.count)
        manifest.set("RECORD_COMMITS", recordCommits)
        manifest.set("VERSIONS", versions)
        manifest.set("BUILD_SECONDS", String(format: "%.0f", Date().timeIntervalSince(started)))
        try Data(manifest.text.utf8).write(to: output.appendingPathComponent("manifest.env"))
        return manifest
    }

    /// Annotated version tags on merges spread over main's history, as `nap publish` writes them.
    private func publish(_ merges: [(commit: ObjectID, time: Date)], count: Int, people: People, commitments: Int, repository: Repository) throws -> Int {
        guard count > 0, !merges.isEmpty else { return 0 }
        let chair = people.governmentCoChair
        var written = 0
        for version in 1...count {
            let merge = merges[min(merges.count - 1, version * merges.count / (count + 1))]
            let message = "第 \(version) 版草案 Draft \(version) of the plan\n\nPublished-by: \(chair.name) <\(chair.email)> (government co-chair)\n"
                + "Commitments: \(commitments)\nPlan: 開放政府國家行動方案（2025-2028年）\n"
            _ = try repository.createAnnotatedTag(name: "v\(version)", target: merge.commit,
                                                  tagger: Signature(name: chair.name, email: chair.email, time: merge.time.addingTimeInterval(3600)),
                                                  message: message)
            written += 1
        }
        return written
    }

    private func git(_ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OptionsError.invalid("git \(arguments.joined(separator: " ")) failed") }
    }
}
