import Foundation

/// Derived state kept between runs in `.git/nap/cache/` (DESIGN.md section 7): what is expensive to
/// compute from the record and the branches (folded proposal summaries, changed paths, merge checks),
/// always stored under the git object ids it was computed from, and looked up by the ids as they are
/// now, so that a change made by plain git (`git pull`, `git fetch`, `git update-ref`) is always seen.
///
/// It is only ever a shortcut: a missing, unreadable, corrupt or other-version file is ignored and
/// rebuilt; files are replaced atomically (write, then rename), so a reader never sees half a file;
/// deleting the folder is always safe. Write failures are ignored (a read-only repository still works).
struct DerivedStateCache {
    /// Bump when the layout of a file, or the way its contents are derived (the fold, the digest),
    /// changes: files of another version are never read.
    static let formatVersion = 3

    /// `<git dir>/nap/cache`.
    let directory: URL

    init(gitDirectory: String) {
        directory = URL(fileURLWithPath: gitDirectory).appendingPathComponent("nap/cache", isDirectory: true)
    }

    /// Set `NAP_CACHE=off` to compute everything afresh (benchmarks of the cold path, debugging).
    static let isDisabled = ProcessInfo.processInfo.environment["NAP_CACHE"] == "off"

    /// Which build of nap wrote a file: the executable's size and modification time. A file written by
    /// another build is not trusted (what is derived, and how, may have changed with the code), so an
    /// upgrade costs one slower run, never a wrong answer.
    static let build: String = {
        #if os(Linux)
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        #else
        let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        #endif
        let attributes = (try? FileManager.default.attributesOfItem(atPath: executable)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)-\(Int64(modified * 1000))"
    }()

    /// The version field of every file: the layout's version and the build.
    static var version: String { "\(formatVersion)/\(build)" }

    private struct Envelope<Payload: Codable>: Codable {
        let format: String
        let payload: Payload
    }

    private func url(_ name: String) -> URL {
        directory.appendingPathComponent("\(name).v\(Self.formatVersion).json")
    }

    /// The payload stored under `name`; nil when there is none that this version can trust.
    func load<Payload: Codable>(_ name: String, as type: Payload.Type) -> Payload? {
        guard !Self.isDisabled, let data = try? Data(contentsOf: url(name)) else { return nil }
        guard let envelope = try? JSONDecoder().decode(Envelope<Payload>.self, from: data),
              envelope.format == Self.version else { return nil }
        return envelope.payload
    }

    /// Stores `payload` under `name`, replacing the file atomically.
    func store<Payload: Codable>(_ payload: Payload, as name: String) {
        guard !Self.isDisabled, let data = try? JSONEncoder().encode(Envelope(format: Self.version, payload: payload)) else { return }
        write(data, to: url(name))
    }

    private func linesURL(_ name: String) -> URL {
        directory.appendingPathComponent("\(name).v\(Self.formatVersion).txt")
    }

    /// True when a file of records is stored under `name` (whether this version can trust it or not).
    func hasLines(_ name: String) -> Bool {
        !Self.isDisabled && FileManager.default.fileExists(atPath: linesURL(name).path)
    }

    /// The records stored under `name` (in `CacheLines` layout) with the key they were stored under;
    /// nil when there are none that this version can trust.
    func loadLines(_ name: String) -> (key: String, records: [[String]])? {
        guard !Self.isDisabled, let data = try? Data(contentsOf: linesURL(name)) else { return nil }
        return CacheLines.decode(data, name: name, version: Self.version)
    }

    /// The file of records stored under `name`, checked whole but decoded a record at a time when asked;
    /// nil when there is none that this version can trust.
    func loadLineFile(_ name: String) -> CacheLineFile? {
        guard !Self.isDisabled, let data = try? Data(contentsOf: linesURL(name)) else { return nil }
        return CacheLineFile(data, name: name, version: Self.version)
    }

    /// The key the records under `name` were stored with, from the header line alone (the records are not
    /// read); nil when there is no such file, or its header is not this version's or needs unescaping.
    func linesKey(_ name: String) -> String? {
        guard !Self.isDisabled, let handle = try? FileHandle(forReadingFrom: linesURL(name)) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4096), let end = head.firstIndex(of: 0x0A) else { return nil }
        return CacheLines.key(ofHeader: head[head.startIndex..<end], name: name, version: Self.version)
    }

    /// Stores records under `name` and `key`, replacing the file atomically.
    func storeLines(_ records: [[String]], key: String, as name: String) {
        guard !Self.isDisabled else { return }
        write(CacheLines.encode(name: name, version: Self.version, key: key, records: records), to: linesURL(name))
    }

    /// Stores records, some of them lines as a `CacheLineFile` holds them, under `name` and `key`.
    func storeLines(_ lines: [CacheLines.Line], key: String, as name: String) {
        guard !Self.isDisabled else { return }
        write(CacheLines.encode(name: name, version: Self.version, key: key, lines: lines), to: linesURL(name))
    }

    /// Removes the oldest files whose name starts with `prefix` until at most `count` are left (files kept
    /// per object id, e.g. one per tree, would otherwise pile up).
    func removeFiles(prefix: String, keepingAtMost count: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        let files = names.filter { $0.hasPrefix(prefix) }.map { directory.appendingPathComponent($0) }
        guard files.count > count else { return }
        let dated = files.map { ($0, (try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast) }
        for (file, _) in dated.sorted(by: { $0.1 < $1.1 }).prefix(files.count - count) { try? FileManager.default.removeItem(at: file) }
    }

    /// Writes a file beside its destination, then renames it over the destination: readers see the old
    /// file or the new one, never a part.
    func write(_ data: Data, to destination: URL) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
            try data.write(to: temporary)
            if rename(temporary.path, destination.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
            }
        } catch {
            // A cache that cannot be written is only a slower run.
        }
    }
}
