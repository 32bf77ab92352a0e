import Crypto
import Foundation
import GitKit
import Localization

/// What a remote holds, as the last fetch saw it: branch heads by short name (`main`, `nap/record`,
/// `proposal/x`) and tags by name.
struct RemoteState {
    var heads: [String: ObjectID]
    var tags: [String: ObjectID]
    /// The remote has no references at all (a new, empty hub).
    var isEmpty: Bool

    var main: ObjectID? { heads["main"] }
    var record: ObjectID? { heads["nap/record"] }

    /// Proposal branches by slug.
    var proposals: [String: ObjectID] {
        var result: [String: ObjectID] = [:]
        for (name, id) in heads where name.hasPrefix("proposal/") {
            let slug = String(name.dropFirst("proposal/".count))
            if !slug.isEmpty { result[slug] = id }
        }
        return result
    }
}

/// The remote a sync talks to, and where this copy keeps what it last saw there: branches under
/// `refs/remotes/<name>/` (git's own place, shared with `git fetch`), tags under
/// `refs/nap/remote-tags/<name>/` (never straight into `refs/tags/`, so that a local tag is never moved).
/// An anonymous remote (a URL or path) uses `nap-<12 hex of the URL's SHA-256>` as its name there.
struct SyncTarget {
    let remote: Remote
    /// The remote's name, or the URL as given.
    let label: String
    let headsNamespace: String
    let tagsNamespace: String

    var url: String { remote.url }

    /// The remote as messages name it: its name and URL, a password in the URL shown as `***`.
    var shownPlace: String {
        ShownAddress.of(label == url ? url : "\(label) (\(url))")
    }

    static func resolve(_ given: String?, in repository: Repository) throws -> SyncTarget {
        let names = try PlanError.wrap { try repository.remoteNames() }
        guard let given, !given.isEmpty else {
            let name: String
            if names.contains("origin") {
                name = "origin"
            } else if names.count == 1, let only = names.first {
                name = only
            } else if names.isEmpty {
                throw PlanError.refused(reason: L("this plan has no remote to sync with"),
                                        hint: L("name one: `nap sync <url or path>`, or add it once: `git remote add origin <url>`"))
            } else {
                throw PlanError.refused(reason: L("this plan has several remotes (\(names.joined(separator: ", "))) and none is called origin"),
                                        hint: L("name the one to sync with: `nap sync <remote>`"))
            }
            return try named(name, in: repository)
        }
        if names.contains(given) { return try named(given, in: repository) }
        var url = given
        if let path = Remote.localPath(of: given) {
            guard path.contains("/") || FileManager.default.fileExists(atPath: path) else {
                throw PlanError.notFound(kind: L("remote"), name: given)
            }
            if !url.hasPrefix("file://"), !path.hasPrefix("/") {
                url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
            }
        }
        for name in names {
            if let configured = try? repository.remote(named: name), configured.url == url || configured.url == given {
                return try named(name, in: repository)
            }
        }
        let remote = try PlanError.wrap { try repository.anonymousRemote(url: url) }
        let key = "nap-" + SHA256.hash(data: Data(url.utf8)).map { String(format: "%02x", $0) }.joined().prefix(12)
        return SyncTarget(remote: remote, label: given, headsNamespace: "refs/remotes/\(key)/", tagsNamespace: "refs/nap/remote-tags/\(key)/")
    }

    private static func named(_ name: String, in repository: Repository) throws -> SyncTarget {
        let remote = try PlanError.wrap { try repository.remote(named: name) }
        // git resolves a relative path in a remote's URL against the repository's top folder.
        if let path = Remote.localPath(of: remote.url), !path.hasPrefix("/"), !remote.url.hasPrefix("file://") {
            let root = repository.workingDirectory ?? repository.gitDirectory
            try PlanError.wrap { try remote.useURL(URL(fileURLWithPath: root + path).standardizedFileURL.path) }
        }
        return SyncTarget(remote: remote, label: name, headsNamespace: "refs/remotes/\(name)/", tagsNamespace: "refs/nap/remote-tags/\(name)/")
    }

    /// What a fetch from this remote asks for: every branch and every tag, into its namespaces.
    var refspecs: [String] { Self.refspecs(heads: headsNamespace, tags: tagsNamespace) }

    /// `refspecs` of the remote configured as `name` (`nap clone` fetches `origin` so before its sync).
    static func refspecs(ofRemote name: String) -> [String] {
        refspecs(heads: "refs/remotes/\(name)/", tags: "refs/nap/remote-tags/\(name)/")
    }

    private static func refspecs(heads: String, tags: String) -> [String] {
        ["+refs/heads/*:\(heads)*", "+refs/tags/*:\(tags)*"]
    }

    /// What this copy saw on the remote last time (before this fetch).
    func lastSeen() throws -> RemoteState {
        let repository = remote.repository
        return try PlanError.wrap {
            var heads: [String: ObjectID] = [:]
            for (name, id) in try repository.references(matching: headsNamespace + "*") {
                heads[String(name.dropFirst(headsNamespace.count))] = id
            }
            var tags: [String: ObjectID] = [:]
            for (name, id) in try repository.references(matching: tagsNamespace + "*") {
                tags[String(name.dropFirst(tagsNamespace.count))] = id
            }
            return RemoteState(heads: heads, tags: tags, isEmpty: heads.isEmpty && tags.isEmpty)
        }
    }

    /// Fetches every branch and tag of the remote into this copy's namespaces for it, removes what the
    /// remote no longer has from them, and returns what the remote holds now. Network and authentication
    /// failures become clear errors; nothing outside the namespaces changes.
    func fetch(_ callbacks: RemoteCallbacks) throws -> RemoteState {
        let advertised: [RemoteReference]
        do {
            advertised = try remote.fetch(refspecs: refspecs, callbacks: callbacks, reflogMessage: "nap sync: fetch \(label)")
        } catch let error as GitError {
            throw unreachable(error)
        }
        var heads: [String: ObjectID] = [:]
        var tags: [String: ObjectID] = [:]
        for reference in advertised {
            if reference.name.hasPrefix("refs/heads/") {
                heads[String(reference.name.dropFirst("refs/heads/".count))] = reference.target
            } else if reference.name.hasPrefix("refs/tags/") {
                tags[String(reference.name.dropFirst("refs/tags/".count))] = reference.target
            }
        }
        let state = RemoteState(heads: heads, tags: tags, isEmpty: advertised.isEmpty)
        try prune(to: state)
        return state
    }

    /// Makes the namespaces hold exactly what the remote holds.
    private func prune(to state: RemoteState) throws {
        let seen = try lastSeen()
        let repository = remote.repository
        for (name, id) in seen.heads where state.heads[name] == nil {
            try? repository.deleteReference(headsNamespace + name, expecting: id)
        }
        for (name, id) in seen.tags where state.tags[name] == nil {
            try? repository.deleteReference(tagsNamespace + name, expecting: id)
        }
    }

    /// Records that the remote's `reference` (full name) now holds `id`, after a push it accepted.
    func remember(_ reference: String, at id: ObjectID) throws {
        let local: String
        if reference.hasPrefix("refs/heads/") {
            local = headsNamespace + reference.dropFirst("refs/heads/".count)
        } else if reference.hasPrefix("refs/tags/") {
            local = tagsNamespace + reference.dropFirst("refs/tags/".count)
        } else {
            return
        }
        try PlanError.wrap { try remote.repository.updateReference(local, to: id, expecting: .any, message: "nap sync: pushed to \(label)") }
    }

    /// Forgets what a fetch from a remote that turned out not to be a plan brought into the namespaces.
    func forget(except earlier: RemoteState) {
        let repository = remote.repository
        guard let now = try? lastSeen() else { return }
        for (name, id) in now.heads where earlier.heads[name] == nil { try? repository.deleteReference(headsNamespace + name, expecting: id) }
        for (name, id) in now.tags where earlier.tags[name] == nil { try? repository.deleteReference(tagsNamespace + name, expecting: id) }
    }

    /// The error for a remote that cannot be fetched from.
    func unreachable(_ error: GitError) -> PlanError {
        let place = shownPlace
        return TransportTrust.failure(error, place: place, url: url, action: L("cannot reach the remote"))
    }
}
