import PlanKit
import Testing

@Suite struct MembersTests {
    func parse(_ text: String) -> Parsed<Members> { Members.parse(Array(text.utf8)) }

    @Test func readsMembersWithDefaultsAndLookups() throws {
        let parsed = parse(FormatFixture.membersYML + """
              - id: reviewer-1
                name: Reviewer
                email: Reviewer@Example.ORG
                sector: academia

            """)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.listing)")
        let members = try #require(parsed.value)
        #expect(members.all.count == 3)
        #expect(members.member(id: "reviewer-1")?.role == .member)
        #expect(members.member(email: "reviewer@example.org")?.id == "reviewer-1")
        #expect(members.member(email: "GOV.CHAIR@example.org")?.id == "gov-chair")
        #expect(members.governmentCoChair?.id == "gov-chair")
        #expect(members.civilSocietyCoChair?.organization == "公民團體")
        #expect(members.member(id: "nobody") == nil)
    }

    @Test func aHostNeedsItsKeyAndIsNeverACoChair() throws {
        let keyless = parse(FormatFixture.membersYML + """
              - id: web
                name: 參與平台
                email: web@host.example
                sector: government
                role: host

            """)
        #expect(keyless.diagnostics.map(\.message) == ["member 'web' is a host (a server that writes on behalf of members and the public) and needs its 'key:': every event it writes is signed with it"])
        let valid = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO4ZUHOJk+yktb5hkuGzvWs0LiKu8FwRVqYWwTIxIhm5 web-host"
        let hosted = parse(FormatFixture.membersYML + """
              - id: web
                name: 參與平台
                email: web@host.example
                sector: government
                role: host
                key: \(valid)

            """)
        #expect(hosted.diagnostics.isEmpty, "\(hosted.diagnostics.listing)")
        let members = try #require(hosted.value)
        #expect(members.member(id: "web")?.role == .host)
        #expect(members.governmentCoChair?.id == "gov-chair", "a host is not a co-chair")
    }

    @Test func twoGovernmentCoChairsAreAnError() {
        let text = FormatFixture.membersYML + """
              - id: second
                name: 第二位
                email: second@example.org
                sector: government
                role: co-chair

            """
        let diagnostics = parse(text).diagnostics
        let line = (FormatFixture.line(of: "second@example.org", in: text) ?? 0) + 2
        #expect(diagnostics.map(\.description) == [
            "members.yml:\(line):11: error: member 'second' is a second government co-chair (the first is 'gov-chair'); the forum has exactly one",
        ])
    }

    @Test func aCoChairFromAnotherSectorIsAnError() {
        let text = FormatFixture.membersYML + """
              - id: prof
                name: 教授
                email: prof@example.org
                sector: academia
                role: co-chair

            """
        let diagnostics = parse(text).diagnostics
        #expect(diagnostics.map(\.message) == [
            "member 'prof' is a co-chair for academia; the forum's co-chairs are one for government and one for civil-society",
        ])
    }

    @Test func duplicateEmailsAreCaughtWhateverTheirCase() {
        let text = FormatFixture.membersYML + """
              - id: other
                name: 另一位
                email: GOV.Chair@Example.org
                sector: legislature

            """
        let diagnostics = parse(text).diagnostics
        let first = FormatFixture.line(of: "gov.chair@example.org", in: text) ?? 0
        let second = FormatFixture.line(of: "GOV.Chair@Example.org", in: text) ?? 0
        #expect(diagnostics.map(\.description) == [
            "members.yml:\(second):12: error: email GOV.Chair@Example.org is used by two members (first on line \(first)); each person has one entry",
        ])
    }

    @Test func duplicateIDsAndBadFieldsAreErrors() {
        let text = """
            members:
              - id: gov-chair
                name: A
                email: a@example.org
                sector: government
                role: co-chair
              - id: gov-chair
                name: B
                email: not-an-email
                sector: ngo
                role: chair
                key: ssh-rsa AAAAB3NzaC1yc2E x
              - id: cs/chair
                email: c@example.org
                sector: civil-society
                role: co-chair

            """
        let messages = parse(text).diagnostics.map(\.message)
        #expect(messages == [
            "member id 'gov-chair' is used twice (first on line 2)",
            "member 2: email 'not-an-email' is not well formed: an email address has exactly one @",
            "member 2: 'ngo' is not a sector (use one of government, legislature, civil-society, private-sector, academia)",
            "member 2: 'chair' is not a role (use one of co-chair, member, reviewer, observer, host)",
            "member 2: key: only ssh-ed25519 keys are supported, not ssh-rsa",
            "member 3: id 'cs/chair': an id cannot contain '/'",
            "member 3: name is missing (add a 'name:' line)",
            "the forum has no civil-society co-chair (a member with 'sector: civil-society' and 'role: co-chair')",
        ])
    }

    @Test func anEmptyListNeedsBothCoChairs() {
        let diagnostics = parse("# the forum\nmembers: []\n").diagnostics
        #expect(diagnostics.map(\.description) == [
            "members.yml:2:1: error: the forum has no government co-chair (a member with 'sector: government' and 'role: co-chair')",
            "members.yml:2:1: error: the forum has no civil-society co-chair (a member with 'sector: civil-society' and 'role: co-chair')",
        ])
    }
}
