import Crypto
import Foundation
import GitKit
import NapTestSupport

/// Writes into a plan's `nap/record` the way an attacker with push access would: raw bytes at the
/// content-addressed path, committed with libgit2 directly (no nap), signed by nobody.
struct RecordForger {
    let path: String

    /// The id an event file's bytes give it.
    static func id(of bytes: String) -> String {
        SHA256.hash(data: Data(bytes.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Adds `bytes` as the event file of `proposal` (nil: an opening event, its own proposal) at the path
    /// its hash gives, or at `name` when the attacker lies about the name. Returns the event id.
    @discardableResult
    func add(_ bytes: String, proposal: String?, name: String? = nil) throws -> String {
        let id = Self.id(of: bytes)
        let owner = proposal ?? id
        try put(["proposals/\(owner.prefix(2))/\(owner)/events/\(name ?? id).json": bytes])
        return id
    }

    /// Writes files into the record tree (replacing what is at those paths) in one commit on top.
    func put(_ files: [String: String]) throws {
        let repository = try Repository.open(at: path)
        let head = try repository.referenceTarget("refs/heads/nap/record")
        var changes: [String: TreeChange] = [:]
        for (file, text) in files { changes[file] = .blob(try repository.writeBlob(Array(text.utf8))) }
        let base = try head.map { try repository.treeID(ofCommit: $0) }
        let tree = try repository.writeTree(applying: changes, to: base)
        let mallory = Signature(name: "Mallory", email: "mallory@example.net", time: Date())
        let commit = try repository.createCommit(tree: tree, parents: head.map { [$0] } ?? [], author: mallory, committer: mallory, message: "forged\n")
        try repository.updateReference("refs/heads/nap/record", to: commit, expecting: head.map { .at($0) } ?? .absent, message: "forge")
    }

    /// An event file as nap lays them out (sorted keys), with the given fields.
    static func event(_ fields: [String: Any]) throws -> String {
        var all: [String: Any] = ["version": 1, "time": "2026-01-01T00:00:00Z", "clock": 50,
                                  "author": ["name": "Mallory", "email": "mallory@example.net", "member": NSNull(), "sector": "public", "role": NSNull()]]
        for (key, value) in fields { all[key] = value }
        let data = try JSONSerialization.data(withJSONObject: all, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// An author block claiming to be someone.
    static func author(_ person: Person, member: String?, sector: String, role: String?) -> [String: Any] {
        ["name": person.name, "email": person.email, "member": member ?? NSNull(), "sector": sector, "role": role ?? NSNull()]
    }
}
