import Foundation
import PlanKit
import Testing

/// A commitment with every field of the OGP template filled in, in zh-Hant and en, and the plan around it.
enum FullPlan {
    static let sections: [(SectionKey, String, String)] = [
        (.summary, "讓大額政治獻金在選舉期間即時公開。", "Publish large political donations during the campaign."),
        (.problem, "民眾可能近九個月才看到政治獻金資料。", "Voters may wait nine months to see the donations."),
        (.causes, "申報與公開的法定期限過長。", "The legal deadlines for reporting are long."),
        (.background, "監察院已建置公開查閱平台。", "The Control Yuan runs a platform to consult reports."),
        (.solution, "修法要求大額政治獻金於 20 日內申報。", "Amend the law so large donations are reported within 20 days."),
        (.results, "大額收支於選舉期間即可公開。", "Large donations become public during the campaign."),
        (.analysis, "透明：公開政治獻金資料；課責：選民得以監督。", "Transparency of political finance, accountability to voters."),
        (.additional, "與永續發展目標 16 相關。", "Related to Sustainable Development Goal 16."),
    ]

    static let commitment: String = {
        var text = """
            ---
            id: political-donations
            title:
              zh-Hant: 政治獻金再透明化
              en: More transparent political donations
            period:
              start: 2025-01
              end: 2028-12
            lead:
              - zh-Hant: 內政部
                en: Ministry of the Interior
            supporting:
              government:
                - zh-Hant: 監察院
                  en: Control Yuan
              civil-society:
                - zh-Hant: g0v 開放政治獻金
                  en: g0v Open Political Donations
              others:
                - zh-Hant: 台灣透明組織
                  en: Transparency International Taiwan
            values:
              - transparency
              - accountability
            status: substantial
            milestones:
              - activity:
                  zh-Hant: 研議大額政治獻金即時申報之修法
                  en: Draft amendments for prompt reporting
                output:
                  zh-Hant: 政治獻金法修正草案
                  en: A draft amendment of the Political Donations Act
                start: 2025-01
                end: 2026-06
              - activity:
                  zh-Hant: 申報平台改版
                  en: Rebuild the reporting platform
                output:
                  zh-Hant: 上線之平台新功能
                  en: The new platform feature, online
                start: 2026-01
                end: 2027-12
                responsible:
                  zh-Hant: 監察院資訊室
                  en: Control Yuan IT Office
            contact:
              name: 王小明
              title: 內政部民政司科長
              email: contact@moi.gov.example
              phone: 02-1234-5678
            sdgs:
              - 16
            budget:
              zh-Hant: 新臺幣三千萬元
              en: NT$30 million
            ---

            # 繁體中文 {lang=zh-Hant}

            """
        for (key, chinese, _) in sections { text += "\n## \(key.heading(in: "zh-Hant")) {#\(key.rawValue)}\n\n\(chinese)\n" }
        text += "\n# English {lang=en}\n"
        for (key, chinese, english) in sections {
            text += "\n## \(key.heading(in: "en")) {#\(key.rawValue) source=\(TranslationSource.hash(of: chinese))}\n\n\(english)\n"
        }
        return text
    }()

    static let planYML = FormatFixture.planYML + """
        introduction:
          zh-Hant: 本行動方案由政府與公民社會共同制定。
          en: Government and civil society co-created this plan.

        """

    static func document(commitment: String = FullPlan.commitment, errorsAllowed: Bool = false) throws -> PlanDocument {
        let contents = PlanValidator().load(source: MemoryFileSource(texts: [
            "plan.yml": planYML, "members.yml": FormatFixture.membersYML, "GOVERNANCE.md": FormatFixture.governance,
            "commitments/political-donations.md": commitment,
        ]))
        if !errorsAllowed { #expect(contents.errors.isEmpty, "\(contents.errors.listing)") }
        let plan = try #require(contents.plan)
        return PlanDocument(plan: plan, commitments: contents.commitments, revision: "v1")
    }

    /// Every text of the commitment a reader must find, per language.
    static let texts: [String: [String]] = [
        "zh-Hant": sections.map(\.1) + ["政治獻金再透明化", "內政部", "監察院", "g0v 開放政治獻金", "台灣透明組織", "透明", "課責", "大部分完成",
                                        "研議大額政治獻金即時申報之修法", "政治獻金法修正草案", "申報平台改版", "上線之平台新功能", "監察院資訊室",
                                        "新臺幣三千萬元", "SDG 16：和平、正義及健全制度", "2025-01 至 2028-12", "主辦機關", "衡量指標（里程碑）", "聯絡窗口"],
        "en": sections.map(\.2) + ["More transparent political donations", "Ministry of the Interior", "Control Yuan", "g0v Open Political Donations",
                                   "Transparency International Taiwan", "Transparency", "Accountability", "Substantial",
                                   "Draft amendments for prompt reporting", "A draft amendment of the Political Donations Act",
                                   "Rebuild the reporting platform", "The new platform feature, online", "Control Yuan IT Office",
                                   "NT$30 million", "SDG 16: Peace, justice and strong institutions", "2025-01 to 2028-12", "Lead institution(s)", "Milestones"],
    ]
    static let neutral = ["political-donations", "王小明", "內政部民政司科長", "contact@moi.gov.example", "02-1234-5678", "2026-06", "2027-12"]
}

@Suite struct RenderTests {
    @Test(arguments: ["html", "markdown"])
    func everyFieldOfEveryCommitmentInBothLanguages(format: String) throws {
        let document = try FullPlan.document()
        let languages = try document.languages(for: .all)
        #expect(languages == ["zh-Hant", "en"])
        let output = format == "html" ? HTMLRenderer.render(document, languages: languages) : MarkdownRenderer.render(document, languages: languages)
        for text in FullPlan.texts["zh-Hant", default: []] + FullPlan.texts["en", default: []] + FullPlan.neutral {
            #expect(output.contains(text), "\(format) lacks \(text)")
        }
        for heading in SectionKey.allCases.flatMap({ [$0.heading(in: "zh-Hant"), $0.heading(in: "en")] }) {
            #expect(output.contains(heading), "\(format) lacks the heading \(heading)")
        }
        for intro in ["本行動方案由政府與公民社會共同制定。", "Government and civil society co-created this plan.", "第三期開放政府國家行動方案", "Taiwan"] {
            #expect(output.contains(intro))
        }
        // zh-Hant comes first.
        let zh = try #require(output.range(of: "讓大額政治獻金在選舉期間即時公開。"))
        let en = try #require(output.range(of: "Publish large political donations during the campaign."))
        #expect(zh.lowerBound < en.lowerBound)
    }

    @Test(arguments: ["html", "markdown"])
    func oneLanguageShowsOnlyThatLanguage(format: String) throws {
        let document = try FullPlan.document()
        let languages = try document.languages(for: .only("en"))
        let output = format == "html" ? HTMLRenderer.render(document, languages: languages) : MarkdownRenderer.render(document, languages: languages)
        for text in FullPlan.texts["en", default: []] + FullPlan.neutral { #expect(output.contains(text), "\(format) lacks \(text)") }
        for text in FullPlan.sections.map(\.1) { #expect(!output.contains(text), "\(format) shows zh-Hant text \(text)") }
        if format == "html" { #expect(output.contains("<html lang=\"en\">")) }
        #expect(throws: PlanError.self) { try document.languages(for: .only("fr")) }
    }

    @Test func htmlIsSelfContainedAndPrintsOnA4() throws {
        let document = try FullPlan.document()
        let html = HTMLRenderer.render(document, languages: try document.languages(for: .all))
        for needle in ["<!DOCTYPE html>", "<html lang=\"zh-Hant\">", "<meta charset=\"utf-8\">", "name=\"viewport\"", "size: A4", "@page",
                       "break-before: page", "thead { display: table-header-group; }", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei",
                       "<section class=\"language-version\" lang=\"en\">", "data-label=", "<thead>"] {
            #expect(html.contains(needle), "the page lacks \(needle)")
        }
        for external in ["<script", "<link", "src=\"http", "@import", "url("] { #expect(!html.contains(external), "the page has \(external)") }
    }

    @Test func userTextIsEscapedInHTML() throws {
        var text = FullPlan.commitment
        text = text.replacingOccurrences(of: "en: More transparent political donations", with: "en: \"<script>alert(1)</script>\"")
        text = text.replacingOccurrences(of: "name: 王小明", with: "name: \"王<b onmouseover=x>\"")
        text = text.replacingOccurrences(of: "Large donations become public during the campaign.",
                                         with: "<script>alert(2)</script> <img src=x onerror=alert(3)> [click](javascript:alert(4)) [ok](https://example.org/a?b=1&c=2) **bold** <!-- hidden -->")
        let document = try FullPlan.document(commitment: text, errorsAllowed: true)
        let html = HTMLRenderer.render(document, languages: try document.languages(for: .all))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b onmouseover"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("-- hidden"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
        #expect(html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">ok</a>"))
        #expect(html.contains("<strong>bold</strong>"))
        #expect(html.contains("click"))
        let markdown = MarkdownRenderer.render(document, languages: ["en"])
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
    }

    @Test func proseBecomesSafeHTML() throws {
        let prose = """
            第一行中文
            接續的中文。

            1. 第一點 with `code`
            2. 第二點，見 https://data.gov.tw/ 。

            - *emphasis* and __strong__
            - snake_case_name stays

            > 引述

            ### 小標題
            """
        let text = FullPlan.commitment.replacingOccurrences(of: "監察院已建置公開查閱平台。", with: prose)
        let document = try FullPlan.document(commitment: text, errorsAllowed: true)
        let html = HTMLRenderer.render(document, languages: ["zh-Hant"])
        #expect(html.contains("<p>第一行中文接續的中文。</p>"))
        #expect(html.contains("<ol><li>第一點 with <code>code</code></li><li>第二點，見 <a href=\"https://data.gov.tw/\">https://data.gov.tw/</a> 。</li></ol>"))
        #expect(html.contains("<ul><li><em>emphasis</em> and <strong>strong</strong></li><li>snake_case_name stays</li></ul>"))
        #expect(html.contains("<blockquote><p>引述</p></blockquote>"))
        #expect(html.contains("<h4>小標題</h4>"))
    }

    @Test func pathologicalProseRendersQuickly() throws {
        let nasty = String(repeating: "*a _b [c `d ", count: 20_000) + "\n\n" + String(repeating: ">", count: 5_000) + " x"
        let text = FullPlan.commitment.replacingOccurrences(of: "監察院已建置公開查閱平台。", with: nasty)
        let document = try FullPlan.document(commitment: text, errorsAllowed: true)
        let start = Date()
        let html = HTMLRenderer.render(document, languages: ["zh-Hant"])
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(html.contains("_b [c"))
    }

    @Test func aMissingTranslationIsShownFromThePrimaryLanguageAndMarked() throws {
        let text = FullPlan.commitment.replacingOccurrences(of: "The legal deadlines for reporting are long.", with: "<!-- to translate -->")
        let document = try FullPlan.document(commitment: text, errorsAllowed: true)
        let html = HTMLRenderer.render(document, languages: ["en"])
        #expect(html.contains("(not translated)"))
        #expect(html.contains("lang=\"zh-Hant\"><p>申報與公開的法定期限過長。</p>"))
        let markdown = MarkdownRenderer.render(document, languages: ["en"])
        #expect(markdown.contains("*(not translated)*\n\n申報與公開的法定期限過長。"))
    }

    @Test func markdownTablesEscapeTheirCells() throws {
        let text = FullPlan.commitment.replacingOccurrences(of: "en: Control Yuan IT Office", with: "en: \"IT | Office *now*\"")
        let document = try FullPlan.document(commitment: text)
        let markdown = MarkdownRenderer.render(document, languages: ["en"])
        #expect(markdown.contains("IT \\| Office \\*now\\*"))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| 2 |") }
        #expect(rows.count == 1)
        #expect(rows.first?.components(separatedBy: " | ").count == 6)
    }
}
