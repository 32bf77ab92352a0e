import PlanKit
import Testing

@Suite struct BasicsTests {
    @Test func datesAreMonthsOrDaysOfTheCalendar() throws {
        #expect(PlanDate("2021-01")?.description == "2021-01")
        #expect(PlanDate("2024-02-29")?.day == 29)
        for text in ["2021-13", "2021-00", "2021-13-45", "2023-02-29", "2021-04-31", "21-01", "2021-1", "2021/01", "2021-01-01T00:00", " 2021-01", ""] {
            #expect(PlanDate(text) == nil, "\(text)")
        }
        let error = #expect(throws: FormatError.self) { try PlanDate(parsing: "2021-13-45") }
        #expect(error?.description == "'2021-13-45' is not a date: there is no month 13")
        let may = try #require(PlanDate("2024-05"))
        let period = Period(start: try #require(PlanDate("2021-01")), end: may)
        #expect(period.contains(try #require(PlanDate("2024-05-31"))))
        #expect(!period.contains(try #require(PlanDate("2024-06-01"))))
        #expect(period.contains(may))
        #expect(!Period(start: may, end: try #require(PlanDate("2024-04-30"))).isOrdered)
        #expect(Period(start: may, end: try #require(PlanDate("2024-05-01"))).isOrdered)
        #expect(try #require(PlanDate("2024-05-01")) < may)
    }

    @Test func languageCodes() {
        for code in ["zh-Hant", "en", "en-GB", "zh-Hant-TW", "ami", "zh-TW", "es-419"] { #expect(LanguageCode.isValid(code), "\(code)") }
        #expect(LanguageCode.problem(in: "zh-hant")?.description == "write it as 'zh-Hant'")
        #expect(LanguageCode.problem(in: "xx")?.description == "'xx' is not an ISO 639-1 language")
        #expect(LanguageCode.problem(in: "english") != nil)
        #expect(LanguageCode.problem(in: "zh_Hant") != nil)
        #expect(LanguageCode.problem(in: "") != nil)
    }

    @Test func emailAddresses() {
        #expect(EmailAddress.isWellFormed("a.b+c@example.gov.tw"))
        for address in ["", "a", "a@b", "@example.org", "a@@example.org", "a b@example.org", "<a@example.org>", "a@-x.org", "a@example..org"] {
            #expect(!EmailAddress.isWellFormed(address), "\(address)")
        }
    }

    @Test func planFileChecks() throws {
        let text = """
            format: 2
            title:
              zh-Hant: 計畫
              en: ""
              fr: Plan
            country: Taiwan
            period:
              start: 2025-01
              end: 2024-12
            languages:
              - zh-Hant
              - en
              - zh-hant
              - en
            introduction:
              zh-Hant: 前言
            policy:
              approvals: []
              require-responses: maybe

            """
        let parsed = Plan.parse(Array(text.utf8))
        #expect(parsed.diagnostics.map(\.description) == [
            "plan.yml:1:9: error: format '2' is not one this nap reads (it reads format 1)",
            "plan.yml:13:5: error: language 'zh-hant': write it as 'zh-Hant'",
            "plan.yml:14:5: error: language 'en' is listed twice",
            "plan.yml:4:3: error: the plan's title has no en text",
            "plan.yml:5:3: warning: the plan's title has text in 'fr', which is not one of the plan's languages (zh-Hant, en)",
            "plan.yml:9:8: error: the plan's period ends (2024-12) before it starts (2025-01)",
            "plan.yml:15:1: warning: the introduction has no en text",
            "plan.yml:18:3: error: policy.approvals is empty; a merge needs at least one approver (the default is both co-chairs)",
            "plan.yml:19:22: error: policy.require-responses must be true or false, not 'maybe'",
        ])
        let plan = try #require(parsed.value)
        #expect(plan.languages == ["zh-Hant", "en"])
        #expect(plan.primaryLanguage == "zh-Hant")
        #expect(plan.policy == Policy())
    }

    @Test func policyValuesAreRead() throws {
        let text = FormatFixture.planYML + """
            policy:
              approvals:
                - civil-society-co-chair
              require-signatures: true
              request-changes-blocks: false

            """
        let plan = try #require(Plan.parse(Array(text.utf8)).value)
        #expect(plan.policy == Policy(approvals: [.civilSocietyCoChair], requireResponses: true, requestChangesBlocks: false, requireSignatures: true))
    }
}
