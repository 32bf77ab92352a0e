import CLibGit2
import Foundation

/// A reference as a remote advertises it.
public struct RemoteReference: Sendable, Equatable {
    /// The full name on the remote (`refs/heads/main`).
    public let name: String
    /// The object it points at (a commit, or an annotated tag object).
    public let target: ObjectID
}

/// Another copy of a repository to fetch from and push to: a configured remote (`origin`) or an
/// anonymous one named only by its URL or path. Owns its libgit2 handle and keeps its repository alive.
/// Everything is synchronous.
public final class Remote {
    let pointer: OpaquePointer
    /// The repository this remote belongs to (objects are fetched into it, pushed from it).
    public let repository: Repository

    init(pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit {
        git_remote_free(pointer)
    }

    /// The configured name; nil for an anonymous remote.
    public var name: String? { git_remote_name(pointer).map { text($0) } }

    /// The URL or path fetched from.
    public var url: String { text(git_remote_url(pointer)) }

    /// Uses another URL for this remote object only (the configuration is not changed): e.g. a relative
    /// path made absolute against the repository's folder, as git resolves it.
    public func useURL(_ url: String) throws {
        try check(git_remote_set_instance_url(pointer, url), "git_remote_set_instance_url")
    }

    /// The folder of the remote repository when it is on this machine (a path or `file://` URL); nil for a
    /// network remote.
    public var localPath: String? { Remote.localPath(of: url) }

    /// The folder a local URL names: a plain path, or a `file://` URL; nil for network URLs (`ssh://`,
    /// `git@host:path`, `https://`, `git://`).
    public static func localPath(of url: String) -> String? {
        if url.hasPrefix("file://") {
            let rest = String(url.dropFirst("file://".count))
            return rest.removingPercentEncoding ?? rest
        }
        if url.contains("://") { return nil }
        // scp-like `host:path` (a colon before any slash) is ssh.
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return nil }
        return url
    }

    /// Fetches: connects, lists what the remote has, downloads the objects the `refspecs` need and
    /// updates the local references they map to (`+refs/heads/*:refs/remotes/origin/*`). Tags are fetched
    /// only through the refspecs given (no automatic tag following); FETCH_HEAD is not written.
    /// From a repository on this machine with stock git installed, a glob refspec's destination is also
    /// pruned of what the remote no longer has, and the answer lists only what the refspecs name; when
    /// such a fetch would change nothing (`unchangedLocalFetch`), nothing is run.
    /// Returns every reference the remote advertised (symbolic `HEAD` and peeled `^{}` entries left out).
    @discardableResult
    public func fetch(refspecs: [String], callbacks: RemoteCallbacks = RemoteCallbacks(), reflogMessage: String = "nap: fetch") throws -> [RemoteReference] {
        // From a repository on this machine, stock git when it is installed (StockGit: it reuses the
        // deltas the other side's packs have); else, or when it fails, libgit2.
        if let path = localPath {
            // Only where git would fetch (without it libgit2 answers with every reference the remote has).
            if StockGit.executable() != nil, let unchanged = unchangedLocalFetch(from: path, refspecs: refspecs) { return unchanged }
            if let advertised = StockGit.fetch(into: repository, from: path, refspecs: refspecs) { return advertised }
        }
        let context = RemoteOperationContext(callbacks, url: url)
        var advertised: [RemoteReference] = []
        try context.withCallbacks { raw in
            try context.run {
                var connect = git_remote_connect_options()
                try check(git_remote_connect_options_init(&connect, UInt32(GIT_REMOTE_CONNECT_OPTIONS_VERSION)), "git_remote_connect_options_init")
                connect.callbacks = raw
                try check(git_remote_connect_ext(pointer, GIT_DIRECTION_FETCH, &connect), "git_remote_connect_ext")
                defer { git_remote_disconnect(pointer) }
                advertised = try listConnected()
                var options = git_fetch_options()
                try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "git_fetch_options_init")
                options.callbacks = raw
                options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
                options.update_fetchhead = 0
                options.prune = GIT_FETCH_NO_PRUNE
                try withStrArray(refspecs) { array in
                    try check(git_remote_download(pointer, &array, &options), "git_remote_download")
                }
                var callbacksCopy = raw
                try check(git_remote_update_tips(pointer, &callbacksCopy, 0, GIT_REMOTE_DOWNLOAD_TAGS_NONE, reflogMessage), "git_remote_update_tips")
            }
        }
        return advertised
    }

    /// Lists the remote's references without downloading anything (`git ls-remote`).
    public func listReferences(callbacks: RemoteCallbacks = RemoteCallbacks()) throws -> [RemoteReference] {
        let context = RemoteOperationContext(callbacks, url: url)
        var advertised: [RemoteReference] = []
        try context.withCallbacks { raw in
            try context.run {
                var connect = git_remote_connect_options()
                try check(git_remote_connect_options_init(&connect, UInt32(GIT_REMOTE_CONNECT_OPTIONS_VERSION)), "git_remote_connect_options_init")
                connect.callbacks = raw
                try check(git_remote_connect_ext(pointer, GIT_DIRECTION_FETCH, &connect), "git_remote_connect_ext")
                defer { git_remote_disconnect(pointer) }
                advertised = try listConnected()
            }
        }
        return advertised
    }

    private func listConnected() throws -> [RemoteReference] {
        var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
        var count = 0
        try check(git_remote_ls(&heads, &count, pointer), "git_remote_ls")
        var result: [RemoteReference] = []
        for i in 0..<count {
            guard let head = heads?[i]?.pointee else { continue }
            let name = text(head.name)
            guard name.hasPrefix("refs/"), !name.hasSuffix("^{}") else { continue }
            result.append(RemoteReference(name: name, target: ObjectID(head.oid)))
        }
        return result
    }
}

extension Repository {
    /// The configured remote `name`; throws a GitError whose `isNotFound` is true when there is none.
    public func remote(named name: String) throws -> Remote {
        LibGit2.ensure()
        var handle: OpaquePointer?
        try check(git_remote_lookup(&handle, pointer, name), "git_remote_lookup")
        guard let handle else { throw GitError.gitKit("libgit2 returned no remote", function: "git_remote_lookup") }
        return Remote(pointer: handle, repository: self)
    }

    /// Adds a remote to the repository's configuration, with git's usual fetch refspec
    /// (`+refs/heads/*:refs/remotes/<name>/*`); fails (isExists) when the name is taken.
    @discardableResult
    public func addRemote(named name: String, url: String) throws -> Remote {
        var handle: OpaquePointer?
        try check(git_remote_create(&handle, pointer, name, url), "git_remote_create")
        guard let handle else { throw GitError.gitKit("libgit2 returned no remote", function: "git_remote_create") }
        return Remote(pointer: handle, repository: self)
    }

    /// A remote known only by its URL or path, not written to the configuration.
    public func anonymousRemote(url: String) throws -> Remote {
        var handle: OpaquePointer?
        try check(git_remote_create_anonymous(&handle, pointer, url), "git_remote_create_anonymous")
        guard let handle else { throw GitError.gitKit("libgit2 returned no remote", function: "git_remote_create_anonymous") }
        return Remote(pointer: handle, repository: self)
    }

    /// The names of the configured remotes, sorted.
    public func remoteNames() throws -> [String] {
        var array = git_strarray()
        try check(git_remote_list(&array, pointer), "git_remote_list")
        defer { git_strarray_dispose(&array) }
        var names: [String] = []
        for i in 0..<array.count { names.append(text(array.strings[i])) }
        return names.sorted()
    }

    /// True when `name` is acceptable as a remote's name.
    public static func isValidRemoteName(_ name: String) -> Bool {
        LibGit2.ensure()
        var valid: Int32 = 0
        guard git_remote_name_is_valid(&valid, name) == 0 else { return false }
        return valid == 1
    }
}
