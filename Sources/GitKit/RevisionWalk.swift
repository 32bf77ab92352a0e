import CLibGit2

/// The order a revision walk yields commits in.
public struct WalkOrder: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public static let topological = WalkOrder(rawValue: GIT_SORT_TOPOLOGICAL.rawValue)
    public static let time = WalkOrder(rawValue: GIT_SORT_TIME.rawValue)
    public static let reverse = WalkOrder(rawValue: GIT_SORT_REVERSE.rawValue)
}

extension Repository {
    /// The ids of the commits reachable from `from` and not from any of `hiding`, in `order`; with
    /// `firstParentOnly`, only along first parents (a branch's own line of merges).
    public func walk(from: [ObjectID], hiding: [ObjectID] = [], order: WalkOrder = [.topological, .time],
                     firstParentOnly: Bool = false, limit: Int = .max) throws -> [ObjectID] {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, pointer), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        try check(git_revwalk_sorting(walker, order.rawValue), "git_revwalk_sorting")
        if firstParentOnly { try check(git_revwalk_simplify_first_parent(walker), "git_revwalk_simplify_first_parent") }
        for id in from {
            var oid = id.raw
            try check(git_revwalk_push(walker, &oid), "git_revwalk_push")
        }
        for id in hiding {
            var oid = id.raw
            try check(git_revwalk_hide(walker, &oid), "git_revwalk_hide")
        }
        var ids: [ObjectID] = []
        var oid = git_oid()
        while ids.count < limit {
            let result = git_revwalk_next(&oid, walker)
            if result == GIT_ITEROVER.rawValue { break }
            try check(result, "git_revwalk_next")
            ids.append(ObjectID(oid))
        }
        return ids
    }
}
