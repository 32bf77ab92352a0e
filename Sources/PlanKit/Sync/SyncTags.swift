import GitKit
import Localization

/// Which tags are published versions that `nap sync` may take from a remote or give to it. Anyone who can
/// push to a hub can push any tag, so a tag is judged by what it is, never by where it came from: a name
/// `nap publish` would write (not shadowing a reference, not a proposal's name), an annotated tag whose
/// object bears that name, on a commit of main's first-parent line, signed by a co-chair's key in
/// members.yml when the policy requires signatures (the rules of `nap verify`, docs/STORAGE.md "Sync").
final class VersionTagJudge {
    private let store: PlanStore
    /// The main whose first-parent line a version must be on (nil: this copy has no main; nothing passes).
    private let main: ObjectID?
    /// For a push: the commit the remote's main will be at afterwards, whose history must hold the tagged
    /// commit too (nil then: the remote will have no main, and no tag is given).
    private let remoteMain: ObjectID?
    private let forPush: Bool
    /// The names of configured remotes: a tag `<remote>/…` would shadow a remote-tracking branch.
    private let remotes: [String]
    /// Proposal names the remote has (with the ones this copy knows, no version may take them).
    private let remoteProposals: Set<String>
    private var line: Set<ObjectID>?
    private var slugs: Set<String>?
    private var verifier: Verifier?

    private var repository: Repository { store.repository }

    init(store: PlanStore, main: ObjectID?, remoteMain: ObjectID? = nil, forPush: Bool = false, remoteProposals: some Sequence<String>) throws {
        self.store = store
        self.main = main
        self.remoteMain = remoteMain
        self.forPush = forPush
        self.remoteProposals = Set(remoteProposals)
        remotes = try PlanError.wrap { try store.repository.remoteNames() }
    }

    /// Why `name` cannot name a published version here, or nil: an invalid or shadowing name
    /// (`PlanStore.versionNameProblem`, `RefNames.shadowingProblem`) or a proposal's name.
    func nameProblem(_ name: String) throws -> Message? {
        if let problem = PlanStore.versionNameProblem(name) ?? RefNames.shadowingProblem(tag: name, remotes: remotes) { return problem }
        if slugs == nil { slugs = Set(try store.proposalCandidates().map(\.slug)).union(remoteProposals) }
        if slugs?.contains(name) == true { return L("its name is that of a proposal (`nap render \(name)` would be ambiguous)") }
        return nil
    }

    /// Why the tag `name`, pointing at `target`, is not a published version, or nil when it is.
    func trustProblem(_ name: String, target: ObjectID) throws -> Message? {
        guard let main else { return L("this copy has no main to check it against") }
        switch repository.objectKind(target) {
        case .tag:
            break
        case .commit:
            return L("it is a lightweight tag on \(target.short()), not an annotated tag made by `nap publish`")
        case let kind:
            return L("it points at \(Self.describe(kind)), not at an annotated tag of a commit")
        }
        let tag = try PlanError.wrap { try repository.annotatedTag(target) }
        guard repository.objectKind(tag.target) == .commit else {
            return L("it tags \(Self.describe(repository.objectKind(tag.target))), not a commit of main")
        }
        guard tag.name == name else { return L("its tag object is named \(tag.name), not \(name)") }
        if line == nil { line = try firstParentLine(of: main) }
        guard line?.contains(tag.target) == true else {
            return L("it tags commit \(tag.target.short()), which is not on main's first-parent line here; a published version is a tag of main")
        }
        if forPush {
            guard let remoteMain else { return L("the remote has no main for it to be a version of") }
            if tag.target != remoteMain, try !PlanError.wrap({ try repository.isAncestor(tag.target, of: remoteMain) }) {
                return L("it tags commit \(tag.target.short()), which main on the remote does not have yet")
            }
        }
        if verifier == nil { verifier = Verifier(store: store, report: VerificationReport(revision: RefNames.main, head: main)) }
        return try verifier?.versionTagProblem(name: name, object: target, tag: tag)
    }

    /// The commits of `head`'s first-parent line.
    private func firstParentLine(of head: ObjectID) throws -> Set<ObjectID> {
        var line = Set<ObjectID>()
        var cursor: ObjectID? = head
        while let id = cursor, line.insert(id).inserted {
            cursor = try PlanError.wrap { try repository.commit(id).parents.first }
        }
        return line
    }

    private static func describe(_ kind: ObjectKind?) -> Message {
        switch kind {
        case .commit: L("a commit")
        case .tree: L("a tree")
        case .blob: L("a file (blob)")
        case .tag: L("another tag")
        case nil: L("an object this copy does not have")
        }
    }
}

/// Tags in a sync: published versions only, in both directions.
extension SyncSession {
    /// Tags: a published version the remote has and this copy lacks is created here; one with another
    /// target is reported and never moved, on either side. Any other tag (a shadowing name, a proposal's
    /// name, a lightweight or unsigned tag, a tag off main) is not taken, and reported.
    func integrateTags(_ remote: RemoteState) throws {
        let judge = try VersionTagJudge(store: store, main: try store.mainHead(), remoteProposals: remote.proposals.keys)
        for (name, theirs) in remote.tags.sorted(by: { $0.key < $1.key }) {
            let reference = RefNames.tagPrefix + name
            guard Repository.isValidReferenceName(reference) else { continue }
            let mine = try PlanError.wrap { try repository.referenceTarget(reference) }
            if mine == theirs { continue }
            if let why = try judge.nameProblem(name) {
                warn(SyncProblem(.shadowingTag, reference: reference,
                    message: L("the remote's tag \(name) was not taken: \(why)"),
                    hint: L("ask whoever pushed it to delete it from the hub (`git push <hub> :refs/tags/\(name)`); published versions have names like v1.0")))
                continue
            }
            if let mine {
                roundProblems.append(SyncProblem(.tagConflict, reference: reference,
                    message: L("tag \(name) points at \(mine.short()) here and at \(theirs.short()) on the remote; published versions are never moved"),
                    hint: L("compare them with `git show \(name) \(target.tagsNamespace)\(name)`; a corrected version is published under a new name")))
                continue
            }
            if let why = try judge.trustProblem(name, target: theirs) {
                warn(SyncProblem(.untrustedTag, reference: reference,
                    message: L("the remote's tag \(name) was not taken: \(why)"),
                    hint: L("a published version is an annotated tag on main made by a co-chair with `nap publish` (signed where the policy requires); ask whoever pushed this one to delete it from the hub (`git push <hub> :refs/tags/\(name)`)")))
                continue
            }
            do {
                try PlanError.wrap { try repository.updateReference(reference, to: theirs, expecting: .absent, message: "nap sync: tag from \(target.label)") }
                note(.local, reference, .created, old: nil, new: theirs)
                report.received.versions += 1
            } catch PlanError.git(let error) where error.isExists {
                continue
            }
        }
    }

    /// The tags to give the remote: every local tag it lacks that passes the same rules as a tag taken
    /// from it, on a commit main there will have after this push (`remoteMain`). The others stay here
    /// and are reported.
    func plannedTagPushes(_ remote: RemoteState, remoteMain: ObjectID?) throws -> [PushUpdate] {
        let names = try PlanError.wrap { try repository.tagNames() }.filter { remote.tags[$0] == nil }
        guard !names.isEmpty else { return [] }
        let judge = try VersionTagJudge(store: store, main: try store.mainHead(), remoteMain: remoteMain, forPush: true,
                                        remoteProposals: remote.proposals.keys)
        var updates: [PushUpdate] = []
        for name in names {
            let reference = RefNames.tagPrefix + name
            guard let mine = try PlanError.wrap({ try repository.referenceTarget(reference) }) else { continue }
            let nameProblem = try judge.nameProblem(name)
            if let why = try nameProblem ?? judge.trustProblem(name, target: mine) {
                warn(SyncProblem(nameProblem == nil ? .untrustedTag : .shadowingTag, reference: reference,
                    message: L("tag \(name) here was not pushed: \(why)"),
                    hint: L("only published versions are shared (`nap publish`); if this tag is not one, it can stay here, or go: `git tag -d \(name)`")))
                continue
            }
            updates.append(PushUpdate(source: reference, destination: reference, expected: nil))
        }
        return updates
    }
}
