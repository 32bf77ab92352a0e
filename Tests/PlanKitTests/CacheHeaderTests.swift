import Foundation
@testable import PlanKit
import Testing

/// A cache file's key read from its header line alone (`CacheLines.key(ofHeader:…)`), as the index of
/// digests is checked before its records are read.
@Suite struct CacheHeaderTests {
    private func header(_ data: Data) -> Data {
        data.prefix { $0 != 0x0A }
    }

    @Test func theHeaderGivesTheKeyTheFileWasWrittenWith() {
        let key = "0123abcd 89ef 4567"
        let file = CacheLines.encode(name: "proposals", version: "3/1", key: key, records: [["E", "x", "y"]])
        #expect(CacheLines.key(ofHeader: header(file), name: "proposals", version: "3/1") == key)
        #expect(CacheLines.decode(file, name: "proposals", version: "3/1")?.key == key, "the same key as a whole read")
    }

    @Test func anotherNameVersionOrAnEscapedHeaderGivesNone() {
        let file = CacheLines.encode(name: "proposals", version: "3/1", key: "k", records: [])
        #expect(CacheLines.key(ofHeader: header(file), name: "changes", version: "3/1") == nil)
        #expect(CacheLines.key(ofHeader: header(file), name: "proposals", version: "3/2") == nil)
        let escaped = CacheLines.encode(name: "proposals", version: "3/1", key: "a\tb", records: [])
        #expect(CacheLines.key(ofHeader: header(escaped), name: "proposals", version: "3/1") == nil, "left to the whole read")
        #expect(CacheLines.key(ofHeader: Data("garbage".utf8), name: "proposals", version: "3/1") == nil)
    }
}
