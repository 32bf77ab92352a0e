import CLibGit2
import Foundation

/// One reference to update on a remote by a push: `source` (a local reference) to `destination`.
public struct PushUpdate: Sendable, Equatable {
    /// The local reference whose target is sent (`refs/heads/nap/record`).
    public let source: String
    /// The reference to set on the remote.
    public let destination: String
    /// What the remote's reference is expected to hold now (nil: absent). A local remote enforces it
    /// by compare-and-swap; over the network the server enforces the value it advertised when the push
    /// connected.
    public let expected: ObjectID?
    /// Allow a non-fast-forward update. nap never sets it; tests do.
    public let force: Bool

    public init(source: String, destination: String, expected: ObjectID?, force: Bool = false) {
        self.source = source
        self.destination = destination
        self.expected = expected
        self.force = force
    }

    /// The libgit2 refspec, `[+]source:destination`.
    public var refspec: String { (force ? "+" : "") + source + ":" + destination }
}

/// What the remote said about one update of a push.
public struct PushResult: Sendable, Equatable {
    /// The remote reference.
    public let reference: String
    /// Why the remote refused it; nil when it accepted.
    public let refusal: String?

    public init(reference: String, refusal: String?) {
        self.reference = reference
        self.refusal = refusal
    }

    public var accepted: Bool { refusal == nil }
}

extension Remote {
    /// Pushes the updates and returns the remote's answer for each, in the order given. A refusal
    /// (non-fast-forward, a hook, a protected branch, a reference moved meanwhile) is a result, never
    /// silently ignored; a failure of the transfer itself (unreachable, cut off, authentication) throws.
    ///
    /// Over the network this is libgit2's push with explicit `src:dst` refspecs (globs are rejected by
    /// libgit2), the answers coming from the `push_update_reference` callback. A remote on this machine
    /// (a path or `file://`) is written directly: the objects as one pack, then every reference by
    /// compare-and-swap against `expected`, which libgit2's own local push does not do.
    public func push(_ updates: [PushUpdate], callbacks: RemoteCallbacks = RemoteCallbacks()) throws -> [PushResult] {
        guard !updates.isEmpty else { return [] }
        if let path = localPath {
            return try LocalPush(source: repository, remotePath: path, callbacks: callbacks).push(updates)
        }
        let context = RemoteOperationContext(callbacks, url: url)
        try context.withCallbacks { raw in
            try context.run {
                var options = git_push_options()
                try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "git_push_options_init")
                // Delta search on every core (libgit2's default is one thread).
                options.pb_parallelism = 0
                options.callbacks = raw
                try withStrArray(updates.map(\.refspec)) { array in
                    try check(git_remote_push(pointer, &array, &options), "git_remote_push")
                }
            }
        }
        var statuses: [String: String?] = [:]
        for status in context.pushStatuses { statuses[status.reference] = status.refusal }
        return updates.map { update in
            guard let status = statuses[update.destination] else {
                return PushResult(reference: update.destination, refusal: "the remote did not confirm this update")
            }
            return PushResult(reference: update.destination, refusal: status)
        }
    }
}

/// A push into a bare repository on this machine: objects as one pack, references by compare-and-swap.
struct LocalPush {
    let source: Repository
    let remotePath: String
    let callbacks: RemoteCallbacks

    func push(_ updates: [PushUpdate]) throws -> [PushResult] {
        let target = try Repository.open(at: remotePath)
        guard target.isBare else {
            throw GitError(code: GIT_EBAREREPO.rawValue, errorClass: Int32(GIT_ERROR_INVALID.rawValue),
                           message: "\(remotePath) has a working tree; nap pushes only to a bare repository (make one with `git clone --bare`)",
                           function: "LocalPush")
        }
        var resolved: [(update: PushUpdate, target: ObjectID)] = []
        for update in updates {
            guard let id = try source.referenceTarget(update.source) else {
                throw GitError(code: GIT_ENOTFOUND.rawValue, message: "no local reference \(update.source) to push", function: "LocalPush")
            }
            resolved.append((update, id))
        }
        try sendObjects(resolved.map(\.target), to: target)
        return try resolved.map { update, id in
            try PushResult(reference: update.destination, refusal: apply(update, id, to: target))
        }
    }

    /// Writes every object reachable from `tips` that the remote's references do not already reach:
    /// with stock git's `git pack-objects` when git is installed (StockGit: it reuses the deltas our
    /// packs have), else, or when it fails, with libgit2's pack builder.
    private func sendObjects(_ tips: [ObjectID], to target: Repository) throws {
        let hidden = try target.references(matching: "refs/*").map(\.target).filter { source.objectKind($0) == .commit }
        if StockGit.packObjects(sourceGitDirectory: source.gitDirectory, sourceObjects: source.commonDirectory + "objects",
                                targetObjects: target.commonDirectory + "objects", tips: tips, hidden: hidden) {
            return
        }
        try packWithLibGit2(tips, hidden: hidden, to: target)
    }

    /// libgit2's pack builder: a delta search for every object (on every core), one pack into the target.
    private func packWithLibGit2(_ tips: [ObjectID], hidden: [ObjectID], to target: Repository) throws {
        var builder: OpaquePointer?
        try check(git_packbuilder_new(&builder, source.pointer), "git_packbuilder_new")
        defer { git_packbuilder_free(builder) }
        // Delta search on every core (0: as many threads as the machine has; libgit2's default is one).
        git_packbuilder_set_threads(builder, 0)
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, source.pointer), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        for tip in tips {
            var id = tip
            if source.objectKind(tip) == .tag {
                var oid = tip.raw
                try check(git_packbuilder_insert(builder, &oid, nil), "git_packbuilder_insert")
                id = try source.annotatedTag(tip).target
            }
            guard source.objectKind(id) == .commit else { continue }
            var oid = id.raw
            try check(git_revwalk_push(walker, &oid), "git_revwalk_push")
        }
        for id in hidden {
            var oid = id.raw
            try check(git_revwalk_hide(walker, &oid), "git_revwalk_hide")
        }
        try check(git_packbuilder_insert_walk(builder, walker), "git_packbuilder_insert_walk")
        guard git_packbuilder_object_count(builder) > 0 else { return }
        let context = RemoteOperationContext(callbacks)
        let payload = Unmanaged.passUnretained(context).toOpaque()
        try withExtendedLifetime(context) {
            try check(git_packbuilder_write(builder, target.gitDirectory + "objects/pack", 0, { stats, payload in
                guard let stats, let payload else { return 0 }
                let context = Unmanaged<RemoteOperationContext>.fromOpaque(payload).takeUnretainedValue()
                let s = stats.pointee
                context.callbacks.progress?(TransferProgress(phase: .sending, current: Int(s.indexed_objects), total: Int(s.total_objects), bytes: Int(s.received_bytes)))
                return 0
            }, payload), "git_packbuilder_write")
        }
    }

    /// Moves one remote reference; returns the refusal, or nil when it moved.
    private func apply(_ update: PushUpdate, _ id: ObjectID, to target: Repository) throws -> String? {
        guard Repository.isValidReferenceName(update.destination) else { return "funny refname" }
        let current = try target.referenceTarget(update.destination)
        if current == id { return nil }
        if current != update.expected {
            return "the remote's \(update.destination) moved since it was fetched (someone pushed meanwhile); fetch first"
        }
        if let current, !update.force {
            let fastForward = try source.objectKind(current) == .commit && source.objectKind(id) == .commit
                && source.isAncestor(current, of: id)
            guard fastForward else { return "non-fast-forward" }
        }
        do {
            try target.updateReference(update.destination, to: id, expecting: current.map { .at($0) } ?? .absent, message: "push")
            return nil
        } catch let error as GitError where error.isModified || error.isExists || error.isLocked {
            return "the remote's \(update.destination) moved since it was fetched (someone pushed meanwhile); fetch first"
        }
    }
}
