import CLibGit2

extension Repository {
    /// Stages every change in the work tree (new, modified and deleted files, honouring .gitignore),
    /// writes the index, and returns the tree it describes.
    public func stageAll() throws -> ObjectID {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        try withStrArray(["."]) { paths in
            try check(git_index_add_all(index, &paths, GIT_INDEX_ADD_DEFAULT.rawValue, nil, nil), "git_index_add_all")
            try check(git_index_update_all(index, &paths, nil, nil), "git_index_update_all")
        }
        try check(git_index_write(index), "git_index_write")
        var oid = git_oid()
        try check(git_index_write_tree(&oid, index), "git_index_write_tree")
        return ObjectID(oid)
    }

    /// True when the index holds unresolved conflicts.
    public func indexHasConflicts() throws -> Bool {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        return git_index_has_conflicts(index) == 1
    }

    /// Makes the index match the tree `id` (without touching the work tree).
    public func resetIndex(to tree: ObjectID) throws {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        var oid = tree.raw
        var treeHandle: OpaquePointer?
        try check(git_tree_lookup(&treeHandle, pointer, &oid), "git_tree_lookup")
        defer { git_tree_free(treeHandle) }
        try check(git_index_read_tree(index, treeHandle), "git_index_read_tree")
        try check(git_index_write(index), "git_index_write")
    }
}
