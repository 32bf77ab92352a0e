import Foundation
import GitKit
import Localization

/// An open plan: the git repository, its record, and the person using nap. Every PlanKit operation
/// takes one. Not Sendable (it owns a libgit2 handle): one per thread.
public final class PlanStore {
    public let repository: Repository
    public let record: Record
    /// The working tree's root folder, ending in `/`.
    public let root: String
    /// Signs the commits, tags and events this store writes, when the user has a key (Signing/).
    public let signer: Signer
    let environment: [String: String]
    /// Set on the store `onBehalf(of:)` returns: the host this store writes as, and for whom (Hosting/).
    var hostAgency: HostAgency?
    /// The authority events are judged by, for the main it was built from (Record/EventAuthority.swift).
    let authorityMemo: StoreMemo<PlanAuthority>
    /// What the store derives more than once (Cache/StoreMemos.swift).
    let memos: StoreMemos

    public convenience init(repository: Repository, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try self.init(repository: repository, environment: environment, signer: nil, authorityMemo: StoreMemo(), memos: StoreMemos())
    }

    /// A store of the same repository, the same identity and key, that shares `other`'s memos (each is
    /// keyed by what it is made from, whoever writes) and signer (the key read once): the store
    /// `onBehalf(of:)` makes, so that a server writing for many people keeps what it read between writes.
    /// Both stores must be used from one thread at a time.
    convenience init(sharingMemosOf other: PlanStore) throws {
        try self.init(repository: other.repository, environment: other.environment, signer: other.signer,
                      authorityMemo: other.authorityMemo, memos: other.memos)
    }

    private init(repository: Repository, environment: [String: String], signer: Signer?, authorityMemo: StoreMemo<PlanAuthority>,
                 memos: StoreMemos) throws {
        guard let root = repository.workingDirectory else {
            throw PlanError.refused(reason: L("this is a bare repository; nap needs a working tree"), hint: L("clone it: nap clone <path> <folder>"))
        }
        self.repository = repository
        self.signer = signer ?? Signer(repository: repository, environment: environment)
        self.record = Record(repository: repository, signer: self.signer)
        self.root = root
        self.environment = environment
        self.authorityMemo = authorityMemo
        self.memos = memos
    }

    /// Opens the plan that contains `path` (any folder inside it).
    public static func open(at path: String) throws -> PlanStore {
        let repository: Repository
        do {
            repository = try Repository.discover(from: path)
        } catch let error as GitError where error.isNotFound {
            throw PlanError.notAPlan(path: path)
        } catch let error as GitError {
            throw PlanError.git(error)
        }
        let store = try PlanStore(repository: repository)
        let hasMain = try store.mainHead() != nil
        guard hasMain || FileManager.default.fileExists(atPath: store.root + "plan.yml") else {
            throw PlanError.notAPlan(path: path)
        }
        // A merge killed midway is finished (or found to have changed nothing) before anything else.
        try? store.completeInterruptedMerge()
        return store
    }

    /// Who is using nap: `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL` when set (as git honours them), else
    /// `user.name`/`user.email` from git's configuration. What they record is dated `time`, else
    /// `GIT_AUTHOR_DATE` when set (`@<seconds since 1970>` or RFC 3339, as git reads it for a commit's
    /// author), else now: event times are stated by their authors (docs/SECURITY.md).
    public func identity(at time: Date? = nil) throws -> Signature {
        let time = time ?? authorDate ?? Date()
        if let name = environment["GIT_AUTHOR_NAME"], let email = environment["GIT_AUTHOR_EMAIL"], !name.isEmpty, !email.isEmpty {
            return Signature(name: name, email: email, time: time)
        }
        guard let configured = repository.defaultSignature(), !configured.email.isEmpty else { throw PlanError.noIdentity }
        return Signature(name: configured.name, email: configured.email, time: time)
    }

    /// `GIT_AUTHOR_DATE` as a time, when it is set to `@<seconds>` (with an optional zone, ignored) or an
    /// RFC 3339 time within the years plan dates can name.
    var authorDate: Date? {
        guard let text = environment["GIT_AUTHOR_DATE"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.hasPrefix("@") {
            let digits = text.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 11, let seconds = Int(digits) else { return nil }
            return Date(timeIntervalSince1970: Double(seconds))
        }
        guard let date = Timestamp.parse(text), PlanDate.day(of: date) != nil else { return nil }
        return date
    }

    /// Today for the person acting: `GIT_AUTHOR_DATE` when set, else the computer's clock. Deadlines,
    /// overdue milestones and the promises about meetings are counted from it; the merge gate counts
    /// `min-discussion-days` on the computer's clock.
    public var now: Date { authorDate ?? Date() }

    /// The commit `main` points at; nil before the plan's first commit.
    public func mainHead() throws -> ObjectID? {
        try PlanError.wrap { try repository.referenceTarget(RefNames.main) }
    }

    /// `main`'s commit, or an error saying the plan has none yet.
    public func requireMain() throws -> ObjectID {
        guard let head = try mainHead() else {
            throw PlanError.refused(reason: L("the plan has no commit on main yet"), hint: L("run `nap init` to create it"))
        }
        return head
    }

    /// The plan's files in a commit.
    public func files(at commit: ObjectID) throws -> TreeFileSource {
        TreeFileSource(repository: repository, tree: try PlanError.wrap { try repository.treeID(ofCommit: commit) })
    }

    /// The plan's files in the working tree.
    public var workTreeFiles: WorkTreeFileSource { WorkTreeFileSource(root: root) }

    /// The branch checked out, as its full reference name; nil when HEAD is detached.
    public func currentBranch() throws -> String? {
        try PlanError.wrap { try repository.headReferenceName() }
    }

    /// Paths with uncommitted changes (untracked files included).
    public func uncommittedPaths() throws -> [String] {
        try PlanError.wrap { try repository.status().map(\.path) }
    }

    /// Refuses to go on when the working tree has uncommitted changes.
    public func requireCleanWorkTree() throws {
        let dirty = try uncommittedPaths()
        guard dirty.isEmpty else { throw PlanError.dirtyWorkTree(paths: dirty) }
        if let pending = repository.pendingOperation {
            throw PlanError.refused(reason: L("a \(pending) is in progress in this working tree"), hint: L("finish it with `nap save`, or abort it with `git merge --abort`"))
        }
    }
}
