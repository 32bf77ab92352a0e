import Foundation
import PlanKit
import Testing

/// A source in memory that names each file's bytes (as git's blob ids do) and counts what it reads; a
/// path in `unreadable` is named but cannot be read (a corrupt object).
final class CountingSource: PlanFileSource, @unchecked Sendable {
    var files: MemoryFileSource
    var reads: [String] = []
    var unreadable: Set<String> = []

    init(_ files: MemoryFileSource) { self.files = files }

    func read(_ path: String) throws -> [UInt8]? {
        reads.append(path)
        if unreadable.contains(path) { throw CocoaError(.fileReadCorruptFile) }
        return try files.read(path)
    }

    func list(_ directory: String) throws -> [String] { try files.list(directory) }

    func contentID(_ path: String) throws -> String? { files[path].map { Data($0).base64EncodedString() } }
}

@Suite struct PlanParseMemoTests {
    /// What the validator reports with a memo is what it reports without one, whatever was parsed before.
    func expectSameAsFresh(_ source: CountingSource, memo: PlanParseMemo, sourceLocation: SourceLocation = #_sourceLocation) {
        let fresh = PlanValidator().load(source: source.files)
        let kept = PlanValidator(memo: memo).load(source: source)
        #expect(kept.diagnostics == fresh.diagnostics, "\(kept.diagnostics.listing)\n---\n\(fresh.diagnostics.listing)", sourceLocation: sourceLocation)
        #expect(kept.commitments.map(\.id) == fresh.commitments.map(\.id), sourceLocation: sourceLocation)
        #expect(kept.plan?.period == fresh.plan?.period && kept.members?.all.count == fresh.members?.all.count, sourceLocation: sourceLocation)
    }

    @Test func aFileParsedOnceIsNotReadAgainAndGivesTheSameDiagnostics() {
        let memo = PlanParseMemo()
        let source = CountingSource(brokenInThreeFiles())
        expectSameAsFresh(source, memo: memo)
        #expect(Set(source.reads).isSuperset(of: ["plan.yml", "members.yml", "commitments/1-1.md", "commitments/1-2.md"]))
        source.reads = []
        expectSameAsFresh(source, memo: memo)
        // Only GOVERNANCE.md (whose presence is all that counts) is read again.
        #expect(source.reads == ["GOVERNANCE.md"], "\(source.reads)")
        #expect(!PlanValidator(memo: memo).validate(source: source).onlyErrors.isEmpty)
    }

    @Test func aCommitmentIsParsedAgainWhenThePlanItIsCheckedAgainstChanges() {
        let memo = PlanParseMemo()
        let source = CountingSource(FormatFixture.validPlan())
        expectSameAsFresh(source, memo: memo)
        #expect(PlanValidator(memo: memo).validate(source: source).onlyErrors.isEmpty)
        // The same commitment bytes, a plan period that no longer holds the commitment's: a new error.
        source.files["plan.yml"] = Array(FormatFixture.planYML.replacingOccurrences(of: "start: 2025-01", with: "start: 2026-01").utf8)
        source.reads = []
        expectSameAsFresh(source, memo: memo)
        #expect(source.reads.contains("commitments/1-1.md"))
        #expect(PlanValidator(memo: memo).validate(source: source).onlyErrors.contains { $0.path == "commitments/1-1.md" })
        // And the languages: a plan in English alone finds the commitment's zh-Hant blocks out of place.
        source.files["plan.yml"] = Array(FormatFixture.planYML.replacingOccurrences(of: "  - zh-Hant\n", with: "").utf8)
        expectSameAsFresh(source, memo: memo)
        // Back to the first plan: the first parse is reused, still valid.
        source.files["plan.yml"] = Array(FormatFixture.planYML.utf8)
        source.reads = []
        expectSameAsFresh(source, memo: memo)
        #expect(PlanValidator(memo: memo).validate(source: source).onlyErrors.isEmpty)
    }

    @Test func aFileThatCannotBeReadIsReportedEveryTimeAndNeverKept() {
        let memo = PlanParseMemo()
        let source = CountingSource(FormatFixture.validPlan())
        source.unreadable = ["commitments/1-1.md", "members.yml"]
        for _ in 0..<2 {
            source.reads = []
            let diagnostics = PlanValidator(memo: memo).validate(source: source)
            #expect(diagnostics.contains { $0.path == "commitments/1-1.md" && $0.severity == .error }, "\(diagnostics.listing)")
            #expect(diagnostics.contains { $0.path == "members.yml" && $0.severity == .error }, "\(diagnostics.listing)")
            #expect(source.reads.contains("commitments/1-1.md") && source.reads.contains("members.yml"))
        }
        // Once readable, the file is parsed and valid.
        source.unreadable = []
        #expect(PlanValidator(memo: memo).validate(source: source).onlyErrors.isEmpty)
    }
}
