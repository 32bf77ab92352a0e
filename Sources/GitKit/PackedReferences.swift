import CLibGit2
import Foundation

/// Why `createPackedReferences` wrote nothing.
public struct PackedReferencesRefused: Error, CustomStringConvertible {
    public let description: String
}

extension Repository {
    /// Creates references that exist nowhere yet by writing them into `packed-refs` at once, as `git clone`
    /// writes the references it fetched: one file instead of a lock file, a loose file and a reflog per
    /// reference (a new copy of a plan creates a thousand proposal branches, and each file costs the file
    /// system an inode). Under git's lock (`packed-refs.lock`, created exclusively); the file keeps git's
    /// layout (`# pack-refs with: peeled fully-peeled sorted`, sorted names, a tag's peeled line after it).
    ///
    /// All or nothing: throws `PackedReferencesRefused` and writes nothing when a name is not a valid
    /// reference name, exists (loose or packed), or would stand where another reference's folder is (or
    /// the reverse), or when the lock is held. No reflog is written for them.
    public func createPackedReferences(_ references: [(name: String, target: ObjectID)]) throws {
        guard !references.isEmpty else { return }
        var existing = Set<String>()
        for name in try referenceNames() { existing.insert(name) }
        var adding = Set<String>()
        for (name, _) in references {
            guard name.hasPrefix("refs/"), Repository.isValidReferenceName(name), !name.contains("\n") else {
                throw PackedReferencesRefused(description: "'\(name)' is not a reference name")
            }
            guard !existing.contains(name), adding.insert(name).inserted else {
                throw PackedReferencesRefused(description: "\(name) exists")
            }
        }
        // A reference cannot be a folder of another: `refs/heads/a` beside `refs/heads/a/b`.
        let all = existing.union(adding)
        var folders = Set<String>()
        for name in all {
            var folder = Substring(name)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                folders.insert(String(folder))
            }
        }
        for name in adding {
            if folders.contains(name) { throw PackedReferencesRefused(description: "\(name) would hold other references") }
            var folder = Substring(name)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if all.contains(String(folder)) { throw PackedReferencesRefused(description: "\(name) would be inside \(folder)") }
            }
        }
        let directory = URL(fileURLWithPath: gitDirectory)
        let file = directory.appendingPathComponent("packed-refs")
        let lock = directory.appendingPathComponent("packed-refs.lock")
        let descriptor = createExclusively(lock.path)
        guard descriptor >= 0 else { throw PackedReferencesRefused(description: "packed-refs is locked (\(String(cString: strerror(errno))))") }
        var committed = false
        defer {
            closeFile(descriptor)
            if !committed { unlink(lock.path) }
        }
        // The entries already packed, each with the peeled line that follows a tag's.
        var entries: [(name: String, lines: String)] = []
        if let data = FileManager.default.contents(atPath: file.path) {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
                if line.hasPrefix("#") { continue }
                if line.hasPrefix("^"), !entries.isEmpty {
                    entries[entries.count - 1].lines += "\n" + line
                    continue
                }
                guard let space = line.firstIndex(of: " ") else { throw PackedReferencesRefused(description: "packed-refs has a line nap does not read") }
                entries.append((String(line[line.index(after: space)...]), String(line)))
            }
        }
        for (name, target) in references { entries.append((name, target.hex + " " + name)) }
        // Sorted by the bytes of the names, as git sorts them.
        entries.sort { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        var text = "# pack-refs with: peeled fully-peeled sorted \n"
        for entry in entries { text += entry.lines + "\n" }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { writeFile(descriptor, $0) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw PackedReferencesRefused(description: "packed-refs could not be written (\(String(cString: strerror(errno))))")
        }
        guard renameFile(lock.path, file.path) == 0 else {
            throw PackedReferencesRefused(description: "packed-refs could not be replaced (\(String(cString: strerror(errno))))")
        }
        committed = true
    }

    /// The names of every reference, loose and packed (symbolic ones included).
    func referenceNames() throws -> [String] {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_new(&iterator, pointer), "git_reference_iterator_new")
        defer { git_reference_iterator_free(iterator) }
        var names: [String] = []
        var name: UnsafePointer<CChar>?
        while true {
            let code = git_reference_next_name(&name, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_reference_next_name")
            if let name { names.append(String(cString: name)) }
        }
        return names
    }
}

// The system calls, outside `Repository` (whose static `open(at:)` would hide `open`).
private func createExclusively(_ path: String) -> Int32 { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
private func closeFile(_ descriptor: Int32) { _ = close(descriptor) }
private func writeFile(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int { write(descriptor, bytes.baseAddress, bytes.count) }
private func renameFile(_ from: String, _ to: String) -> Int32 { rename(from, to) }
