import Crypto
import Foundation
import GitKit
import Localization

/// What `nap import public-input` did, or would do (`--dry-run`).
public struct PublicInputImport: Sendable {
    /// Where the inputs go.
    public enum Target: Sendable, Equatable {
        /// Comments on this open proposal.
        case proposal(String)
        /// Each input a new proposal, with a commitment skeleton on its branch.
        case newProposals
    }

    /// One input imported (or that would be).
    public struct Imported: Sendable, Equatable {
        public let line: Int
        public let source: InputSource
        /// The event's id (a comment's, or the new proposal's).
        public let event: EventID
        /// The proposal it is on, or the new proposal's name.
        public let proposal: String
    }

    public let imported: [Imported]
    /// Rows whose input the record already holds (by platform and id), with the proposal it is on.
    public let alreadyImported: [PublicInputProblem]
    public let skipped: [PublicInputProblem]
    public let notices: [PublicInputProblem]
    public let dryRun: Bool
    /// The member who imported them.
    public let recordedBy: EventAuthor
}

extension PlanStore {
    /// Imports a platform's export as public input: each new row becomes a comment on `target`'s
    /// proposal, or a new proposal, whose author is the person the platform names (the public, with no
    /// address) and whose `recorded-by` is the importing member, with its `source`. Rows the record
    /// already holds (same platform and id) are not imported again. All the new inputs are written in one
    /// record commit (new proposals' branches first, removed again if the record cannot be written), or
    /// none; rows with problems are set aside and reported.
    public func importPublicInput(_ bytes: [UInt8], platform: String, mapping: PublicInputMapping, target: PublicInputImport.Target,
                                  dryRun: Bool = false) throws -> PublicInputImport {
        if let problem = Identifier.problem(in: platform) { throw PlanError.invalidName(kind: L("platform"), name: platform, reason: problem) }
        let signature = try identity()
        let recorder = try eventAuthor(for: signature)
        guard recorder.member != nil else {
            throw PlanError.refused(reason: L("\(signature.email) is not a member in members.yml on main; imported input is recorded by a member of the forum"),
                                    hint: L("ask the secretariat to import it"))
        }
        let table = try PublicInputTable.read(bytes, platform: platform, mapping: mapping, needsTitle: target == .newProposals,
                                              zoneOffset: platform == "join" ? 8 * 3600 : 0, now: signature.time)
        let known = try importedSources()
        var fresh: [PublicInputRow] = []
        var already: [PublicInputProblem] = []
        for row in table.rows {
            if let proposal = known[row.source.key] {
                already.append(.init(line: row.line, column: nil, message: L("\(row.source.platformLabel) \(row.source.id) is already in the record, on \(proposal)")))
            } else {
                fresh.append(row)
            }
        }
        var skipped = table.skipped
        let imported: [PublicInputImport.Imported]
        switch target {
        case .proposal(let name):
            imported = try importComments(fresh, on: name, signature: signature, recorder: recorder, dryRun: dryRun)
        case .newProposals:
            imported = try importProposals(fresh, platform: platform, signature: signature, recorder: recorder, dryRun: dryRun, skipped: &skipped)
        }
        return PublicInputImport(imported: imported, alreadyImported: already, skipped: skipped.sorted { $0.line < $1.line },
                                 notices: table.notices, dryRun: dryRun, recordedBy: recorder)
    }

    /// Every imported input the record holds, by `InputSource.key`, with the proposal it is on.
    func importedSources() throws -> [String: String] {
        var known: [String: String] = [:]
        let tree = try record.tree()
        for (id, _) in try record.proposals(in: tree) {
            guard let state = try fold(try record.events(of: id, in: tree).events) else { continue }
            if let source = state.source { known[source.key] = state.slug }
            for comment in state.comments { if let source = comment.source { known[source.key] = state.slug } }
        }
        return known
    }

    /// The rows as comments on an open proposal, in one record commit.
    private func importComments(_ rows: [PublicInputRow], on name: String, signature: Signature, recorder: EventAuthor,
                                dryRun: Bool) throws -> [PublicInputImport.Imported] {
        let (_, state) = try recordedProposal(named: name)
        guard case .open = state.status else {
            throw PlanError.refused(reason: L("proposal \(state.slug) is \(MessageWords.status(state.status.name)); input cannot be added to it"), hint: L("import as new proposals (--new-proposals)"))
        }
        let events = rows.enumerated().map { index, row in
            let text = row.title.map { $0 + "\n\n" + row.body } ?? row.body
            return importedEvent(row, proposal: state.id, time: signature.time, clock: state.clock + 1 + index,
                                 body: .comment(body: text, anchor: nil, replyTo: nil), recorder: recorder)
        }
        let ids = try write(events, dryRun: dryRun, signature: signature,
                            message: "Import \(events.count) input\(events.count == 1 ? "" : "s") from \(rows.first?.source.platformLabel ?? "") on proposal \(state.slug)\n")
        return zip(rows, ids).map { .init(line: $0.line, source: $0.source, event: $1, proposal: state.slug) }
    }

    /// The rows as new proposals, each with a commitment skeleton on its branch, in one record commit.
    private func importProposals(_ rows: [PublicInputRow], platform: String, signature: Signature, recorder: EventAuthor,
                                 dryRun: Bool, skipped: inout [PublicInputProblem]) throws -> [PublicInputImport.Imported] {
        let main = try requireMain()
        guard let plan = try loadPlan(at: main).plan, let period = plan.period else {
            throw PlanError.refused(reason: L("plan.yml on main has no valid period; a commitment skeleton needs one"), hint: L("run nap validate main"))
        }
        let mainTree = try PlanError.wrap { try repository.treeID(ofCommit: main) }
        let taken = Set(try proposalCandidates().map(\.slug))
        var openings: [(row: PublicInputRow, slug: String, event: Event)] = []
        for row in rows {
            let slug = Self.importedSlug(platform: platform, id: row.source.id)
            guard !taken.contains(slug), try PlanError.wrap({ try repository.referenceTarget(RefNames.proposal(slug)) }) == nil else {
                skipped.append(.init(line: row.line, column: nil, message: L("a proposal named \(slug) already exists")))
                continue
            }
            let title = row.title ?? ""
            let skeleton = try CommitmentTemplate.make(id: slug, titles: [plan.primaryLanguage ?? "zh-Hant": title], languages: plan.languages, period: period)
            let head = try PlanError.wrap {
                let blob = try repository.writeBlob(Array(skeleton.utf8))
                let tree = try repository.writeTree(applying: [PlanFiles.commitmentPath(id: slug): .blob(blob)], to: mainTree)
                return try writeCommit(tree: tree, parents: [main], message: "Commitment skeleton for \(title)\n\nImported from \(row.source.platformLabel) \(row.source.id).\n", signature: signature)
            }
            let event = importedEvent(row, proposal: nil, time: signature.time, clock: 1,
                                      body: .opened(slug: slug, title: title, description: row.body, base: main, head: head), recorder: recorder)
            openings.append((row, slug, event))
        }
        guard !dryRun else {
            return try openings.map { .init(line: $0.row.line, source: $0.row.source, event: try EventCodec.encode($0.event).id, proposal: $0.slug) }
        }
        var created: [(String, ObjectID)] = []
        do {
            for opening in openings {
                guard case .opened(_, _, _, _, let head) = opening.event.body else { continue }
                try PlanError.wrap { try repository.updateReference(RefNames.proposal(opening.slug), to: head, expecting: .absent, message: "nap import public-input") }
                created.append((RefNames.proposal(opening.slug), head))
            }
            let ids = try write(openings.map(\.event), dryRun: false, signature: signature,
                                message: "Import \(openings.count) proposal\(openings.count == 1 ? "" : "s") from \(rows.first?.source.platformLabel ?? "")\n")
            return zip(openings, ids).map { .init(line: $0.row.line, source: $0.row.source, event: $1, proposal: $0.slug) }
        } catch {
            for (branch, head) in created { try? repository.deleteReference(branch, expecting: head) }
            throw error
        }
    }

    /// An imported input's event: the person the platform names as its author (the public, no address),
    /// the importing member as `recorded-by`.
    private func importedEvent(_ row: PublicInputRow, proposal: EventID?, time: Date, clock: Int, body: EventBody, recorder: EventAuthor) -> Event {
        var event = Event(proposal: proposal, author: EventAuthor(name: row.author, email: "", member: nil, sector: "public", role: nil),
                          time: time, clock: clock, body: body)
        event.source = row.source
        event.recordedBy = recorder
        return event
    }

    /// Appends `events` in one record commit; with `dryRun`, only their ids.
    private func write(_ events: [Event], dryRun: Bool, signature: Signature, message: String) throws -> [EventID] {
        if events.isEmpty { return [] }
        if dryRun { return try events.map { try EventCodec.encode($0).id } }
        return try record.append(events, by: signature, message: message)
    }

    /// The name of a proposal imported from `platform` with input id `id`: `join-<id>` when the id is
    /// made of ASCII letters, digits, `-` and `_`, else `join-` and 12 hex digits of the id's SHA-256.
    static func importedSlug(platform: String, id: String) -> String {
        let plain = id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_") }
        let tail = plain && id.count <= 40 && !id.hasPrefix("-") ? id : String(ObjectID.hex(SHA256.hash(data: Data(id.utf8))).prefix(12))
        return platform + "-" + tail
    }
}
