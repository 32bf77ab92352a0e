import GitKit
import Localization

extension Record {
    /// The subjects that have process events in the record (`meetings/<id>` or `progress/<id>`), with
    /// the id of each one's subtree, and a problem for every entry of the folder that is not a subject.
    public func processSubjects(in folder: String, tree: ObjectID? = nil) throws -> (subjects: [(id: String, subtree: ObjectID)], problems: [PlanError]) {
        guard let root = try tree ?? self.tree() else { return ([], []) }
        return try PlanError.wrap {
            guard let top = try repository.treeEntry(root, path: folder) else { return ([], []) }
            guard top.kind == .tree else { return ([], [.corruptRecord(path: folder, reason: L("not a folder of events"))]) }
            var subjects: [(String, ObjectID)] = []
            var problems: [PlanError] = []
            for entry in try repository.treeEntries(top.id) {
                if entry.kind == .tree, Identifier.isSafe(entry.name) {
                    subjects.append((entry.name, entry.id))
                } else {
                    problems.append(.corruptRecord(path: folder + "/" + entry.name, reason: L("not a folder named by a meeting or commitment id")))
                }
            }
            return (subjects, problems)
        }
    }

    /// The events of one meeting or commitment, in fold order (clock, then id), and a description of every
    /// file in its folder that is not a valid event of it (kept, reported, never used).
    public func processEvents(of subject: ProcessSubject, in tree: ObjectID? = nil) throws -> (events: [ProcessEvent], problems: [PlanError]) {
        guard let root = try tree ?? self.tree() else { return ([], []) }
        let directory = subject.directory
        return try PlanError.wrap {
            var problems: [PlanError] = []
            let parent = String(directory.dropLast("/events".count))
            if let folder = try repository.treeEntry(root, path: parent), folder.kind == .tree {
                for entry in try repository.treeEntries(folder.id) where entry.name != "events" {
                    problems.append(.corruptRecord(path: parent + "/" + entry.name, reason: L("not an event file")))
                }
            }
            guard let folder = try repository.treeEntry(root, path: directory), folder.kind == .tree else { return ([], problems) }
            var events: [ProcessEvent] = []
            var signatures: [EventID: (path: String, text: String)] = [:]
            for entry in try repository.treeEntries(folder.id) {
                let path = directory + "/" + entry.name
                if entry.kind == .blob, entry.name.hasSuffix(".sig") {
                    let bytes = try repository.blobData(entry.id)
                    guard bytes.count <= Record.maximumSignatureSize else {
                        problems.append(.corruptRecord(path: path, reason: L("not a signature file (\(bytes.count) bytes)")))
                        continue
                    }
                    signatures[String(entry.name.dropLast(4))] = (path, String(decoding: bytes, as: UTF8.self))
                    continue
                }
                guard entry.kind == .blob, entry.name.hasSuffix(".json") else {
                    problems.append(.corruptRecord(path: path, reason: L("not an event file")))
                    continue
                }
                do {
                    let event = try ProcessEventCodec.decode(try repository.blobData(entry.id), path: path)
                    guard event.id == String(entry.name.dropLast(5)) else {
                        problems.append(.corruptRecord(path: path, reason: L("the file's contents do not match its name (SHA-256 \(event.id.prefix(12))…)")))
                        continue
                    }
                    guard event.subject == subject else {
                        problems.append(.corruptRecord(path: path, reason: L("the event belongs to \(event.subject.directory), not to this folder")))
                        continue
                    }
                    events.append(event)
                } catch let error as PlanError {
                    problems.append(error)
                }
            }
            for index in events.indices {
                events[index].signature = signatures.removeValue(forKey: events[index].id)?.text
            }
            for (_, orphan) in signatures.sorted(by: { $0.key < $1.key }) {
                problems.append(.corruptRecord(path: orphan.path, reason: L("a signature without its event")))
            }
            return (events.sorted { ($0.clock, $0.id) < ($1.clock, $1.id) }, problems)
        }
    }

    /// Adds process events to the record in one commit (signed, with a signature file beside each event,
    /// when the user has a key) and returns their ids.
    @discardableResult
    public func append(process events: [ProcessEvent], by signature: Signature, message: String) throws -> [EventID] {
        if let onBehalfOf {
            throw PlanError.refused(reason: L("host '\(onBehalfOf.host)' writes proposal events only; minutes and progress reports are written by the members themselves"), hint: nil)
        }
        var changes: [String: TreeChange] = [:]
        var ids: [EventID] = []
        try PlanError.wrap {
            for event in events {
                let (id, bytes) = try ProcessEventCodec.encode(event)
                changes[event.subject.directory + "/\(id).json"] = .blob(try repository.writeBlob(bytes))
                if let armored = try signer?.sign(bytes, namespace: SigningNamespace.event) {
                    changes[event.subject.directory + "/\(id).sig"] = .blob(try repository.writeBlob(Array(armored.utf8)))
                }
                ids.append(id)
            }
        }
        try commit(changes: changes, signature: signature, message: message)
        return ids
    }

    /// Checks a process event's signature against its file's bytes in the record (namespace `nap-event`).
    public func signatureState(of event: ProcessEvent, in tree: ObjectID? = nil) throws -> EventSignatureState {
        guard let armored = event.signature else { return .unsigned }
        guard let root = try tree ?? self.tree() else { return .unsigned }
        guard let bytes = try PlanError.wrap({ try repository.fileData(tree: root, path: event.path) }) else {
            return .invalid(reason: L("the event file \(event.path) is missing"))
        }
        return Self.signatureState(armored: armored, message: bytes, namespace: SigningNamespace.event)
    }
}
