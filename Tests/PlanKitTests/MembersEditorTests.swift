import PlanKit
import Testing

@Suite struct MembersEditorTests {
    let chen = Member(id: "chen", name: "陳: 小明", email: "chen@example.org", sector: .civilSociety,
                      organization: "#g0v 社群", role: .coChair)
    let lin = Member(id: "lin", name: "林政府", email: "lin@example.org", sector: .government, role: .coChair)

    var templateText: String {
        String(decoding: PlanTemplate.embeddedFiles["members.yml"] ?? [], as: UTF8.self)
    }

    @Test func addingKeepsCommentsAndReplacesTheEmptyList() throws {
        let original = templateText
        let edited = try MembersEditor.adding(chen, to: original)
        let commentLines = original.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(commentLines.allSatisfy { edited.contains($0) })
        #expect(edited.hasSuffix("""
            members:
              - id: chen
                name: "陳: 小明"
                email: chen@example.org
                sector: civil-society
                organization: "#g0v 社群"
                role: co-chair

            """))
        let members = try #require(Members.parse(Array(edited.utf8)).value)
        #expect(members.all == [chen])
        // A second member comes after the first, separated by a blank line; both read back.
        let twice = try MembersEditor.adding(lin, to: edited)
        #expect(twice.hasPrefix(edited))
        let parsed = Members.parse(Array(twice.utf8))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.listing)")
        #expect(parsed.value?.all == [chen, lin])
    }

    @Test func addingFollowsTheFilesIndentationAndLineBreaks() throws {
        let text = "members:\r\n- id: a\r\n  name: A\r\n  email: a@example.org\r\n  sector: academia\r\n# trailing note\r\n"
        let edited = try MembersEditor.adding(lin, to: text)
        #expect(edited == "members:\r\n- id: a\r\n  name: A\r\n  email: a@example.org\r\n  sector: academia\r\n\r\n- id: lin\r\n  name: 林政府\r\n  email: lin@example.org\r\n  sector: government\r\n  role: co-chair\r\n# trailing note\r\n")
        #expect(Members.parse(Array(edited.utf8)).value?.all.map(\.id) == ["a", "lin"])
    }

    @Test func addingToAnEmptyOrKeylessFile() throws {
        #expect(try MembersEditor.adding(lin, to: "") == "members:\n  - id: lin\n    name: 林政府\n    email: lin@example.org\n    sector: government\n    role: co-chair\n")
        let noKey = try MembersEditor.adding(lin, to: "# nobody yet")
        #expect(noKey.hasPrefix("# nobody yet\nmembers:\n  - id: lin\n"))
    }

    @Test func duplicatesAreRefused() throws {
        let text = try MembersEditor.adding(chen, to: templateText)
        #expect(throws: FormatError.duplicateMemberID("chen")) {
            try MembersEditor.adding(Member(id: "chen", name: "X", email: "x@example.org", sector: .academia), to: text)
        }
        #expect(throws: FormatError.duplicateMemberEmail("CHEN@Example.org")) {
            try MembersEditor.adding(Member(id: "chen2", name: "X", email: "CHEN@Example.org", sector: .academia), to: text)
        }
        #expect(throws: FormatError.self) {
            try MembersEditor.adding(Member(id: "a/b", name: "X", email: "x@example.org", sector: .academia), to: text)
        }
        #expect(throws: FormatError.self) { try MembersEditor.adding(lin, to: "members: [\n") }
        #expect(FormatError.duplicateMemberID("chen").description == "members.yml already has a member with id 'chen'")
    }
}
