import CLibGit2
import Foundation

/// An open git repository. Owns its libgit2 handle and frees it when released; every object read from
/// it keeps it alive. Not Sendable: use one `Repository` per thread.
public final class Repository {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Creates a repository at `path` (and any missing parent folders) whose unborn HEAD points at
    /// `initialBranch`.
    public static func create(at path: String, bare: Bool = false, initialBranch: String = "main") throws -> Repository {
        LibGit2.ensure()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)))
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        var handle: OpaquePointer?
        try initialBranch.withCString { head in
            options.initial_head = head
            try check(git_repository_init_ext(&handle, path, &options), "git_repository_init_ext")
        }
        guard let handle else { throw GitError.gitKit("libgit2 returned no repository", function: "git_repository_init_ext") }
        return Repository(pointer: handle)
    }

    /// Opens the repository at exactly `path` (its work tree or its git directory).
    public static func open(at path: String) throws -> Repository {
        LibGit2.ensure()
        var handle: OpaquePointer?
        try check(git_repository_open_ext(&handle, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil), "git_repository_open_ext")
        guard let handle else { throw GitError.gitKit("libgit2 returned no repository") }
        return Repository(pointer: handle)
    }

    /// Finds the repository that contains `path`, walking up through parent folders like git does.
    public static func discover(from path: String) throws -> Repository {
        LibGit2.ensure()
        var handle: OpaquePointer?
        try check(git_repository_open_ext(&handle, path, 0, nil), "git_repository_open_ext")
        guard let handle else { throw GitError.gitKit("libgit2 returned no repository") }
        return Repository(pointer: handle)
    }

    /// The `.git` folder (or the bare repository's folder), ending in `/`.
    public var gitDirectory: String { text(git_repository_path(pointer)) }

    /// The folder that holds the objects and shared references, ending in `/`: the git directory, or for
    /// a linked work tree the main repository's.
    public var commonDirectory: String { text(git_repository_commondir(pointer)) }

    /// The work tree's folder, ending in `/`; nil for a bare repository.
    public var workingDirectory: String? {
        guard let dir = git_repository_workdir(pointer) else { return nil }
        return text(dir)
    }

    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// True while HEAD names a branch that has no commit yet.
    public var isHeadUnborn: Bool { git_repository_head_unborn(pointer) == 1 }

    /// The full name of the branch HEAD points at (`refs/heads/main`), even when unborn; nil when detached.
    public func headReferenceName() throws -> String? {
        var ref: OpaquePointer?
        try check(git_reference_lookup(&ref, pointer, "HEAD"))
        defer { git_reference_free(ref) }
        guard git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC else { return nil }
        return text(git_reference_symbolic_target(ref))
    }

    /// The commit HEAD points at; nil when the branch is unborn.
    public func headCommitID() throws -> ObjectID? {
        var oid = git_oid()
        let result = git_reference_name_to_id(&oid, pointer, "HEAD")
        if result == GIT_ENOTFOUND.rawValue || result == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(result, "git_reference_name_to_id")
        return ObjectID(oid)
    }

    /// Points HEAD at a branch (which need not exist yet).
    public func setHead(_ referenceName: String) throws {
        try check(git_repository_set_head(pointer, referenceName))
    }

    /// Resolves a revision expression (`main`, `v1`, `HEAD~2`, an id prefix) to the commit it names.
    public func resolveCommit(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, pointer, revision), "git_revparse_single")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel")
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// The kind of the object `id`, or nil when the repository does not hold it.
    public func objectKind(_ id: ObjectID) -> ObjectKind? {
        var oid = id.raw
        var object: OpaquePointer?
        guard git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY) == 0 else { return nil }
        defer { git_object_free(object) }
        return ObjectKind(git_object_type(object))
    }

    /// The repository's state beyond a plain checkout (a merge in progress, ...); nil when none.
    public var pendingOperation: String? {
        switch git_repository_state(pointer) {
        case Int32(GIT_REPOSITORY_STATE_NONE.rawValue): return nil
        case Int32(GIT_REPOSITORY_STATE_MERGE.rawValue): return "merge"
        case Int32(GIT_REPOSITORY_STATE_REVERT.rawValue), Int32(GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue): return "revert"
        case Int32(GIT_REPOSITORY_STATE_CHERRYPICK.rawValue), Int32(GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue): return "cherry-pick"
        default: return "rebase"
        }
    }

    /// Ends a merge (or other operation) in progress: removes MERGE_HEAD and friends.
    public func clearPendingOperation() throws {
        try check(git_repository_state_cleanup(pointer))
    }

    /// The commit ids recorded in `.git/MERGE_HEAD` while a merge is in progress.
    public func mergeHeads() throws -> [ObjectID] {
        final class Box { var ids: [ObjectID] = [] }
        let box = Box()
        let result = git_repository_mergehead_foreach(pointer, { oid, payload in
            guard let oid, let payload else { return 0 }
            Unmanaged<Box>.fromOpaque(payload).takeUnretainedValue().ids.append(ObjectID(oid))
            return 0
        }, Unmanaged.passUnretained(box).toOpaque())
        if result == GIT_ENOTFOUND.rawValue { return [] }
        try check(result, "git_repository_mergehead_foreach")
        return box.ids
    }
}
