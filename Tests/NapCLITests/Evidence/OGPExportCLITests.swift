import CSV
import Foundation
import NapTestSupport
import Testing

/// `nap export ogp-csv` on a real published plan, read back with CSV.swift against the header of OGP's
/// real commitments export (../shared/data/ogp-commitments).
@Suite struct OGPExportCLITests {
    /// The header of OGP's real export, read with the CSV library.
    static func realHeader() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/ogp-commitments/open_parliament_0703.csv")
        let stream = try #require(InputStream(url: url))
        let reader = try CSVReader(stream: stream, hasHeaderRow: true)
        return try #require(reader.headerRow)
    }

    /// A published plan whose commitment names policy areas, and whose English lead institution starts
    /// like a spreadsheet formula.
    static func plan(_ name: String) throws -> NapHarness {
        let text = donationCommitment()
            .replacingOccurrences(of: "values:\n", with: "policy-areas:\n  - political-finance\n  - elections\nvalues:\n")
            .replacingOccurrences(of: "en: Ministry of the Interior", with: "en: \"=HYPERLINK(\\\"https://evil.example\\\")\"")
        return try NapHarness.published(name, commitment: text)
    }

    @Test func commitmentsAreRowsOfOGPsDatabase() throws {
        let h = try Self.plan("ogp-csv")
        try h.ok(["export", "ogp-csv", "v1", "--code", "TWN", "--region", "Asia and the Pacific", "--plan-number", "3", "-o", "../ogp.csv"])
        let stream = try #require(InputStream(fileAtPath: h.sandbox.path("ogp.csv")))
        let reader = try CSVReader(stream: stream, hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        let real = try Self.realHeader()
        #expect(real.count == 171)
        #expect(header == real)
        var rows: [[String: String]] = []
        while let row = reader.next() {
            #expect(row.count == header.count)
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, $1) }))
        }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["Commitment Unique Identifier"] == "TWN0301")
        #expect(row["Country/Locality"] == "Taiwan")
        #expect(row["Action Plan Number"] == "3" && row["Commitment Number"] == "1")
        #expect(row["Region"] == "Asia and the Pacific" && row["Action Plan ID"] == "AP_TWN03")
        #expect(row["Year Of Submission"] == NapHarness.day(0).prefix(4).description)
        #expect(row["Action Plan End Year"] == "2028" && row["Action Plan Duration (Years)"] == "4")
        #expect(row["Commitment Title"] == "More transparent political donations")
        #expect(row["Start Date"] == "1/1/2025" && row["End Date"] == "12/31/2028")
        #expect(row["Lead Institution"] == "'=HYPERLINK(\"https://evil.example\")", "a formula is defused: \(row["Lead Institution"] ?? "")")
        #expect(row["Supporting Institution(s)"] == "Control Yuan, g0v Open Political Donations")
        #expect(row["Political Finance"] == "1" && row["Elections"] == "1" && row["Open Data"] == "0")
        #expect(row["OGP Value Access To Information"] == "1" && row["OGP Value Public Accountability"] == "1" && row["OGP Value Civic Participation"] == "0")
        #expect(row["Full Text"]?.contains("\n") == true, "the English prose, its line breaks kept in a quoted field")
        #expect(row["Completion (End Of Term)"] == "ND")
        // The bytes: CRLF line ends, no byte-order mark.
        let bytes = try #require(FileManager.default.contents(atPath: h.sandbox.path("ogp.csv")))
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("\r\n"))
    }

    @Test func aPlanThatDoesNotValidateIsNotExported() throws {
        let h = try NapHarness.foundedWithProcess("ogp-csv-invalid")
        try h.write("commitments/broken.md", donationCommitment(id: "broken").replacingOccurrences(of: "values:\n", with: "policy-areas:\n  - politics\nvalues:\n"))
        try h.git(["add", "."])
        try h.git(["commit", "-qm", "broken"])
        let result = try h.nap(["export", "ogp-csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not validate") && result.stderr.contains("'politics' is not a policy area"), "\(result.stderr)")
    }
}
