import Foundation
import NapTestSupport
import Testing

/// Hostile exports given to `nap import public-input`, and hostile imported events written into the
/// record with stock git: located errors, rows set aside with their line, nothing half-written, and an
/// imported input never read as the importing member's.
@Suite struct HostileImportTests {
    static func plan(_ name: String) throws -> NapHarness {
        let h = try NapHarness.foundedWithProcess(name)
        try h.ok(["propose", "political-donations", "--title", "政治獻金再透明化"], as: .wang)
        try h.ok(["switch", "main"])
        return h
    }

    func importing(_ h: NapHarness, _ bytes: [UInt8], _ extra: [String] = []) throws -> ProcessResult {
        let path = h.sandbox.path("hostile.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try h.nap(["import", "public-input", path, "--proposal", "political-donations"] + extra, as: .secretariat)
    }

    @Test func aFileThatCannotBeReadIsRefusedWholeAtItsPlace() throws {
        let h = try Self.plan("hostile-import-file")
        let before = try h.recordHead()
        let header = Array("編號,內容,提議人\n".utf8)
        let cases: [([UInt8], String)] = [
            // Big5 bytes for 政治 on line 3.
            (header + Array("1,好,甲\n".utf8) + [0x32, 0x2C, 0xAC, 0x46, 0xAA, 0x76, 0x2C, 0x41, 0x0A], "line 3, column 3: bytes that are not UTF-8"),
            (header + Array("1,\"不會結束,甲\n2,b,c\n".utf8), "line 2: a quoted field opened on this line is never closed"),
            (header + Array("1,a\0b,甲\n".utf8), "line 2, column 4: a NUL byte"),
            (Array("編號,提議人\n1,甲\n".utf8), "line 1 has no column for body (column '內容')"),
            ([], "it is empty"),
            (header + Array(repeating: UInt8(ascii: "x"), count: 17 * 1024 * 1024), "at most 16384 KiB are read"),
            (header + Array((1...5001).map { "\($0),好,甲\n" }.joined().utf8), "it has 5001 rows; import at most 5000 at a time"),
        ]
        for (bytes, message) in cases {
            let result = try importing(h, bytes)
            #expect(result.status == 1, "\(message)")
            #expect(result.stderr.contains("the file cannot be imported: ") && result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(try h.recordHead() == before, "nothing written")
    }

    @Test func badRowsAreSetAsideWithTheirLinesAndTheRestImportedTogether() throws {
        let h = try Self.plan("hostile-import-rows")
        let huge = String(repeating: "長", count: 50_000)
        let text = "編號,內容,提議人,日期,網址\n"
            + "1,好意見,甲,2024-06-01,https://join.gov.tw/1\n"          // line 2: fine
            + "1,重複,乙,2024-06-01,\n"                                 // line 3: duplicate id
            + ",沒有編號,丙,2024-06-01,\n"                              // line 4: no id
            + "4,,丁,2024-06-01,\n"                                     // line 5: empty body
            + "5,\(huge),戊,2024-06-01,\n"                             // line 6: 146 KiB cell
            + "6,太早,己,1999-12-31,\n"                                 // line 7: before 2000
            + "7,太晚,庚,2999-01-01,\n"                                 // line 8: in the future
            + "8,壞網址,辛,2024-06-01,javascript:alert(1)\n"            // line 9: not http(s)
            + "9,少欄位\n"                                              // line 10: too few fields
            + "=cmd|' /C calc'!A0,公式編號,壬,2024-06-01,\n"            // line 11: a formula as id
            + "11,\"=HYPERLINK(\"\"https://evil.example\"\")\",癸,2024-06-01,\n" // line 12: kept, with a notice
            + "12,不是日期,子,June 1st,\n"                              // line 13: not a date
        let result = try importing(h, Array(text.utf8), ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["imported"] as? [[String: Any]])?.map { $0["line"] as? Int } == [2, 12])
        let skipped = try #require(json["skipped"] as? [[String: Any]])
        #expect(skipped.map { $0["line"] as? Int } == [3, 4, 5, 6, 7, 8, 9, 10, 11, 13])
        let messages = skipped.compactMap { $0["message"] as? String }
        #expect(messages[0] == "the id 1 is also on line 2; each input is imported once")
        #expect(messages[3].hasPrefix("the text is 146 KiB; at most 128 KiB"))
        #expect(messages[4].contains("before 2000") && messages[5].contains("in the future"))
        #expect(messages[6].contains("not an http:// or https:// address"))
        #expect(messages[7] == "it has 2 fields; the header has 5")
        #expect(skipped[1]["column"] as? String == "編號" && skipped[9]["column"] as? String == "日期")
        #expect((json["notices"] as? [[String: Any]])?.map { $0["line"] as? Int } == [12])
        // One record commit holds both imported rows; the formula is defused in the report's CSV.
        #expect(try h.git(["show", "--name-only", "--format=", "refs/heads/nap/record"]).split(separator: "\n").filter { $0.hasSuffix(".json") }.count == 2)
        #expect(try h.ok(["report", "responses", "--format", "csv"]).contains("\"'=HYPERLINK(\"\"https://evil.example\"\")\""))
    }

    @Test func aForgedImportedEventNeverSpeaksForAMember() throws {
        let h = try Self.plan("hostile-import-forged")
        try h.write("../join.csv", "編號,內容,提議人\n1,好意見,王小明\n")
        try h.ok(["import", "public-input", h.sandbox.path("join.csv"), "--proposal", "political-donations"], as: .secretariat)
        let proposal = try #require(try h.object(["show", "political-donations"])["id"] as? String)
        let forger = RecordForger(path: h.plan)
        let time = NapHarness.date(daysAgo: 0)
        let importer: [String: Any] = ["name": "x", "email": Person.secretariat.email, "sector": "public"]
        func imported(_ fields: [String: Any], clock: Int) throws -> String {
            var all: [String: Any] = ["proposal": proposal, "clock": clock, "time": time, "type": "comment", "body": "假冒",
                                      "recorded-by": importer, "source": ["platform": "join", "id": "forged-\(clock)"]]
            for (key, value) in fields { all[key] = value }
            return try RecordForger.event(all)
        }
        let nobody: [String: Any] = ["name": "路人", "email": "", "sector": "public"]
        // An imported comment that claims a member's address, sector and role as its author.
        try forger.add(try imported(["author": RecordForger.author(.govChair, member: "ndc-chair", sector: "government", role: "co-chair")], clock: 3), proposal: proposal)
        // One whose importer was never a member.
        try forger.add(try imported(["author": nobody, "recorded-by": ["name": "x", "email": Person.citizen.email, "sector": "public"]], clock: 4), proposal: proposal)
        // A response dressed as imported input.
        try forger.add(try imported(["author": nobody, "type": "response", "body": NSNull(), "target": proposal, "disposition": "adopted",
                                     "reason": "假的回應理由在此"], clock: 5), proposal: proposal)
        let show = try h.object(["show", "political-donations"])
        let quarantined = show["problems"] as? [String] ?? []
        #expect(quarantined.contains { $0.contains("an imported input names its author without an address, and this one gives chair@ndc.gov.example") }, "\(quarantined)")
        #expect(quarantined.contains { $0.contains("imported inputs are recorded by a member; citizen@example.net was not a member") }, "\(quarantined)")
        #expect(quarantined.contains { $0.contains("only a proposal or a comment can be imported; a response event cannot carry a source") }, "\(quarantined)")
        #expect((show["comments"] as? [Any])?.count == 1)
        #expect((show["responses"] as? [Any] ?? []).isEmpty)
    }
}
