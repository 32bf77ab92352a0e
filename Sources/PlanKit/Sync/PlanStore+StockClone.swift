import Foundation
import GitKit

extension PlanStore {
    /// The folder inside a new copy's folder where git's clone writes before nap has checked what it
    /// brought (`cloneThroughStockGit`). A folder holding only this is what a clone killed meanwhile left:
    /// `nap clone` into it again removes it.
    static let stagingFolder = ".nap-cloning"

    /// The quick way to a new copy of a hub on this machine (`Repository.cloneWithStockGit`): git's clone
    /// brings main, the remote-tracking branches, the tags into nap's namespace for them, and a local
    /// branch for every proposal, all in `packed-refs`.
    ///
    /// git writes into `<path>/.nap-cloning`; only once nap has checked what it brought is the `.git`
    /// folder moved into `<path>` and main checked out. A nap killed meanwhile (git may finish on its
    /// own) leaves nothing that looks like a copy: no main that was never verified, no working tree
    /// without its files.
    ///
    /// Nil, with whatever it left removed, when the hub is not a repository at that very path (git would
    /// also try `<path>.git`, which the remote's address would not name), git is missing or fails, or the
    /// hub has a proposal branch nap would not take as it is: a name that is not a slug, two names that
    /// are one slug in different Unicode forms, a target that is not a commit. libgit2's way then makes
    /// the copy, and the sync judges such a branch as it always has. The slugs returned were made local
    /// branches where the remote has them; the sync reports them as created.
    static func cloneThroughStockGit(from url: String, to path: String, removeLeftovers: () -> Void) -> (Repository, Set<String>)? {
        guard let local = Remote.localPath(of: url), (try? Repository.open(at: local)) != nil else { return nil }
        let manager = FileManager.default
        let staging = path + "/" + stagingFolder
        let proposals = "+\(RefNames.proposalPrefix)*:\(RefNames.proposalPrefix)*"
        let tags = SyncTarget.refspecs(ofRemote: "origin").filter { $0.hasPrefix("+refs/tags/") }
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            guard let cloned = Repository.cloneWithStockGit(from: local, to: staging, remote: "origin", branch: "main",
                                                            extraRefspecs: [proposals] + tags),
                  let slugs = try acceptedBranches(of: cloned) else {
                removeLeftovers()
                return nil
            }
            let gitDirectory = cloned.gitDirectory
            _ = consume cloned
            try manager.moveItem(atPath: gitDirectory.hasSuffix("/") ? String(gitDirectory.dropLast()) : gitDirectory, toPath: path + "/.git")
            try manager.removeItem(atPath: staging)
            let repository = try Repository.open(at: path)
            guard let main = try repository.referenceTarget(RefNames.main) else {
                removeLeftovers()
                return nil
            }
            try repository.checkout(commit: main, branch: RefNames.main, force: true)
            return (repository, slugs)
        } catch {
            removeLeftovers()
            return nil
        }
    }

    /// The slugs of the local proposal branches git's clone made, when nap takes every one of them as it
    /// is (see `cloneThroughStockGit`) and main is the remote's; nil otherwise.
    private static func acceptedBranches(of repository: Repository) throws -> Set<String>? {
        guard let branches = repository.directReferences(under: RefNames.proposalPrefix),
              let main = try repository.referenceTarget(RefNames.main), try repository.referenceTarget("refs/remotes/origin/main") == main else {
            return nil
        }
        var slugs: Set<String> = []
        for branch in branches {
            guard let slug = RefNames.slug(ofProposalBranch: branch.name), Slug.problem(slug) == nil,
                  repository.objectKind(branch.target) == .commit else { return nil }
            slugs.insert(slug)
        }
        // Two names that Swift takes for one string (NFC and NFD): the sync would see one of them only.
        return slugs.count == branches.count ? slugs : nil
    }
}
