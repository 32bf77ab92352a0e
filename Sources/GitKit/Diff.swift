import CLibGit2

/// One changed file between two trees (or a tree and the work tree).
public struct DiffDelta: Sendable, Equatable {
    public enum Change: String, Sendable { case added, deleted, modified, renamed, typeChanged = "type-changed" }
    public let change: Change
    public let oldPath: String
    public let newPath: String
    /// The blob ids on each side; zero ids where a side has no file (or the work tree's is not hashed).
    public let oldID: ObjectID
    public let newID: ObjectID
    /// The path as a person names it: the new path, or the old one for a deletion.
    public var path: String { change == .deleted ? oldPath : newPath }
}

/// One line of a text diff.
public struct DiffLine: Sendable, Equatable {
    public enum Origin: Sendable { case context, added, removed }
    public let origin: Origin
    public let oldLine: Int?
    public let newLine: Int?
    /// The line's text without its line ending.
    public let content: String
}

/// One hunk of a text diff, with its lines.
public struct DiffHunk: Sendable, Equatable {
    public let oldStart: Int
    public let oldCount: Int
    public let newStart: Int
    public let newCount: Int
    public let lines: [DiffLine]
}

extension Repository {
    /// The files that differ between two trees (nil: the empty tree), renames detected.
    public func diffTrees(_ old: ObjectID?, _ new: ObjectID?) throws -> [DiffDelta] {
        var oldTree: OpaquePointer?, newTree: OpaquePointer?
        defer { git_tree_free(oldTree); git_tree_free(newTree) }
        if let old { var oid = old.raw; try check(git_tree_lookup(&oldTree, pointer, &oid), "git_tree_lookup") }
        if let new { var oid = new.raw; try check(git_tree_lookup(&newTree, pointer, &oid), "git_tree_lookup") }
        var diff: OpaquePointer?
        try check(git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, nil), "git_diff_tree_to_tree")
        defer { git_diff_free(diff) }
        try check(git_diff_find_similar(diff, nil), "git_diff_find_similar")
        return deltas(of: diff)
    }

    /// The files that differ between a tree and the work tree (through the index), untracked included.
    public func diffTreeToWorkdir(_ tree: ObjectID?) throws -> [DiffDelta] {
        var treeHandle: OpaquePointer?
        defer { git_tree_free(treeHandle) }
        if let tree { var oid = tree.raw; try check(git_tree_lookup(&treeHandle, pointer, &oid), "git_tree_lookup") }
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        options.flags = GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue | GIT_DIFF_SHOW_UNTRACKED_CONTENT.rawValue
        var diff: OpaquePointer?
        try check(git_diff_tree_to_workdir_with_index(&diff, pointer, treeHandle, &options), "git_diff_tree_to_workdir_with_index")
        defer { git_diff_free(diff) }
        return deltas(of: diff)
    }

    private func deltas(of diff: OpaquePointer?) -> [DiffDelta] {
        var result: [DiffDelta] = []
        for i in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, i)?.pointee else { continue }
            let change: DiffDelta.Change
            switch delta.status {
            case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED: change = .added
            case GIT_DELTA_DELETED: change = .deleted
            case GIT_DELTA_RENAMED: change = .renamed
            case GIT_DELTA_TYPECHANGE: change = .typeChanged
            default: change = .modified
            }
            result.append(DiffDelta(change: change, oldPath: text(delta.old_file.path), newPath: text(delta.new_file.path),
                                    oldID: ObjectID(delta.old_file.id), newID: ObjectID(delta.new_file.id)))
        }
        return result
    }

    /// A line diff of two texts (nil: no file on that side), with `context` lines around each change.
    public static func diffText(old: [UInt8]?, new: [UInt8]?, context: Int = 3) throws -> [DiffHunk] {
        LibGit2.ensure()
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        options.context_lines = UInt32(max(0, context))
        options.flags = GIT_DIFF_FORCE_TEXT.rawValue
        var patch: OpaquePointer?
        let oldBytes = old ?? [], newBytes = new ?? []
        try oldBytes.withUnsafeBytes { o in
            try newBytes.withUnsafeBytes { n in
                try check(git_patch_from_buffers(&patch, o.baseAddress?.assumingMemoryBound(to: CChar.self), o.count, old == nil ? nil : "a",
                                                 n.baseAddress?.assumingMemoryBound(to: CChar.self), n.count, new == nil ? nil : "b", &options),
                          "git_patch_from_buffers")
            }
        }
        defer { git_patch_free(patch) }
        var hunks: [DiffHunk] = []
        for h in 0..<git_patch_num_hunks(patch) {
            var hunkPointer: UnsafePointer<git_diff_hunk>?
            var lineCount = 0
            try check(git_patch_get_hunk(&hunkPointer, &lineCount, patch, h), "git_patch_get_hunk")
            guard let hunk = hunkPointer?.pointee else { continue }
            var lines: [DiffLine] = []
            for l in 0..<lineCount {
                var linePointer: UnsafePointer<git_diff_line>?
                try check(git_patch_get_line_in_hunk(&linePointer, patch, h, l), "git_patch_get_line_in_hunk")
                guard let line = linePointer?.pointee else { continue }
                let origin: DiffLine.Origin
                switch UInt8(bitPattern: line.origin) {
                case UInt8(ascii: "+"): origin = .added
                case UInt8(ascii: "-"): origin = .removed
                case UInt8(ascii: " "): origin = .context
                default: continue // end-of-file markers
                }
                var raw: [UInt8] = []
                if let content = line.content, line.content_len > 0 {
                    raw = content.withMemoryRebound(to: UInt8.self, capacity: line.content_len) {
                        Array(UnsafeBufferPointer(start: $0, count: line.content_len))
                    }
                }
                while let last = raw.last, last == 10 || last == 13 { raw.removeLast() }
                lines.append(DiffLine(origin: origin, oldLine: line.old_lineno > 0 ? Int(line.old_lineno) : nil,
                                      newLine: line.new_lineno > 0 ? Int(line.new_lineno) : nil,
                                      content: String(decoding: raw, as: UTF8.self)))
            }
            hunks.append(DiffHunk(oldStart: Int(hunk.old_start), oldCount: Int(hunk.old_lines),
                                  newStart: Int(hunk.new_start), newCount: Int(hunk.new_lines), lines: lines))
        }
        return hunks
    }
}
