import Foundation
import Localization
import PlanKit

/// What writing the site did.
public struct SiteWriteSummary: Sendable, Equatable {
    /// Files written because they were new or their bytes changed, in the site's order.
    public var written: [String] = []
    /// Files whose bytes were already there, left untouched.
    public var unchanged = 0
    /// Files of an earlier build that the site no longer has, deleted.
    public var removed: [String] = []
    /// Of the unchanged files, those not even rendered: their key was that of the file already there.
    public var notRendered = 0
}

/// Writes the site into a folder incrementally: a file is written only when its bytes changed, and the
/// files of an earlier build that the site no longer has are deleted. The folder keeps a list of the
/// files nap wrote (`.nap-site`), and nap deletes only files on that list: a folder that is not empty
/// and has no list was not made by `nap site`, and is refused.
public struct SiteWriter {
    public static let manifestName = ".nap-site"

    public let directory: URL

    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
    }

    /// Renders every file of `site` and writes it; `progress` is told after each batch of files. Pages are
    /// rendered on every core, a batch at a time (so that memory holds one batch, not the whole site).
    ///
    /// A page with a key (`SiteRenderer.Entry.key`: everything it is made from) that an earlier build
    /// wrote into this folder under the same key, and that is still there at the size written, is not
    /// rendered at all. The keys are kept in the plan's cache of derived state: when they are missing,
    /// corrupt or of another build of nap, every page is rendered (and still written only when its bytes
    /// changed).
    public func write(_ site: SiteRenderer, progress: (SiteProgress) -> Void = { _ in }) throws -> SiteWriteSummary {
        let manager = FileManager.default
        let previous = try previousFiles()
        let known = previous.isEmpty ? [:] : site.reader.pageRecords(folder: directory.path)
        // Forgotten while the folder changes: a build stopped half-way leaves no key for a page it rewrote.
        if !known.isEmpty { site.reader.storePageRecords([:], folder: directory.path) }
        var records: [String: SitePageRecord] = [:]
        var summary = SiteWriteSummary()
        var written: [(index: Int, path: String)] = []
        let order = site.renderOrder
        let batch = 64
        var next = 0
        while next < order.count {
            var pending: [Int] = []
            while next < order.count, pending.count < batch {
                let index = order[next]
                next += 1
                let path = site.path(at: index)
                if let key = site.key(at: index), let record = known[path], record.key == key, previous.contains(path),
                   stamp(of: path) == record.stamp {
                    summary.unchanged += 1
                    summary.notRendered += 1
                    records[path] = record
                    continue
                }
                pending.append(index)
            }
            // Pages on every core; the big downloads one at a time, each streamed to its file.
            let whole = pending.filter { !site.isStreamed(at: $0) }
            for (index, file) in zip(whole, try ParallelRender.files(of: site, whole)) {
                if try write(file, into: &summary) { written.append((index, file.path)) }
                if let key = site.key(at: index), let stamp = stamp(of: file.path) { records[file.path] = SitePageRecord(key: key, stamp: stamp) }
            }
            for index in pending where site.isStreamed(at: index) {
                let path = site.path(at: index)
                if try stream(site, at: index, into: &summary) { written.append((index, path)) }
                if let key = site.key(at: index), let stamp = stamp(of: path) { records[path] = SitePageRecord(key: key, stamp: stamp) }
            }
            progress(SiteProgress(phase: "writing", done: next, total: order.count))
        }
        summary.written = written.sorted { $0.index < $1.index }.map(\.path)
        let current = site.paths
        let keep = Set(current)
        for path in previous.sorted() where !keep.contains(path) {
            guard let url = target(path) else { continue }
            if manager.fileExists(atPath: url.path) {
                do { try manager.removeItem(at: url) } catch {
                    throw SiteError.output(path: url.path, problem: L("cannot delete the old page: \(error.localizedDescription)"))
                }
                summary.removed.append(path)
            }
            removeEmptyFolders(above: url)
        }
        let manifest = SiteFile(path: SiteWriter.manifestName, bytes: Array((current.sorted().joined(separator: "\n") + "\n").utf8))
        var ignored = SiteWriteSummary()
        try write(manifest, into: &ignored)
        if let stamp = stamp(of: SiteWriter.manifestName) { records[SiteWriter.manifestName] = SitePageRecord(key: site.buildKey, stamp: stamp) }
        site.reader.storePageRecords(records, folder: directory.path)
        return summary
    }

    /// What a build of the plan in `store` into this folder would do when nothing changed since the last
    /// build into it: every reference of the plan, the revision, the base URL and the site's day as they
    /// were (`SiteRenderer.buildKey`), and every file of that build still there as it was left (its list
    /// and each file with the stamp the page cache remembers). Then nothing is read nor rendered, and
    /// the summary says every file is unchanged; nil when anything may differ (build the site).
    public func unchanged(store: PlanStore, revision: String = "main", baseURL: String? = nil, asOf: PlanDate? = nil) throws -> SiteWriteSummary? {
        let previous = try previousFiles()
        guard !previous.isEmpty else { return nil }
        let records = store.sitePageRecords(folder: directory.path)
        let key = SiteRenderer.buildKey(stateKey: try store.stateKey(), revision: revision, commit: try? store.resolveRevision(revision),
                                        baseURL: SiteRenderer.normalized(baseURL: baseURL), asOf: try SiteProcess.day(from: store, requested: asOf),
                                        served: false)
        guard let build = records[SiteWriter.manifestName], build.key == key, stamp(of: SiteWriter.manifestName) == build.stamp,
              records.count == previous.count + 1 else { return nil }
        for path in previous {
            guard let record = records[path], stamp(of: path) == record.stamp else { return nil }
        }
        return SiteWriteSummary(unchanged: previous.count, notRendered: previous.count)
    }

    /// The files an earlier build wrote (from its list); empty for a new or empty folder. Refuses a folder
    /// with other contents.
    private func previousFiles() throws -> Set<String> {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { throw SiteError.output(path: directory.path, problem: L("it is a file, not a folder")) }
        let manifest = directory.appendingPathComponent(SiteWriter.manifestName)
        guard let data = manager.contents(atPath: manifest.path) else {
            let contents = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
            guard contents.filter({ $0 != ".DS_Store" }).isEmpty else {
                throw SiteError.output(path: directory.path,
                                       problem: L("the folder is not empty and was not written by nap site (it has no \(SiteWriter.manifestName)); give an empty or new folder"))
            }
            return []
        }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { target($0) != nil })
    }

    /// The file for a site path, nil for a path that would leave the folder.
    private func target(_ path: String) -> URL? {
        let parts = path.split(separator: "/")
        guard !parts.isEmpty, !path.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return directory.appendingPathComponent(path)
    }

    /// The size and modification time of the file at a site path; nil when there is no such file.
    private func stamp(of path: String) -> String? {
        guard let url = target(path) else { return nil }
        var status = stat()
        guard stat(url.path, &status) == 0, status.st_mode & 0o170000 == 0o100000 else { return nil }
        return "\(status.st_size)-\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }

    /// Writes the file unless its bytes are there already; true when it was written.
    @discardableResult
    private func write(_ file: SiteFile, into summary: inout SiteWriteSummary) throws -> Bool {
        guard let url = target(file.path) else { throw SiteError.output(path: file.path, problem: L("not a path inside the site")) }
        let manager = FileManager.default
        if let existing = manager.contents(atPath: url.path), existing.count == file.bytes.count, [UInt8](existing) == file.bytes {
            summary.unchanged += 1
            return false
        }
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url, options: .atomic)
        } catch {
            throw SiteError.output(path: url.path, problem: Message(verbatim: error.localizedDescription))
        }
        return true
    }

    /// Streams the file at `index` into a temporary file beside its place, then moves it there unless the
    /// file already there has the same bytes (compared a megabyte at a time); true when it was written.
    private func stream(_ site: SiteRenderer, at index: Int, into summary: inout SiteWriteSummary) throws -> Bool {
        let path = site.path(at: index)
        guard let url = target(path) else { throw SiteError.output(path: path, problem: L("not a path inside the site")) }
        let manager = FileManager.default
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".nap-partial")
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? manager.removeItem(at: temporary)
            guard manager.createFile(atPath: temporary.path, contents: nil) else {
                throw SiteError.output(path: temporary.path, problem: L("cannot create the file"))
            }
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                try site.stream(at: index, into: handle)
                try handle.close()
            } catch {
                try? handle.close()
                try? manager.removeItem(at: temporary)
                throw error
            }
            if Self.sameBytes(temporary, url) {
                try manager.removeItem(at: temporary)
                summary.unchanged += 1
                return false
            }
            if rename(temporary.path, url.path) != 0 {
                throw SiteError.output(path: url.path, problem: Message(verbatim: String(cString: strerror(errno))))
            }
        } catch let error as SiteError {
            throw error
        } catch {
            try? manager.removeItem(at: temporary)
            throw SiteError.output(path: url.path, problem: Message(verbatim: error.localizedDescription))
        }
        return true
    }

    /// Whether two files hold the same bytes (false when either is missing), read a megabyte at a time.
    static func sameBytes(_ one: URL, _ other: URL) -> Bool {
        guard let left = try? FileHandle(forReadingFrom: one), let right = try? FileHandle(forReadingFrom: other) else { return false }
        defer {
            try? left.close()
            try? right.close()
        }
        guard (try? left.seekToEnd()) == (try? right.seekToEnd()) else { return false }
        try? left.seek(toOffset: 0)
        try? right.seek(toOffset: 0)
        do {
            while true {
                // At the end a read gives nothing (empty, or nil on some platforms).
                let a = try left.read(upToCount: 1 << 20) ?? Data(), b = try right.read(upToCount: 1 << 20) ?? Data()
                if a != b { return false }
                if a.isEmpty { return true }
            }
        } catch {
            return false
        }
    }

    private func removeEmptyFolders(above url: URL) {
        var folder = url.deletingLastPathComponent().standardizedFileURL
        while folder.path.count > directory.path.count, folder.path.hasPrefix(directory.path) {
            guard let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.path), contents.isEmpty else { return }
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent().standardizedFileURL
        }
    }
}
