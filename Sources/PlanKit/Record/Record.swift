import Foundation
import GitKit
import Localization

/// The collaboration record: the `nap/record` branch, an add-only tree of immutable event files at
/// content-addressed paths, `proposals/<2 hex>/<proposal id>/events/<event id>.json` (docs/STORAGE.md).
///
/// Writes only ever add files, so two copies merge by tree union. Appends are compare-and-swap on the
/// branch, retried when another process appended first. With a `signer` that has a key, each event is
/// signed (`<event id>.sig` beside it, namespace `nap-event`) and so is each record commit.
public final class Record {
    let repository: Repository
    /// Signs events and record commits when the user has a key; nil: nothing is signed.
    let signer: Signer?
    /// How many times an append is retried when the branch moved underneath it.
    static let maximumAttempts = 20
    /// Stamped on every event this record appends: set on the store `PlanStore.onBehalf(of:)` returns.
    var onBehalfOf: OnBehalfOf?
    /// While set, appends gather their files here and commit nothing (`PlanStore.appendingTogether`).
    var batch: RecordBatch?

    public init(repository: Repository, signer: Signer? = nil) {
        self.repository = repository
        self.signer = signer
    }

    /// The folder of a proposal inside the record tree (its events and anything beside them).
    public static func folder(of proposal: EventID) -> String {
        "proposals/\(proposal.prefix(2))/\(proposal)"
    }

    /// The folder of a proposal's events inside the record tree.
    public static func directory(of proposal: EventID) -> String {
        folder(of: proposal) + "/events"
    }

    /// The id of the tree at `path` in the record tree `tree`; nil when there is none, or it is not a tree.
    /// A proposal's folders are found at their own place only (`folder(of:)`, `directory(of:)`), never
    /// under another fan-out name where a folder of the same name could be planted.
    func subtree(_ path: String, in tree: ObjectID) throws -> ObjectID? {
        try PlanError.wrap { try repository.treeEntry(tree, path: path).flatMap { $0.kind == .tree ? $0.id : nil } }
    }

    /// The path of one event file.
    public static func path(of event: EventID, proposal: EventID) -> String {
        directory(of: proposal) + "/\(event).json"
    }

    /// The path of an event's signature file (armored SSHSIG over the event file's bytes).
    public static func signaturePath(of event: EventID, proposal: EventID) -> String {
        directory(of: proposal) + "/\(event).sig"
    }

    /// The largest signature file read (an Ed25519 SSHSIG is about 300 bytes).
    static let maximumSignatureSize = 8 * 1024

    /// The record branch's commit; nil before anything was recorded.
    public func head() throws -> ObjectID? {
        try PlanError.wrap { try repository.referenceTarget(RefNames.record) }
    }

    /// The record's tree at its head; nil before anything was recorded.
    public func tree() throws -> ObjectID? {
        guard let head = try head() else { return nil }
        return try PlanError.wrap { try repository.treeID(ofCommit: head) }
    }

    /// The ids of every proposal that has events, with the id of its subtree (which changes exactly when
    /// its events change: a cache key). Only folders at their own place (`Record.folder(of:)`, where the
    /// events are read from) are listed: a folder of the same name planted under another fan-out name
    /// (`proposals/abc/<id>`) is not, so it can neither stand for the real one in a key nor list an id twice.
    public func proposals(in tree: ObjectID? = nil) throws -> [(id: EventID, subtree: ObjectID)] {
        guard let root = try tree ?? self.tree() else { return [] }
        return try PlanError.wrap {
            guard let proposals = try repository.treeEntry(root, path: "proposals"), proposals.kind == .tree else { return [] }
            var result: [(EventID, ObjectID)] = []
            for fan in try repository.treeEntries(proposals.id) where fan.kind == .tree {
                for entry in try repository.treeEntries(fan.id) where entry.kind == .tree && entry.name.prefix(2) == fan.name {
                    result.append((entry.name, entry.id))
                }
            }
            return result
        }
    }

    /// The events of one proposal, in fold order (clock, then id), and a description of every file in its
    /// folder that is not a valid event (kept, reported, never used).
    public func events(of proposal: EventID, in tree: ObjectID? = nil) throws -> (events: [Event], problems: [PlanError]) {
        let read = try events(of: proposal, in: tree, known: [:])
        return (read.events, read.problems)
    }

    /// `events(of:in:)`, taking the event of each file whose blob is in `known` (decoded before from the
    /// same bytes) instead of decoding it again; also returns each event's blob.
    func events(of proposal: EventID, in tree: ObjectID?, known: [ObjectID: Event]) throws -> (events: [Event], problems: [PlanError], blobs: [EventID: ObjectID]) {
        guard let root = try tree ?? self.tree() else { return ([], [], [:]) }
        let directory = Record.directory(of: proposal)
        guard let folder = try subtree(directory, in: root) else { return ([], [], [:]) }
        return try PlanError.wrap {
            var blobs: [EventID: ObjectID] = [:]
            var events: [Event] = []
            var problems: [PlanError] = []
            var signatures: [EventID: (path: String, text: String)] = [:]
            for entry in try repository.treeEntries(folder) {
                let path = directory + "/" + entry.name
                if entry.kind == .blob, entry.name.hasSuffix(".sig") {
                    let size = try repository.blobSize(entry.id)
                    guard size <= Record.maximumSignatureSize else {
                        problems.append(.corruptRecord(path: path, reason: L("not a signature file (\(size) bytes)")))
                        continue
                    }
                    let bytes = try repository.blobData(entry.id)
                    signatures[String(entry.name.dropLast(4))] = (path, String(decoding: bytes, as: UTF8.self))
                    continue
                }
                guard entry.kind == .blob, entry.name.hasSuffix(".json") else {
                    problems.append(.corruptRecord(path: path, reason: L("not an event file")))
                    continue
                }
                let expected = String(entry.name.dropLast(5))
                if let event = known[entry.id], event.id == expected, event.proposalID == proposal {
                    events.append(event)
                    blobs[event.id] = entry.id
                    continue
                }
                let size = try repository.blobSize(entry.id)
                guard size <= EventCodec.maximumSize else {
                    problems.append(.corruptRecord(path: path, reason: L("event file larger than \(EventCodec.maximumSize) bytes (\(size))")))
                    continue
                }
                let bytes = try repository.blobData(entry.id)
                do {
                    let event = try EventCodec.decode(bytes, path: path)
                    guard event.id == expected else {
                        problems.append(.corruptRecord(path: path, reason: L("the file's contents do not match its name (SHA-256 \(event.id.prefix(12))…)")))
                        continue
                    }
                    guard event.proposalID == proposal else {
                        problems.append(.corruptRecord(path: path, reason: L("the event belongs to proposal \(event.proposalID.prefix(12))…")))
                        continue
                    }
                    events.append(event)
                    blobs[event.id] = entry.id
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
            return (Record.foldOrder(events), problems, blobs)
        }
    }

    /// Sorts events into the one order every copy of the record folds them in.
    public static func foldOrder(_ events: [Event]) -> [Event] {
        events.sorted { ($0.clock, $0.id) < ($1.clock, $1.id) }
    }

    /// Adds events to the record in one commit and returns their ids. Safe when other processes append at
    /// the same time: the branch moves by compare-and-swap and the append is retried on top of theirs.
    @discardableResult
    public func append(_ events: [Event], by signature: Signature, message: String) throws -> [EventID] {
        var changes: [String: TreeChange] = [:]
        var ids: [EventID] = []
        try PlanError.wrap {
            for var event in events {
                if let onBehalfOf {
                    try HostAgency.check(event.body, for: onBehalfOf)
                    event.onBehalfOf = onBehalfOf
                }
                let (id, bytes) = try EventCodec.encode(event)
                let proposal = event.proposal ?? id
                changes[Record.path(of: id, proposal: proposal)] = .blob(try repository.writeBlob(bytes))
                if let armored = try signer?.sign(bytes, namespace: SigningNamespace.event) {
                    changes[Record.signaturePath(of: id, proposal: proposal)] = .blob(try repository.writeBlob(Array(armored.utf8)))
                }
                ids.append(id)
            }
        }
        if let batch, batch.isOpen {
            gather(changes, message: message, into: batch)
        } else {
            try commit(changes: changes, signature: signature, message: message)
        }
        return ids
    }

    /// Writes `changes` on top of the record in one commit, moved by compare-and-swap and retried when
    /// another process appended first.
    func commit(changes: [String: TreeChange], signature: Signature, message: String) throws {
        var attempt = 0
        while true {
            attempt += 1
            let head = try self.head()
            do {
                try PlanError.wrap {
                    let base = try head.map { try repository.treeID(ofCommit: $0) }
                    let tree = try repository.writeTree(applying: changes, to: base)
                    let parents = head.map { [$0] } ?? []
                    let commit = try signer?.writeCommit(tree: tree, parents: parents, author: signature, committer: signature, message: message)
                        ?? repository.createCommit(tree: tree, parents: parents, author: signature, committer: signature, message: message)
                    try repository.updateReference(RefNames.record, to: commit, expecting: head.map { .at($0) } ?? .absent, message: "nap: " + message)
                }
                return
            } catch PlanError.git(let error) where (error.isModified || error.isExists || error.isLocked) && attempt < Record.maximumAttempts {
                usleep(UInt32.random(in: 1_000...20_000))
                continue
            }
        }
    }
}
