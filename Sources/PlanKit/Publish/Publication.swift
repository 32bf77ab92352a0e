import Foundation
import GitKit
import Localization

/// A published version of the plan: an annotated tag on main (`refs/tags/<version>`), written by a
/// co-chair with `nap publish`, whose message ends in trailers saying who published it and what.
public struct Publication: Sendable, Equatable {
    /// The version's name, e.g. `v1` (the tag name).
    public let version: String
    /// The tag object.
    public let tag: ObjectID
    /// The commit on main that was published.
    public let commit: ObjectID
    public let tagger: Signature
    /// The tag's full message, trailers included.
    public let message: String
    /// How many commitments the published plan has.
    public let commitments: Int
    /// The previous published version this one follows, if any.
    public let previous: String?
}

/// A version tag found in the repository (`refs/tags/*` pointing at an annotated tag on a commit).
public struct PublishedVersion: Sendable, Equatable {
    public let name: String
    public let tag: ObjectID
    public let commit: ObjectID
    /// Nil for a tag object written without a tagger.
    public let tagger: Signature?
    public let message: String

    /// When the version was published: the tagger's time.
    public var time: Date? { tagger?.time }
}

extension PlanStore {
    /// Publishes main as `version`: an annotated tag on main's commit, tagged by the user, whose message is
    /// `message` followed by the trailers `Published-by:`, `Commitments:` and `Plan:`.
    ///
    /// Only a co-chair publishes. Refuses, changing nothing, when the version name is not a valid tag
    /// name or exists already, when the working tree has uncommitted changes, when the plan on main does
    /// not validate (with every error), or when an input of this cycle has no reasoned response (every
    /// open proposal, and every proposal merged since the previous published version; each blocker is
    /// listed). The tag is written in one step at the end: either it exists afterwards, complete, or
    /// nothing was published.
    public func publish(version: String, message: String) throws -> Publication {
        let signature = try identity()
        let actor = try eventAuthor(for: signature)
        guard actor.isCoChair else {
            throw PlanError.refused(reason: L("only a co-chair publishes a version of the plan; \(signature.email) is \(actor.standing)"),
                                    hint: L("ask the government or civil-society co-chair to publish"))
        }
        try Self.checkVersionName(version)
        if try proposalCandidates().contains(where: { $0.slug == version }) {
            throw PlanError.invalidName(kind: L("version"), name: version,
                                        reason: L("a proposal has this name; `nap render \(version)` would be ambiguous"))
        }
        let reference = RefNames.tagPrefix + version
        if try PlanError.wrap({ try repository.referenceTarget(reference) }) != nil {
            throw PlanError.alreadyExists(kind: L("version"), name: version)
        }
        if try PlanError.wrap({ try repository.referenceTarget("refs/heads/" + version) }) != nil {
            throw PlanError.invalidName(kind: L("version"), name: version,
                                        reason: L("a branch has this name; a tag of the same name would make `\(version)` ambiguous in git"))
        }
        let text = try checkedText(message, what: L("message"))
        try requireCleanWorkTree()
        let main = try requireMain()
        let contents = try contents(at: main)
        guard contents.isValid, let plan = contents.plan else {
            throw PlanError.invalidPlan(diagnostics: contents.errors)
        }
        let previous = try previousPublication(before: main)
        let blockers = try unansweredInputsOfCycle(since: previous).map(Self.describe)
        guard blockers.isEmpty else {
            throw PlanError.refused(
                reason: BlockerList.message(Message.plural(blockers.count, one: L("version \(version) cannot be published yet: 1 input has no reasoned response:"),
                                                           other: L("version \(version) cannot be published yet: \(blockers.count) inputs have no reasoned response:")),
                                            blockers),
                hint: L("give each one a reasoned response: nap respond <comment id | proposal> --disposition … -m \"…\""))
        }
        let full = PublicationMessage(message: text, publisher: signature, actor: actor, plan: plan,
                                      commitments: contents.commitments.count).text
        // The one place a version tag is written: signed (SSHSIG, namespace git) when a key is available.
        let tag: ObjectID
        do {
            tag = try writeAnnotatedTag(name: version, target: main, message: full, tagger: signature)
        } catch PlanError.alreadyExists {
            throw PlanError.alreadyExists(kind: L("version"), name: version)
        } catch PlanError.git(let error) where error.isExists {
            // Someone published the same version a moment ago.
            throw PlanError.alreadyExists(kind: L("version"), name: version)
        }
        return Publication(version: version, tag: tag, commit: main, tagger: signature, message: full,
                           commitments: contents.commitments.count, previous: previous?.name)
    }

    /// Every version tag: annotated tags on commits, oldest first (by tagger time, then name).
    /// Lightweight tags and tags of other objects are not versions and are left out.
    public func publishedVersions() throws -> [PublishedVersion] {
        try PlanError.wrap {
            var versions: [PublishedVersion] = []
            for (name, target) in try repository.references(matching: RefNames.tagPrefix + "*") {
                guard repository.objectKind(target) == .tag else { continue }
                let tag = try repository.annotatedTag(target)
                guard repository.objectKind(tag.target) == .commit else { continue }
                versions.append(PublishedVersion(name: String(name.dropFirst(RefNames.tagPrefix.count)), tag: target,
                                                 commit: tag.target, tagger: tag.tagger, message: tag.message))
            }
            return versions.sorted {
                ($0.time ?? .distantPast, $0.name) < ($1.time ?? .distantPast, $1.name)
            }
        }
    }

    /// The latest published version whose commit is `commit` or one of its ancestors.
    public func previousPublication(before commit: ObjectID) throws -> PublishedVersion? {
        try publishedVersions().reversed().first { version in
            (try? repository.isAncestor(version.commit, of: commit)) == true
        }
    }

    /// The inputs of the current cycle that are owed a reasoned response: on every open proposal, and on
    /// every proposal merged since `previous` (its merge commit is not part of the previous version).
    /// Withdrawn proposals and branches without a record are not counted.
    public func unansweredInputsOfCycle(since previous: PublishedVersion?) throws -> [(proposal: ProposalState, input: UnansweredInput)] {
        // From the cache of derived state: only proposals with inputs owed a response are folded.
        try cachedUnansweredInputsOfCycle(since: previous)
    }

    /// Refuses a version name that cannot be a tag (`refs/tags/<version>` must be a valid reference
    /// name), that would be read as an option, or that would shadow a reference (`versionNameProblem`).
    static func checkVersionName(_ version: String) throws {
        if let problem = versionNameProblem(version) { throw PlanError.invalidName(kind: L("version"), name: version, reason: problem) }
    }

    /// Why `version` cannot name a published version, or nil. `nap publish` writes, and `nap sync` takes
    /// from a remote or gives to it, only tags whose names pass: not empty, not starting with `-`, a valid
    /// git tag name, and not shadowing nap's or git's own references (`RefNames.shadowingProblem`).
    static func versionNameProblem(_ version: String) -> Message? {
        if version.isEmpty { return L("a version needs a name, e.g. v1") }
        if version.hasPrefix("-") { return L("a version cannot start with '-'") }
        guard Repository.isValidReferenceName(RefNames.tagPrefix + version) else {
            return L("not a valid git tag name (no spaces, '..', '~', '^', ':', '?', '*', '[', '\\', control characters; not ending in '.' or '.lock')")
        }
        return RefNames.shadowingProblem(tag: version)
    }

    private static func describe(_ item: (proposal: ProposalState, input: UnansweredInput)) -> Message {
        let who = L("\(item.input.author.name) (\(MessageWords.sector(item.input.author.sectorLabel)))")
        switch item.input.kind {
        case .proposal: return L("proposal \(item.proposal.slug) (\(MessageWords.status(item.proposal.status.name))) from \(who)")
        case .comment: return L("comment \(item.input.id.prefix(8)) from \(who) on proposal \(item.proposal.slug)")
        }
    }
}

/// The message of a version tag: the publisher's message, then trailers that say who published what,
/// so that `git show <version>` is the publication record.
struct PublicationMessage {
    let message: String
    let publisher: Signature
    let actor: EventAuthor
    let plan: Plan
    let commitments: Int

    var text: String {
        let body = message.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let label = actor.isGovernment ? "government co-chair"
            : actor.sector == Sector.civilSociety.rawValue ? "civil-society co-chair" : "\(actor.sector) co-chair"
        let title = plan.primaryLanguage.flatMap { plan.title[$0] } ?? plan.title.values.sorted().first ?? ""
        let lines = [
            "Published-by: \(MergeMessage.person(publisher.name, publisher.email)) (\(label))",
            "Commitments: \(commitments)",
            "Plan: \(Self.oneLine(title))",
        ]
        return body + "\n\n" + lines.joined(separator: "\n") + "\n"
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
