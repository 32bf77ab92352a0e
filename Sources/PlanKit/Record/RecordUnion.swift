import GitKit

extension Record {
    /// The tree holding every file of both record trees. Identical subtrees are taken whole, so the cost
    /// grows with the difference. The same path with different bytes is never "resolved": it is reported
    /// as damage, because an event file, once written, never changes.
    public func unionTree(_ ours: ObjectID, _ theirs: ObjectID) throws -> ObjectID {
        try PlanError.wrap { try union(ours, theirs, path: "") }
    }

    private func union(_ ours: ObjectID, _ theirs: ObjectID, path: String) throws -> ObjectID {
        if ours == theirs { return ours }
        let mine = try repository.treeEntries(ours)
        var changes: [String: TreeChange] = [:]
        var byName: [String: TreeEntry] = [:]
        for entry in mine { byName[entry.name] = entry }
        for entry in try repository.treeEntries(theirs) {
            let entryPath = path.isEmpty ? entry.name : path + "/" + entry.name
            guard let existing = byName[entry.name] else {
                changes[entry.name] = .blob(entry.id, mode: entry.mode)
                continue
            }
            if existing.id == entry.id { continue }
            guard existing.kind == .tree, entry.kind == .tree else {
                throw PlanError.corruptRecord(path: entryPath, reason: "two copies of the record hold different contents at the same path (\(existing.id.short()) and \(entry.id.short()))")
            }
            changes[entry.name] = .blob(try union(existing.id, entry.id, path: entryPath), mode: 0o040000)
        }
        if changes.isEmpty { return ours }
        return try repository.writeTree(applying: changes, to: ours)
    }

    /// Brings `theirs` (another copy's record head) into the local record: a fast-forward when the local
    /// record is behind or absent, nothing when it already holds theirs, otherwise a merge commit whose tree
    /// is the union. Returns the new head.
    @discardableResult
    public func merge(theirs: ObjectID, signature: Signature) throws -> ObjectID {
        var attempt = 0
        while true {
            attempt += 1
            let head = try self.head()
            do {
                return try PlanError.wrap {
                    guard let head else {
                        try repository.updateReference(RefNames.record, to: theirs, expecting: .absent, message: "nap: record from remote")
                        return theirs
                    }
                    if try repository.isAncestor(theirs, of: head) { return head }
                    if try repository.isAncestor(head, of: theirs) {
                        try repository.updateReference(RefNames.record, to: theirs, expecting: .at(head), message: "nap: record fast-forward")
                        return theirs
                    }
                    let tree = try union(try repository.treeID(ofCommit: head), try repository.treeID(ofCommit: theirs), path: "")
                    let commit = try repository.createCommit(tree: tree, parents: [head, theirs], author: signature, committer: signature,
                                                             message: "Merge record copies (union)\n")
                    try repository.updateReference(RefNames.record, to: commit, expecting: .at(head), message: "nap: record union merge")
                    return commit
                }
            } catch PlanError.git(let error) where (error.isModified || error.isExists) && attempt < Record.maximumAttempts {
                continue
            }
        }
    }
}
