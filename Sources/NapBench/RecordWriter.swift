import Foundation
import GitKit
import PlanKit

/// Commits the written event files to `nap/record`. Each record commit adds a run of consecutive events
/// of one proposal (as `nap` does when someone comments, responds or reviews), and the commits follow the
/// order in which the runs happened, so the record's history has the shape a real one has.
enum RecordWriter {
    /// Writes the record commits and moves `refs/heads/nap/record`; returns how many commits were written.
    static func write(_ events: [[RecordedEvent]], commits target: Int, repository: Repository) throws -> Int {
        let total = events.reduce(0) { $0 + $1.count }
        let run = max(1, Int((Double(total) / Double(max(1, target))).rounded(.up)))
        var runs: [ArraySlice<RecordedEvent>] = []
        for proposal in events {
            var start = 0
            while start < proposal.count {
                runs.append(proposal[start..<min(start + run, proposal.count)])
                start += run
            }
        }
        runs.sort { ($0.first?.time ?? .distantPast) < ($1.first?.time ?? .distantPast) }
        var head: ObjectID?
        var tree: ObjectID?
        for slice in runs {
            guard let first = slice.first, let last = slice.last else { continue }
            var changes: [String: TreeChange] = [:]
            for event in slice { changes[event.path] = .blob(event.blob) }
            let next = try repository.writeTree(applying: changes, to: tree)
            let who = Signature(name: first.author.name, email: first.author.email, time: last.time)
            let what = slice.count == 1 ? "Record an event" : "Record \(slice.count) events"
            let proposal = first.path.split(separator: "/").dropFirst(2).first.map { String($0.prefix(12)) } ?? ""
            head = try repository.createCommit(tree: next, parents: head.map { [$0] } ?? [], author: who, committer: who,
                                               message: "\(what) on proposal \(proposal)\n")
            tree = next
        }
        if let head {
            try repository.updateReference(RefNames.record, to: head, expecting: .any, message: "nap-bench: the record")
        }
        return runs.count
    }
}
