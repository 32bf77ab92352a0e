import GitKit

/// Merge bases against main for a store that asks about many heads — a site build or a server (each
/// proposal's diff and merge check), a listing of a new copy (each proposal's changed paths), a
/// verification (each merge on main, oldest first): from the `threshold`-th question on, they come from
/// one walk of main's ancestry (`MergeBases`) kept in the store's memos and moved forward with main,
/// instead of one libgit2 walk back through main's history per question. The answers are libgit2's
/// (MergeBasesTests); a command that asks a few times (a sync that brought one merge) walks only as far
/// as libgit2 does.
struct MainMergeBases {
    /// Questions asked of this store.
    var questions = 0
    var finder: MergeBases?
    /// Set when main's whole ancestry could not be walked (a missing or unreadable commit deep in it):
    /// questions against this main then go to libgit2, which walks only as far as each answer needs.
    var unwalkable: ObjectID?
    /// The question from which one walk of main pays for itself.
    static let threshold = 8
}

extension PlanStore {
    /// The best common ancestor of `main` and `head` (`git merge-base`).
    func mergeBase(main: ObjectID, head: ObjectID) throws -> ObjectID? {
        try PlanError.wrap {
            if let finder = mainFinder(main) { return try finder.mergeBase(with: head) }
            return try repository.mergeBase(main, head)
        }
    }

    /// Every best common ancestor of `main` and `head` (`git merge-base --all`).
    func mergeBases(main: ObjectID, head: ObjectID) throws -> [ObjectID] {
        try PlanError.wrap {
            if let finder = mainFinder(main) { return try finder.mergeBases(with: head) }
            return try repository.mergeBases(main, head)
        }
    }

    /// The finder of merge bases against `main`, once enough questions were asked against it; nil when
    /// libgit2 should answer (few questions, or a main whose ancestry cannot be walked whole).
    private func mainFinder(_ main: ObjectID) -> MergeBases? {
        var state = memos.mainBases
        state.questions += 1
        defer { memos.mainBases = state }
        guard state.questions >= MainMergeBases.threshold, state.unwalkable != main else { return nil }
        do {
            if let finder = state.finder {
                if finder.target != main { try finder.advance(to: main) }
                return finder
            }
            let finder = try MergeBases(repository: repository, target: main)
            state.finder = finder
            return finder
        } catch {
            state.finder = nil
            state.unwalkable = main
            return nil
        }
    }
}
