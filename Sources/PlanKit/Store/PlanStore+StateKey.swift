extension PlanStore {
    /// A key that changes whenever a reference a view of the plan is made from moves: main, the record,
    /// the proposal branches and the tags (the versions). Cheap (references only, no object is read), so
    /// a front that caches what it shows (`nap serve`) can ask it on every request and render again only
    /// when it changed.
    public func stateKey() throws -> String {
        var parts: [String] = []
        for glob in [RefNames.main, RefNames.record, RefNames.proposalPrefix + "*", RefNames.tagPrefix + "*"] {
            let references = try PlanError.wrap { try repository.references(matching: glob) }
            for (name, target) in references.sorted(by: { $0.name < $1.name }) {
                parts.append(name + " " + target.hex)
            }
        }
        return parts.joined(separator: "\n")
    }
}

extension PlanStore {
    /// Moves the plan's loose references into `packed-refs`, as `git pack-refs --all` does and as every
    /// sync ends: a plan of a thousand proposals then lists its branches from one file instead of a
    /// thousand, which a server does on every write (`stateKey()`, resolving a name). Every reference
    /// keeps its target; when it cannot be done (a lock held), nothing changes and reading is only slower.
    public func packReferences() {
        try? repository.packReferences()
    }
}
