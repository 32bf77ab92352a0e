import Foundation
@testable import Localization
import NapTestSupport
import Testing

/// The catalogs: every `L("…")` in the sources has a zh-Hant text with the same placeholders, the tables
/// parse, and the copy built into nap is the files' (scripts/messages.py).
@Suite struct CatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyMessageHasAChineseTextWithTheSamePlaceholders() throws {
        let result = try run("/usr/bin/env", ["python3", "scripts/messages.py", "check"], in: Self.root.path, environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(" 0 problems"), "\(result.stdout)")
    }

    @Test func theEmbeddedCatalogsAreTheFiles() throws {
        let result = try run("/usr/bin/env", ["python3", "scripts/messages.py", "embed", "--check"], in: Self.root.path, environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "run python3 scripts/messages.py embed: \(result.stderr)")
    }

    @Test func theTablesParseInNap() {
        #expect(Catalog.problems.isEmpty, "\(Catalog.problems)")
        #expect(Catalog.traditionalChineseEntries.count > 10)
    }

    @Test func aMalformedTableIsReportedNotTrapped() {
        let parsed = Catalog.parse(["zh-Hant.lproj/Bad.strings": "\"a\" = ;", "zh-Hant.lproj/Good.strings": "\"b\" = \"乙\";"])
        #expect(parsed.table == ["b": "乙"])
        #expect(parsed.problems.count == 1)
    }
}
