import CLibGit2

extension Repository {
    /// Switches the work tree and index from HEAD's tree (or from the commit `baseline`, when HEAD's
    /// branch already moved) to the commit `id`'s tree, safely: files with local changes are never
    /// overwritten (a conflict throws and nothing is touched). Then points HEAD at `branch` when given.
    public func checkout(commit id: ObjectID, branch: String?, baseline: ObjectID? = nil, force: Bool = false) throws {
        var options = git_checkout_options()
        try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        options.checkout_strategy = force ? GIT_CHECKOUT_FORCE.rawValue : GIT_CHECKOUT_SAFE.rawValue
        var baselineTree: OpaquePointer?
        defer { git_tree_free(baselineTree) }
        if let baseline {
            var tree = try treeID(ofCommit: baseline).raw
            try check(git_tree_lookup(&baselineTree, pointer, &tree), "git_tree_lookup")
            options.baseline = baselineTree
        }
        var oid = id.raw
        var object: OpaquePointer?
        try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_COMMIT), "git_object_lookup")
        defer { git_object_free(object) }
        try check(git_checkout_tree(pointer, object, &options), "git_checkout_tree")
        if let branch {
            try check(git_repository_set_head(pointer, branch), "git_repository_set_head")
        }
    }

    /// Rewrites the work tree and index to HEAD's tree, forcibly (used to write a fresh repository's
    /// first checkout, or to restore after a failed step).
    public func checkoutHead(force: Bool) throws {
        var options = git_checkout_options()
        try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        options.checkout_strategy = force ? GIT_CHECKOUT_FORCE.rawValue : GIT_CHECKOUT_SAFE.rawValue
        try check(git_checkout_head(pointer, &options), "git_checkout_head")
    }
}
