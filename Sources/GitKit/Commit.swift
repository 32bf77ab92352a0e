import CLibGit2

/// A commit, read into a plain value.
public struct Commit: Sendable, Equatable {
    public let id: ObjectID
    public let tree: ObjectID
    public let parents: [ObjectID]
    public let author: Signature
    public let committer: Signature
    /// The full message, decoded as UTF-8 with invalid bytes replaced.
    public let message: String

    /// The first line of the message.
    public var summary: String { String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "") }
}

extension Repository {
    /// Reads the commit `id`.
    public func commit(_ id: ObjectID) throws -> Commit {
        var oid = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        let parentCount = git_commit_parentcount(commit)
        var parents: [ObjectID] = []
        for i in 0..<parentCount {
            if let p = git_commit_parent_id(commit, i) { parents.append(ObjectID(p)) }
        }
        guard let author = git_commit_author(commit), let committer = git_commit_committer(commit),
              let tree = git_commit_tree_id(commit) else {
            throw GitError.gitKit("commit \(id) is malformed")
        }
        return Commit(id: id, tree: ObjectID(tree), parents: parents, author: Signature(author),
                      committer: Signature(committer), message: text(git_commit_message_raw(commit)))
    }

    /// The value of a header of the commit `id` (such as `gpgsig`), or nil when it has none.
    public func commitHeader(_ id: ObjectID, field: String) throws -> String? {
        var oid = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        var buf = git_buf()
        defer { git_buf_dispose(&buf) }
        let result = git_commit_header_field(&buf, commit, field)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_commit_header_field")
        return String(decoding: buf.byteArray, as: UTF8.self)
    }

    /// Runs `body` with the parents looked up as libgit2 commits, freed afterwards.
    private func withParents<R>(_ parents: [ObjectID], _ body: (UnsafeMutablePointer<OpaquePointer?>?, Int) throws -> R) throws -> R {
        var handles: [OpaquePointer?] = []
        defer { handles.forEach { git_commit_free($0) } }
        for parent in parents {
            var oid = parent.raw
            var handle: OpaquePointer?
            try check(git_commit_lookup(&handle, pointer, &oid), "git_commit_lookup")
            handles.append(handle)
        }
        return try handles.withUnsafeMutableBufferPointer { try body($0.baseAddress, parents.count) }
    }

    private func withTree<R>(_ tree: ObjectID, _ body: (OpaquePointer?) throws -> R) throws -> R {
        var oid = tree.raw
        var handle: OpaquePointer?
        try check(git_tree_lookup(&handle, pointer, &oid), "git_tree_lookup")
        defer { git_tree_free(handle) }
        return try body(handle)
    }

    /// Writes a commit with explicit parents. It does not move any reference: use `updateReference`
    /// with an expected old value for a compare-and-swap.
    public func createCommit(tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String) throws -> ObjectID {
        try withTree(tree) { treeHandle in
            try withParents(parents) { parentHandles, count in
                try author.withRaw { a in
                    try committer.withRaw { c in
                        var oid = git_oid()
                        // A nil encoding: git assumes UTF-8 and writes no `encoding` header.
                        try check(git_commit_create(&oid, pointer, nil, a, c, nil, message, treeHandle, count, parentHandles), "git_commit_create")
                        return ObjectID(oid)
                    }
                }
            }
        }
    }

    /// The exact bytes a commit would have, for signing before it is written.
    public func commitContent(tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String) throws -> [UInt8] {
        try withTree(tree) { treeHandle in
            try withParents(parents) { parentHandles, count in
                try author.withRaw { a in
                    try committer.withRaw { c in
                        var buf = git_buf()
                        defer { git_buf_dispose(&buf) }
                        try check(git_commit_create_buffer(&buf, pointer, a, c, nil, message, treeHandle, count, parentHandles), "git_commit_create_buffer")
                        return buf.byteArray
                    }
                }
            }
        }
    }

    /// Writes a commit from `content` (from `commitContent`) with `signature` in its `gpgsig` header.
    public func createSignedCommit(content: [UInt8], signature: String) throws -> ObjectID {
        var trimmed = signature
        while trimmed.hasSuffix("\n") { trimmed.removeLast() }
        var oid = git_oid()
        let contentText = String(decoding: content, as: UTF8.self)
        try check(git_commit_create_with_signature(&oid, pointer, contentText, trimmed, "gpgsig"), "git_commit_create_with_signature")
        return ObjectID(oid)
    }

    /// The commit's bytes without its `gpgsig` header, and that signature: what a verifier checks.
    public func commitSignature(_ id: ObjectID) throws -> (signature: String, signedData: [UInt8])? {
        var oid = id.raw
        var sig = git_buf()
        var data = git_buf()
        defer { git_buf_dispose(&sig); git_buf_dispose(&data) }
        let result = git_commit_extract_signature(&sig, &data, pointer, &oid, "gpgsig")
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_commit_extract_signature")
        return (String(decoding: sig.byteArray, as: UTF8.self), data.byteArray)
    }

    /// The best common ancestor of two commits; nil when they share no history.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
        var out = git_oid()
        var one = a.raw, two = b.raw
        let result = git_merge_base(&out, pointer, &one, &two)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_merge_base")
        return ObjectID(out)
    }

    /// Every best common ancestor of two commits (more than one after criss-cross merges, where a
    /// three-way merge uses a virtual base built from them); empty when they share no history.
    public func mergeBases(_ a: ObjectID, _ b: ObjectID) throws -> [ObjectID] {
        var bases = git_oidarray()
        var one = a.raw, two = b.raw
        let result = git_merge_bases(&bases, pointer, &one, &two)
        if result == GIT_ENOTFOUND.rawValue { return [] }
        try check(result, "git_merge_bases")
        defer { git_oidarray_dispose(&bases) }
        return (0..<bases.count).map { ObjectID(bases.ids[$0]) }
    }

    /// True when `ancestor` is `commit` or one of its ancestors.
    public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws -> Bool {
        if ancestor == commit { return true }
        var a = ancestor.raw, c = commit.raw
        let result = git_graph_descendant_of(pointer, &c, &a)
        try check(result, "git_graph_descendant_of")
        return result == 1
    }
}
