import GitKit

/// How far a fetch or push has got, for a progress meter: the phase (receiving, resolving, sending),
/// objects done and to do, bytes moved. GitKit's plain value, named through PlanKit (Store/Vocabulary.swift).
public typealias TransferStatus = GitKit.TransferProgress

extension TransferStatus {
    /// The callbacks a transfer runs with: this progress closure, credentials found the way git finds
    /// them, and the server's verdict told back to git's credential helpers (GitCredentialHelper).
    static func callbacks(_ progress: ((TransferStatus) -> Void)?) -> RemoteCallbacks {
        GitCredentialHelper.callbacks(progress: progress)
    }
}

extension PlanStore {
    /// The folder a remote address names when it is a path or a `file://` URL on this machine; nil for a
    /// network address.
    public static func localPath(ofRemote address: String) -> String? {
        Remote.localPath(of: address)
    }

    /// A remote address as nap shows it: a password or token in the URL replaced by `***`.
    public static func shownAddress(_ address: String) -> String {
        ShownAddress.of(address)
    }

    /// Opens the plan for `nap sync`. Unlike `open(at:)`, a fresh `git clone` whose main is not checked
    /// out yet (its hub's HEAD names another branch) is accepted: sync completes the set-up.
    public static func openForSync(at path: String) throws -> PlanStore {
        do {
            return try PlanStore.open(at: path)
        } catch PlanError.notAPlan {
            guard let repository = try? Repository.discover(from: path), repository.workingDirectory != nil,
                  let remotes = try? repository.remoteNames(), !remotes.isEmpty else {
                throw PlanError.notAPlan(path: path)
            }
            return try PlanStore(repository: repository)
        }
    }

    /// The version of libgit2 nap runs on, for `nap --version`.
    public static var libgit2Version: String { LibGit2.version }
}
