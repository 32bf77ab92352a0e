import GitKit

extension Record {
    /// The tree holding every file of both record trees. Identical subtrees are taken whole, so the cost
    /// grows with the difference. The same path with different bytes is never "resolved": it is reported
    /// as damage, because an event file, once written, never changes.
    public func unionTree(_ ours: ObjectID, _ theirs: ObjectID) throws -> (tree: ObjectID, conflicts: [RecordConflict]) {
        var conflicts: [RecordConflict] = []
        let tree = try PlanError.wrap { try union(ours, theirs, path: "", conflicts: &conflicts) }
        return (tree, conflicts)
    }

    private func union(_ ours: ObjectID, _ theirs: ObjectID, path: String, conflicts: inout [RecordConflict]) throws -> ObjectID {
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
                // An event file never changes: the same path with other bytes is damage. The bytes whose
                // SHA-256 is the file's name are the event's; without that, the first seen (ours) stay.
                conflicts.append(RecordConflict(path: entryPath, ours: existing.id, theirs: entry.id))
                if try !isGenuine(existing, name: entry.name), try isGenuine(entry, name: entry.name) {
                    changes[entry.name] = .blob(entry.id, mode: entry.mode)
                }
                continue
            }
            changes[entry.name] = .blob(try union(existing.id, entry.id, path: entryPath, conflicts: &conflicts), mode: 0o040000)
        }
        if changes.isEmpty { return ours }
        return try repository.writeTree(applying: changes, to: ours)
    }

    /// Whether a record entry holds the bytes its name promises: an event file whose SHA-256 is its name.
    private func isGenuine(_ entry: TreeEntry, name: String) throws -> Bool {
        guard entry.kind == .blob, name.hasSuffix(".json"), (try repository.blobSize(entry.id)) <= EventCodec.maximumSize else { return false }
        return EventCodec.id(of: try repository.blobData(entry.id)) + ".json" == name
    }

    /// Brings `theirs` (another copy's record head) into the local record: a fast-forward when the local
    /// record is behind or absent, nothing when it already holds theirs, otherwise a merge commit whose tree
    /// is the union. Returns the new head, and every path where the two held different bytes (this copy's
    /// bytes are kept there).
    @discardableResult
    public func merge(theirs: ObjectID, signature: Signature) throws -> (head: ObjectID, conflicts: [RecordConflict]) {
        var attempt = 0
        while true {
            attempt += 1
            let head = try self.head()
            do {
                return try PlanError.wrap {
                    guard let head else {
                        try repository.updateReference(RefNames.record, to: theirs, expecting: .absent, message: "nap: record from remote")
                        return (theirs, [])
                    }
                    if try repository.isAncestor(theirs, of: head) { return (head, []) }
                    var conflicts: [RecordConflict] = []
                    let tree = try union(try repository.treeID(ofCommit: head), try repository.treeID(ofCommit: theirs), path: "", conflicts: &conflicts)
                    if conflicts.isEmpty, try repository.isAncestor(head, of: theirs) {
                        try repository.updateReference(RefNames.record, to: theirs, expecting: .at(head), message: "nap: record fast-forward")
                        return (theirs, [])
                    }
                    let commit = try repository.createCommit(tree: tree, parents: [head, theirs], author: signature, committer: signature,
                                                             message: "Merge record copies (union)\n")
                    try repository.updateReference(RefNames.record, to: commit, expecting: .at(head), message: "nap: record union merge")
                    return (commit, conflicts)
                }
            } catch PlanError.git(let error) where (error.isModified || error.isExists) && attempt < Record.maximumAttempts {
                continue
            }
        }
    }
}

/// A path where two copies of the record hold different bytes (RecordUnion keeps this copy's).
public struct RecordConflict: Sendable, Equatable {
    public let path: String
    public let ours: ObjectID
    public let theirs: ObjectID
}
