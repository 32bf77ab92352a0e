import CLibGit2
import Foundation

extension Repository {
    /// Clones `url` into the folder `path` (created; it must not exist or be empty), with a remote named
    /// `origin` and git's usual remote-tracking branches, and checks out `branch` (the remote's default
    /// branch when nil). Tags are fetched only when they point into what is fetched, as git does.
    /// On failure libgit2 removes the folder it created.
    public static func clone(from url: String, to path: String, branch: String? = nil,
                             callbacks: RemoteCallbacks = RemoteCallbacks()) throws -> Repository {
        LibGit2.ensure()
        let context = RemoteOperationContext(callbacks, url: url)
        var handle: OpaquePointer?
        try context.withCallbacks { raw in
            try context.run {
                var options = git_clone_options()
                try check(git_clone_options_init(&options, UInt32(GIT_CLONE_OPTIONS_VERSION)), "git_clone_options_init")
                options.fetch_opts.callbacks = raw
                options.checkout_opts.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
                if let branch {
                    try branch.withCString { name in
                        options.checkout_branch = name
                        try check(git_clone(&handle, url, path, &options), "git_clone")
                    }
                } else {
                    try check(git_clone(&handle, url, path, &options), "git_clone")
                }
            }
        }
        guard let handle else { throw GitError.gitKit("libgit2 returned no repository", function: "git_clone") }
        return Repository(pointer: handle)
    }
}
