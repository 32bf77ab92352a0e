import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GitKit
import Localization

/// The one merge in progress in a repository: `.git/nap/merge.journal` (docs/STORAGE.md, "Merging").
///
/// `nap merge` creates it exclusively before it reads anything, so two merges in one repository run one
/// after the other: the second sees the first's result. Before its first visible write it records what it
/// is about to do (the merge commit, main before, the proposal), so that if it is killed at any point the
/// next nap command in the repository finishes the merge exactly once, or sees that nothing visible
/// changed (`PlanStore.completeInterruptedMerge`).
struct MergeJournal: Codable {
    var pid: Int32
    /// Which process that was: the machine's boot and the process's start time, so that a pid reused
    /// after a reboot or by another program is not taken for the merge still running.
    var process: String? = MergeJournal.processIdentity(getpid())
    var proposal: EventID?
    var slug: String?
    var commit: String?
    var main: String?
    var head: String?
    /// Whether main was checked out, so the working tree must follow.
    var checkout: Bool?

    static func url(gitDirectory: String) -> URL {
        URL(fileURLWithPath: gitDirectory).appendingPathComponent("nap/merge.journal")
    }

    /// Takes the journal: creates it exclusively, waiting while another live process holds it, and
    /// breaking it when the process that wrote it is gone (after finishing what it left). Returns false
    /// when another merge kept it for `patience` seconds.
    static func acquire(gitDirectory: String, patience: TimeInterval, finishStale: () throws -> Void) throws -> Bool {
        let url = url(gitDirectory: gitDirectory)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let deadline = Date().addingTimeInterval(patience)
        while true {
            let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd >= 0 {
                let bytes = (try? JSONEncoder().encode(MergeJournal(pid: getpid()))) ?? Data()
                _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                close(fd)
                return true
            }
            guard errno == EEXIST else {
                throw PlanError.refused(reason: L("cannot create \(url.path): \(String(cString: strerror(errno)))"), hint: L("check the permissions of the repository's .git folder"))
            }
            if let holder = read(gitDirectory: gitDirectory), !holder.isRunning {
                try finishStale()
                continue
            }
            if read(gitDirectory: gitDirectory) == nil, let age = age(gitDirectory: gitDirectory), age > 10 {
                // Created, never written: its process died between the two steps.
                remove(gitDirectory: gitDirectory)
                continue
            }
            if Date() > deadline { return false }
            usleep(50_000)
        }
    }

    static func read(gitDirectory: String) -> MergeJournal? {
        guard let data = try? Data(contentsOf: url(gitDirectory: gitDirectory)) else { return nil }
        return try? JSONDecoder().decode(MergeJournal.self, from: data)
    }

    /// Replaces the journal's contents atomically (written beside it, then renamed over it).
    func write(gitDirectory: String) throws {
        let url = Self.url(gitDirectory: gitDirectory)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".merge.journal.\(pid).tmp")
        do {
            try JSONEncoder().encode(self).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw PlanError.refused(reason: L("cannot write \(url.path): \(error.localizedDescription)"), hint: L("check the permissions and free space of the repository's .git folder"))
        }
    }

    /// Seconds since the journal was last written; nil without one.
    static func age(gitDirectory: String) -> TimeInterval? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url(gitDirectory: gitDirectory).path)
        return (attributes?[.modificationDate] as? Date).map { Date().timeIntervalSince($0) }
    }

    static func remove(gitDirectory: String) {
        try? FileManager.default.removeItem(at: url(gitDirectory: gitDirectory))
    }

    /// Whether the process that wrote the journal is still running (a journal whose writer is gone is
    /// stale): its pid is alive and, where /proc tells, it is the same process (same boot, same start).
    var isRunning: Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let process, let now = Self.processIdentity(pid) else { return true }
        return process == now
    }

    /// `<boot id>/<start time in clock ticks>` of a process, from /proc; nil where /proc is not there.
    static func processIdentity(_ pid: Int32) -> String? {
        guard let boot = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may hold spaces): state is field 3, start time field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        return boot.trimmingCharacters(in: .whitespacesAndNewlines) + "/" + fields[19]
    }
}

/// Test-only points where a command can be made to die (`NAP_TEST_KILL_AT=<point>`): the process sends
/// itself SIGKILL there, exactly like a power cut or `kill -9`, so tests can prove that every state a
/// multi-step write can be interrupted in is completed by the next command.
enum FaultInjection {
    static let point = ProcessInfo.processInfo.environment["NAP_TEST_KILL_AT"]

    static func reach(_ name: String) {
        if point == name { kill(getpid(), SIGKILL) }
    }
}

extension PlanStore {
    /// Finishes a merge that a killed `nap merge` left (MergeJournal), or clears its journal when nothing
    /// visible had changed. Run by every command when it opens the plan; does nothing while the merging
    /// process is still alive.
    public func completeInterruptedMerge() throws {
        let gitDirectory = repository.gitDirectory
        guard let journal = MergeJournal.read(gitDirectory: gitDirectory) else {
            // An unreadable journal was being created when its writer died; a live writer rewrites it.
            if let age = MergeJournal.age(gitDirectory: gitDirectory), age > 10 { MergeJournal.remove(gitDirectory: gitDirectory) }
            return
        }
        guard journal.pid != getpid(), !journal.isRunning else { return }
        try finish(journal)
        MergeJournal.remove(gitDirectory: gitDirectory)
    }

    private func finish(_ journal: MergeJournal) throws {
        guard let proposal = journal.proposal, let commit = journal.commit.flatMap(ObjectID.init(hex:)),
              let old = journal.main.flatMap(ObjectID.init(hex:)) else { return }
        // Was the merged event recorded? If not, nothing visible changed: the merge commit is an
        // unreferenced object, and the merge can simply be run again.
        // A merge commit pruned since (`git gc --prune=now`) cannot be completed: the merge event stays
        // quarantined (it names no merge on main) and the proposal can be merged again.
        guard repository.objectKind(commit) == .commit else { return }
        let events = try record.events(of: proposal).events
        let recorded = events.contains { if case .merged(let merged, _) = $0.body { merged == commit } else { false } }
        guard recorded else { return }
        let main = try mainHead()
        if main == old {
            try PlanError.wrap { try repository.updateReference(RefNames.main, to: commit, expecting: .at(old), message: "nap merge \(journal.slug ?? proposal.prefix(8).description) (completed)") }
        } else if main != commit {
            return
        }
        if journal.checkout == true, try currentBranch() == RefNames.main {
            try? repository.checkout(commit: commit, branch: RefNames.main, baseline: old)
        }
    }
}
