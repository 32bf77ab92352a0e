import CLibGit2

/// A change to one file of a tree: new contents, or removal.
public enum TreeChange: Sendable, Equatable {
    /// The file at this path becomes this blob (mode 0o100644 unless given).
    case blob(ObjectID, mode: UInt32 = 0o100644)
    /// The file (or folder) at this path goes away.
    case remove
}

extension Repository {
    /// Writes the tree that results from applying `changes` (keyed by `/`-separated paths) to the tree
    /// `base` (or to an empty tree), creating and pruning folders as needed. Only the folders on changed
    /// paths are rewritten: the cost grows with the changes, not with the tree.
    public func writeTree(applying changes: [String: TreeChange], to base: ObjectID?) throws -> ObjectID {
        var split: [[Substring]: TreeChange] = [:]
        for (path, change) in changes {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && $0 != ".git" }) else {
                throw GitError.gitKit("invalid path in tree: \(path)")
            }
            split[parts] = change
        }
        return try writeSubtree(split, base: base) ?? emptyTreeObject()
    }

    private func emptyTreeObject() throws -> ObjectID {
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, pointer, nil), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder), "git_treebuilder_write")
        return ObjectID(oid)
    }

    /// Returns nil when the resulting folder is empty (so the caller drops it).
    private func writeSubtree(_ changes: [[Substring]: TreeChange], base: ObjectID?) throws -> ObjectID? {
        var baseTree: OpaquePointer?
        if let base {
            var oid = base.raw
            try check(git_tree_lookup(&baseTree, pointer, &oid), "git_tree_lookup")
        }
        defer { git_tree_free(baseTree) }
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, pointer, baseTree), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }

        var nested: [Substring: [[Substring]: TreeChange]] = [:]
        for (parts, change) in changes {
            if parts.count == 1 {
                let name = String(parts[0])
                switch change {
                case .blob(let id, let mode):
                    var oid = id.raw
                    try check(git_treebuilder_insert(nil, builder, name, &oid, git_filemode_t(rawValue: mode)), "git_treebuilder_insert")
                case .remove:
                    if git_treebuilder_get(builder, name) != nil {
                        try check(git_treebuilder_remove(builder, name), "git_treebuilder_remove")
                    }
                }
            } else {
                nested[parts[0], default: [:]][Array(parts.dropFirst())] = change
            }
        }
        for (dir, subchanges) in nested {
            let name = String(dir)
            var subBase: ObjectID?
            if let existing = git_treebuilder_get(builder, name), git_tree_entry_type(existing) == GIT_OBJECT_TREE {
                subBase = ObjectID(git_tree_entry_id(existing))
            }
            if let sub = try writeSubtree(subchanges, base: subBase) {
                var oid = sub.raw
                try check(git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_TREE), "git_treebuilder_insert")
            } else if git_treebuilder_get(builder, name) != nil {
                try check(git_treebuilder_remove(builder, name), "git_treebuilder_remove")
            }
        }
        if git_treebuilder_entrycount(builder) == 0 { return nil }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder), "git_treebuilder_write")
        return ObjectID(oid)
    }
}
