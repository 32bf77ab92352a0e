import CLibGit2

/// The outcome of merging two commits in memory.
public enum TreeMergeResult: Sendable, Equatable {
    /// A clean merge: the tree to commit.
    case clean(tree: ObjectID)
    /// Conflicts: the paths that conflict, sorted.
    case conflicts(paths: [String])
}

extension Repository {
    /// Merges the commit `theirs` into `ours` in memory (nothing in the work tree, index or refs changes).
    public func mergeCommits(ours: ObjectID, theirs: ObjectID) throws -> TreeMergeResult {
        var ourOID = ours.raw, theirOID = theirs.raw
        var ourCommit: OpaquePointer?, theirCommit: OpaquePointer?
        defer { git_commit_free(ourCommit); git_commit_free(theirCommit) }
        try check(git_commit_lookup(&ourCommit, pointer, &ourOID), "git_commit_lookup")
        try check(git_commit_lookup(&theirCommit, pointer, &theirOID), "git_commit_lookup")
        var options = try mergeOptions()
        var index: OpaquePointer?
        try check(git_merge_commits(&index, pointer, ourCommit, theirCommit, &options), "git_merge_commits")
        defer { git_index_free(index) }
        return try result(of: index)
    }

    /// Merges `theirs` into `ours` in memory over their one merge base `base`, already known (as
    /// `MergeBases` finds it): the same result as `mergeCommits(ours:theirs:)`, which would look for
    /// the base again. Only for a single base; criss-cross histories go through `mergeCommits`.
    public func mergeCommits(ours: ObjectID, theirs: ObjectID, base: ObjectID) throws -> TreeMergeResult {
        var trees: [OpaquePointer?] = []
        defer { trees.forEach { git_tree_free($0) } }
        for commit in [base, ours, theirs] {
            var oid = try treeID(ofCommit: commit).raw
            var tree: OpaquePointer?
            try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
            trees.append(tree)
        }
        var options = try mergeOptions()
        var index: OpaquePointer?
        try check(git_merge_trees(&index, pointer, trees[0], trees[1], trees[2], &options), "git_merge_trees")
        defer { git_index_free(index) }
        return try result(of: index)
    }

    /// Merges `theirs` into `ours` given their merge bases, already found: over the one base's tree, or by
    /// libgit2's own merge when there are none or several (its virtual base).
    public func mergeCommits(ours: ObjectID, theirs: ObjectID, bases: [ObjectID]) throws -> TreeMergeResult {
        if bases.count == 1 { return try mergeCommits(ours: ours, theirs: theirs, base: bases[0]) }
        return try mergeCommits(ours: ours, theirs: theirs)
    }

    private func mergeOptions() throws -> git_merge_options {
        var options = git_merge_options()
        try check(git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)), "git_merge_options_init")
        return options
    }

    /// The tree of a merged index, or its conflicting paths.
    private func result(of index: OpaquePointer?) throws -> TreeMergeResult {
        if git_index_has_conflicts(index) == 1 {
            return .conflicts(paths: try conflictPaths(index))
        }
        var oid = git_oid()
        try check(git_index_write_tree_to(&oid, index, pointer), "git_index_write_tree_to")
        return .clean(tree: ObjectID(oid))
    }

    private func conflictPaths(_ index: OpaquePointer?) throws -> [String] {
        var iterator: OpaquePointer?
        try check(git_index_conflict_iterator_new(&iterator, index), "git_index_conflict_iterator_new")
        defer { git_index_conflict_iterator_free(iterator) }
        var paths = Set<String>()
        var ancestor: UnsafePointer<git_index_entry>?, ours: UnsafePointer<git_index_entry>?, theirs: UnsafePointer<git_index_entry>?
        while true {
            let result = git_index_conflict_next(&ancestor, &ours, &theirs, iterator)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "git_index_conflict_next")
            if let entry = ours ?? theirs ?? ancestor { paths.insert(text(entry.pointee.path)) }
        }
        return paths.sorted()
    }

    /// Merges the commit `theirs` into the checked-out branch's work tree and index, as `git merge`
    /// does before committing: clean files are staged, conflicting ones get diff3 markers, and
    /// MERGE_HEAD records `theirs`. Returns the conflicting paths (empty when clean). The caller
    /// commits with two parents, or aborts with `abortMerge`.
    public func mergeIntoWorkdir(theirs: ObjectID) throws -> [String] {
        var oid = theirs.raw
        var annotated: OpaquePointer?
        try check(git_annotated_commit_lookup(&annotated, pointer, &oid), "git_annotated_commit_lookup")
        defer { git_annotated_commit_free(annotated) }
        var mergeOptions = git_merge_options()
        try check(git_merge_options_init(&mergeOptions, UInt32(GIT_MERGE_OPTIONS_VERSION)), "git_merge_options_init")
        mergeOptions.file_flags = GIT_MERGE_FILE_STYLE_DIFF3.rawValue
        var checkoutOptions = git_checkout_options()
        try check(git_checkout_options_init(&checkoutOptions, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "git_checkout_options_init")
        checkoutOptions.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue | GIT_CHECKOUT_ALLOW_CONFLICTS.rawValue | GIT_CHECKOUT_CONFLICT_STYLE_DIFF3.rawValue
        var heads: [OpaquePointer?] = [annotated]
        try heads.withUnsafeMutableBufferPointer { buffer in
            try check(git_merge(pointer, buffer.baseAddress, 1, &mergeOptions, &checkoutOptions), "git_merge")
        }
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        guard git_index_has_conflicts(index) == 1 else { return [] }
        return try conflictPaths(index)
    }

    /// The tree of the index (after a clean or resolved merge in the work tree).
    public func writeIndexTree() throws -> ObjectID {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        var oid = git_oid()
        try check(git_index_write_tree(&oid, index), "git_index_write_tree")
        return ObjectID(oid)
    }
}
