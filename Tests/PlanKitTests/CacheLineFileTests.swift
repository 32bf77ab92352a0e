import Foundation
import GitKit
@testable import PlanKit
import Testing

/// A cache file checked whole and decoded a record at a time (`CacheLineFile`), and proposals named
/// without listing every branch (`resolveProposal`).
@Suite struct CacheLineFileTests {
    private let records = [
        ["P", "id\twith tab", "標題\n第二行", "back\\slash", ""],
        ["R", "x"],
        [""],
        ["E", "0123", "carriage\rreturn"],
    ]

    private func open(_ data: Data) -> CacheLineFile? {
        CacheLineFile(data, name: "proposals", version: "3/1")
    }

    @Test func recordsAndTheirFirstFieldsAreWhatWasWritten() throws {
        let data = CacheLines.encode(name: "proposals", version: "3/1", key: "k 1", records: records)
        let file = try #require(open(data))
        #expect(file.key == "k 1")
        #expect((0..<file.count).map(file.record) == records)
        #expect(file.fields(of: 0, limit: 2) == ["P", "id\twith tab"])
        #expect(file.fields(of: 0, at: [0, 2, 4]) == ["P", "標題\n第二行", ""])
        #expect(file.fields(of: 1, at: [0, 2]) == nil, "a record with too few fields")
        #expect(file.hasTag(UInt8(ascii: "E"), at: 3))
        #expect(!file.hasTag(UInt8(ascii: "E"), at: 0))
        #expect(!file.hasTag(UInt8(ascii: "R"), at: 2), "an empty record has no tag")
        #expect(CacheLines.decode(data, name: "proposals", version: "3/1")?.records == records)
    }

    @Test func storedLinesAreWrittenBackAsTheyWere() throws {
        let data = CacheLines.encode(name: "proposals", version: "3/1", key: "k", records: records)
        let file = try #require(open(data))
        let copied = CacheLines.encode(name: "proposals", version: "3/1", key: "k", lines: (0..<file.count).map { .stored(file.line($0)) })
        #expect(copied == data)
        let mixed = CacheLines.encode(name: "proposals", version: "3/1", key: "k", lines: [.stored(file.line(0)), .fields(["new"])])
        #expect(CacheLines.decode(mixed, name: "proposals", version: "3/1")?.records == [records[0], ["new"]])
    }

    @Test func aDamagedFileIsNotTakenForWhole() throws {
        let data = CacheLines.encode(name: "proposals", version: "3/1", key: "k", records: records)
        #expect(open(data.dropLast()) == nil, "cut inside its last line")
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(open(Data((lines.dropLast(3).joined(separator: "\n") + "\n" + lines[lines.count - 2] + "\n").utf8)) == nil, "a record left out")
        #expect(open(Data(text.replacingOccurrences(of: "\\t", with: "\\q").utf8)) == nil, "an escape nap does not write")
        #expect(open(Data(text.replacingOccurrences(of: "back\\\\slash", with: "back\\").utf8)) == nil, "a backslash before a separator")
        #expect(open(Data()) == nil)
        #expect(CacheLineFile(data, name: "changes", version: "3/1") == nil)
        #expect(CacheLineFile(data, name: "proposals", version: "3/2") == nil)
    }

    /// A name is resolved by reading the one branch it names: loose references, a branch without a
    /// record, a name git does not accept and an id prefix all answer as the full listing does.
    @Test func namesResolveWithoutTheListing() throws {
        let f = try CacheFixture()
        let id = try f.open("open-data")
        try f.open("lobbying", at: 1_723_500_100)
        try f.store.repository.updateReference(RefNames.proposal("bare/draft"), to: f.main, expecting: .any, message: "test")
        let store = try f.reopened()
        #expect(try store.resolveProposal("open-data").id == id)
        #expect(try store.resolveProposal("open-data").branchHead == f.main)
        #expect(try store.resolveProposal(String(id.prefix(6))).slug == "open-data")
        let bare = try store.resolveProposal("bare/draft")
        #expect(bare.id == nil && bare.branchHead == f.main)
        // A symbolic reference is not a branch (the listing skips it too).
        try f.sandbox.gitOK(["symbolic-ref", "refs/heads/proposal/alias", "refs/heads/main"], in: f.store.root)
        for name in ["missing", "a..b", "two words", "", "bare", "alias"] {
            #expect(throws: PlanError.self) { try store.resolveProposal(name) }
        }
        // The same candidates as the listing gives, for every name it knows.
        for candidate in try store.proposalCandidates() {
            let resolved = try store.resolveProposal(candidate.slug)
            #expect(resolved.id == candidate.id && resolved.branchHead == candidate.branchHead && resolved.status == candidate.status)
        }
    }
}
