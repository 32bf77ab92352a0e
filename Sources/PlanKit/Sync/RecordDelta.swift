import GitKit

extension Record {
    /// The files of the record tree `new` that the tree `old` lacks (nil: every file of `new`), by path,
    /// with their blob ids. Subtrees that are the same in both are skipped whole, so the cost grows with
    /// the difference, not with the record.
    func addedFiles(from old: ObjectID?, to new: ObjectID) throws -> [String: ObjectID] {
        var result: [String: ObjectID] = [:]
        try PlanError.wrap { try collect(old, new, prefix: "", into: &result) }
        return result
    }

    private func collect(_ old: ObjectID?, _ new: ObjectID, prefix: String, into result: inout [String: ObjectID]) throws {
        if old == new { return }
        var mine: [String: TreeEntry] = [:]
        if let old { for entry in try repository.treeEntries(old) { mine[entry.name] = entry } }
        for entry in try repository.treeEntries(new) {
            let path = prefix + entry.name
            let existing = mine[entry.name]
            if existing?.id == entry.id { continue }
            switch entry.kind {
            case .tree:
                try collect(existing?.kind == .tree ? existing?.id : nil, entry.id, prefix: path + "/", into: &result)
            case .blob:
                if existing == nil { result[path] = entry.id }
            case .commit:
                continue
            }
        }
    }

    /// Counts events by kind. A file that is not a readable event counts only in `events`.
    func count(_ files: [String: ObjectID]) throws -> EventCounts {
        var counts = EventCounts()
        for (path, blob) in files where path.hasSuffix(".json") {
            counts.events += 1
            if path.hasPrefix(ProcessSubject.meetingsFolder + "/") || path.hasPrefix(ProcessSubject.progressFolder + "/") {
                guard let bytes = try? repository.blobData(blob), let event = try? ProcessEventCodec.decode(bytes, path: path) else { continue }
                switch event.body {
                case .meeting: counts.meetings += 1
                case .progress, .progressComment, .progressResponse: counts.progress += 1
                }
                continue
            }
            guard let bytes = try? repository.blobData(blob), let event = try? EventCodec.decode(bytes, path: path) else { continue }
            counts.tally(event)
        }
        return counts
    }

    /// The proposal whose events folder holds `path` (`proposals/<fan-out>/<id>/events/<file>`: an event or
    /// its signature); nil for any other path.
    static func proposal(ofEventsFile path: String) -> EventID? {
        // On the UTF-8 bytes: a new copy asks this of every file of the record.
        let parts = path.utf8.split(separator: UInt8(ascii: "/"))
        guard parts.count == 5, parts[0].elementsEqual("proposals".utf8), parts[3].elementsEqual("events".utf8) else { return nil }
        return String(Substring(parts[2]))
    }

    /// Whether `path` is where the record keeps a proposal's event (`proposals/<fan-out>/<id>/events/<event>.json`).
    static func isProposalEventPath(_ path: String) -> Bool {
        path.hasSuffix(".json") && proposal(ofEventsFile: path) != nil
    }
}

extension EventCounts {
    /// Counts a proposal's event by its kind (not in `events`, which counts files).
    mutating func tally(_ event: Event) {
        switch event.body {
        case .opened: proposals += 1
        case .comment: comments += 1
        case .response: responses += 1
        case .review(.approve, _, _): approvals += 1
        case .review(.requestChanges, _, _): changeRequests += 1
        case .revised: revisions += 1
        default: break
        }
    }

    /// Adds another count to this one.
    mutating func add(_ other: EventCounts) {
        events += other.events
        proposals += other.proposals
        comments += other.comments
        responses += other.responses
        approvals += other.approvals
        changeRequests += other.changeRequests
        revisions += other.revisions
        versions += other.versions
        meetings += other.meetings
        progress += other.progress
    }
}
