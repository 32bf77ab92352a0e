import Foundation
import GitKit

/// members.yml along main's first-parent line, in runs: each stretch of consecutive commits with the same
/// members.yml blob, newest first, with the earliest committer time in it. The members in force at a time
/// T (docs/SIGNING.md: members.yml in the newest first-parent commit whose committer time is at or before
/// T) are those of the first run with a commit at or before T, so the runs answer exactly what walking
/// the commits answers.
///
/// Kept in the cache of derived state (`members-runs`) under main's head, and extended from the stored
/// head when main moved forward: folding a proposal whose events are a year old read 2,000 commits of
/// main each time (13 ms of `nap show`); a forum changes its members a few times a year, so the runs are
/// a handful of lines.
struct MembersRuns {
    struct Run: Equatable {
        /// The members.yml blob; nil for commits without one.
        let blob: ObjectID?
        var earliest: Date
    }

    /// Newest first.
    private(set) var runs: [Run] = []

    static let cacheName = "members-runs"

    /// The blob of members.yml in force at `time`; `.none` before main's first commit (no members).
    func blob(at time: Date) -> ObjectID?? {
        runs.first { $0.earliest <= time }.map(\.blob)
    }

    /// Adds the next (older) commit of the line.
    mutating func append(blob: ObjectID?, time: Date) {
        if let last = runs.last, last.blob == blob {
            runs[runs.count - 1].earliest = min(last.earliest, time)
        } else {
            runs.append(Run(blob: blob, earliest: time))
        }
    }

    /// The runs of the line from `head`: read from the cache when stored for `head`, else the commits from
    /// `head` back to the stored head (or to the root) read and the stored runs put after them; stored again.
    static func load(head: ObjectID, repository: Repository, cache: DerivedStateCache) throws -> MembersRuns {
        let stored = cache.loadLines(cacheName).flatMap { file in
            ObjectID(hex: file.key).flatMap { key in decode(file.records).map { (head: key, runs: $0) } }
        }
        if let stored, stored.head == head { return stored.runs }
        var result = MembersRuns()
        var next: ObjectID? = head
        while let id = next {
            if let stored, id == stored.head {
                for run in stored.runs.runs { result.append(blob: run.blob, time: run.earliest) }
                break
            }
            let point = try MembersTimeline.Point.read(id, in: repository)
            result.append(blob: point.blob, time: point.time)
            next = point.parent
        }
        cache.storeLines(result.runs.map { ["R", $0.blob?.hex ?? "", CacheLines.time($0.earliest)] }, key: head.hex, as: cacheName)
        return result
    }

    private static func decode(_ records: [[String]]) -> MembersRuns? {
        var result = MembersRuns()
        for record in records {
            guard record.count == 3, record[0] == "R", let time = CacheLines.time(record[2]) else { return nil }
            let blob: ObjectID?
            if record[1].isEmpty { blob = nil } else {
                guard let id = ObjectID(hex: record[1]) else { return nil }
                blob = id
            }
            result.runs.append(Run(blob: blob, earliest: time))
        }
        return result
    }
}
