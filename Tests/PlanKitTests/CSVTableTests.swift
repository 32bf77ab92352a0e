import Foundation
import PlanKit
import Testing

/// CSVTable and the dates of platforms' exports: rows numbered by the line they start on, located errors
/// for what cannot be read, and the writer's quoting read back.
@Suite struct CSVTableTests {
    @Test func rowsAreNumberedByTheLineTheyStartOn() throws {
        let text = "\u{FEFF}a,b\r\n1,\"兩\r\n行\"\r\n2,\"三\n\n行, 有逗號\"\n\n3,\"引號\"\"在內\"\n"
        let rows = try CSVTable.read(Array(text.utf8), maximumBytes: 1024)
        #expect(rows.map(\.line) == [1, 2, 4, 8])
        #expect(rows[0].fields == ["a", "b"], "the byte-order mark is dropped")
        #expect(rows[2].fields == ["2", "三\n\n行, 有逗號"])
        #expect(rows[3].fields == ["3", "引號\"在內"])
    }

    @Test func whatCannotBeReadIsLocated() {
        let cases: [([UInt8], String)] = [
            (Array("a,b\n1,".utf8) + [0xFF] + Array("\n".utf8), "line 2, column 3: bytes that are not UTF-8"),
            (Array("a,b\n1,\"open\n2,x\n".utf8), "line 2: a quoted field opened on this line is never closed"),
            (Array(repeating: UInt8(ascii: "a"), count: 2048), "line 1: the file is 2 KiB; at most 1 KiB are read"),
        ]
        for (bytes, message) in cases {
            #expect(throws: CSVTable.ReadError.self) { try CSVTable.read(bytes, maximumBytes: 1024) }
            do { _ = try CSVTable.read(bytes, maximumBytes: 1024) } catch { #expect("\(error)".hasPrefix(message), "\(error)") }
        }
    }

    @Test func writtenTablesReadBackAndFormulasAreDefused() throws {
        let rows = [["id", "text"], ["1", "逗號, \"引號\"\n換行"], ["2", CSVTable.defused("=1+1")]]
        let text = CSVTable.write(rows)
        #expect(text.hasSuffix("\r\n") && text.contains("\"逗號, \"\"引號\"\"\n換行\""))
        #expect(try CSVTable.read(Array(text.utf8), maximumBytes: 4096).map(\.fields) == rows)
        #expect(rows[2][1] == "'=1+1" && CSVTable.defused("普通") == "普通")
    }

    @Test func aRowWrittenAloneIsTheRowOfTheTable() {
        let rows = [["a", "b,c", "\"q\"", "line\r\nbreak", "lone\rcr", "lf\n", " spaced ", "", "中文"], ["'=1", "x"]]
        #expect(rows.map(CSVTable.line).joined() == CSVTable.write(rows))
        #expect(CSVTable.line(["a\"b"]) == "\"a\"\"b\"\r\n")
    }
}
