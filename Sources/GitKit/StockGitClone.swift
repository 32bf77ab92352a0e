import CLibGit2
import Foundation

extension Repository {
    /// A new copy of the repository at the local `path`, made by stock `git clone` into `destination` (a
    /// folder that does not exist or is empty), or nil when git is missing or fails: then the caller
    /// removes whatever is left there and makes the copy with libgit2 (init, fetch).
    ///
    /// Why git: its clone writes every reference of the first transfer into `packed-refs` in one file,
    /// as one transaction under its own lock, and skips the connectivity walk when the pack it received
    /// is complete. A fetch into an empty repository instead writes a loose file and a reflog per
    /// reference and walks every object again: for a plan of 1,000 proposals, about a second each
    /// (docs/PERFORMANCE.md).
    ///
    /// The copy is made as from any hub (`--no-local`): objects come through git's upload-pack there and
    /// `index-pack` here, which checks every object's id, never by linking or copying the other folder's
    /// files. The remote `remote` gets git's usual refspec; `extraRefspecs` (in `+src:dst` form) are used
    /// for this first transfer only — given on git's command line, never written to the new copy's
    /// configuration. `branch` becomes the branch HEAD names, not checked out (git fails, without
    /// downloading anything, when the other side has no such branch). No tag is followed. What git adds
    /// beyond a copy made with libgit2 is removed: the symbolic `refs/remotes/<remote>/HEAD` (a
    /// remote-tracking namespace holds branches only), `branch.<branch>.remote`/`.merge` (with them a
    /// plain `git pull` would take the hub's main as it is) and `remote.<remote>.tagOpt`. The user's own
    /// git configuration applies as to any `git clone` they run (a template folder, hooks).
    public static func cloneWithStockGit(from path: String, to destination: String, remote: String, branch: String,
                                         extraRefspecs: [String]) -> Repository? {
        guard StockGit.executable() != nil else { return nil }
        var arguments: [String] = []
        for refspec in extraRefspecs { arguments += ["-c", "remote.\(remote).fetch=\(refspec)"] }
        // The other side's git (upload-pack and its pack-objects, on this machine) maps the packs it reads
        // in bounded windows, as nap's own pushes do (`StockGit.packObjects`): with git's defaults it kept
        // a whole plan's pack resident, 216 MB. git clears `-c` settings for the other repository, so
        // they go on its command.
        arguments += ["clone", "--quiet", "--no-local", "--no-checkout", "--no-tags", "--origin", remote, "--branch", branch,
                      "--upload-pack", (["git"] + StockGit.boundedPackWindows.flatMap { ["-c", "\($0.key)=\($0.value)"] } + ["upload-pack"]).joined(separator: " "),
                      "--", path, destination]
        // Outside any repository: nothing of the caller's repository variables reaches the new copy.
        guard StockGit.run(arguments, environment: [:], removing: StockGit.repositoryVariables, input: Data()),
              let repository = try? Repository.open(at: destination) else { return nil }
        do {
            for key in ["branch.\(branch).remote", "branch.\(branch).merge", "remote.\(remote).tagOpt"] { try repository.removeConfig(key) }
        } catch {
            return nil
        }
        let head = "refs/remotes/\(remote)/HEAD"
        var reference: OpaquePointer?
        if git_reference_lookup(&reference, repository.pointer, head) == 0 {
            defer { git_reference_free(reference) }
            guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC, git_reference_delete(reference) == 0 else { return nil }
        }
        return repository
    }
}
