import CLibGit2

/// One entry of a tree: a file (blob), a folder (tree) or a submodule (commit).
public struct TreeEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case blob, tree, commit }
    public let name: String
    /// The entry's name as stored; differs from `name` only when it is not valid UTF-8.
    public let nameBytes: [UInt8]
    public let id: ObjectID
    public let kind: Kind
    /// The git file mode (0o100644, 0o100755, 0o040000, 0o120000, 0o160000).
    public let mode: UInt32

    public var isFile: Bool { kind == .blob && mode != 0o120000 }
}

extension Repository {
    /// The entries of the tree `id`, in git's order.
    public func treeEntries(_ id: ObjectID) throws -> [TreeEntry] {
        var oid = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
        defer { git_tree_free(tree) }
        let count = git_tree_entrycount(tree)
        var entries: [TreeEntry] = []
        entries.reserveCapacity(count)
        for i in 0..<count {
            guard let entry = git_tree_entry_byindex(tree, i) else { continue }
            let nameBytes = bytes(git_tree_entry_name(entry))
            let kind: TreeEntry.Kind
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_TREE: kind = .tree
            case GIT_OBJECT_COMMIT: kind = .commit
            default: kind = .blob
            }
            entries.append(TreeEntry(
                name: String(decoding: nameBytes, as: UTF8.self), nameBytes: nameBytes,
                id: ObjectID(git_tree_entry_id(entry)), kind: kind,
                mode: UInt32(git_tree_entry_filemode(entry).rawValue)))
        }
        return entries
    }

    /// The entry at a `/`-separated path inside the tree `id`; nil when there is none.
    public func treeEntry(_ id: ObjectID, path: String) throws -> TreeEntry? {
        var oid = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let result = git_tree_entry_bypath(&entry, tree, path)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_tree_entry_bypath")
        defer { git_tree_entry_free(entry) }
        let nameBytes = bytes(git_tree_entry_name(entry))
        let kind: TreeEntry.Kind = switch git_tree_entry_type(entry) {
        case GIT_OBJECT_TREE: .tree
        case GIT_OBJECT_COMMIT: .commit
        default: .blob
        }
        return TreeEntry(name: String(decoding: nameBytes, as: UTF8.self), nameBytes: nameBytes,
                         id: ObjectID(git_tree_entry_id(entry)), kind: kind,
                         mode: UInt32(git_tree_entry_filemode(entry).rawValue))
    }

    /// The bytes of the file at `path` in the tree `id`; nil when there is no such file.
    public func fileData(tree id: ObjectID, path: String) throws -> [UInt8]? {
        guard let entry = try treeEntry(id, path: path), entry.kind == .blob else { return nil }
        return try blobData(entry.id)
    }

    /// The tree of the commit `id`.
    public func treeID(ofCommit id: ObjectID) throws -> ObjectID {
        try commit(id).tree
    }

    /// The empty tree, written if needed.
    public func emptyTree() throws -> ObjectID {
        try writeTree(applying: [:], to: nil)
    }
}
