@testable import NapWeb
import Testing

@Suite struct SupportTests {
    @Test func relativeLinksBetweenSitePaths() {
        #expect(SitePaths.relative(from: "en/proposals/a.html", to: "en/proposals/b.html") == "b.html")
        #expect(SitePaths.relative(from: "en/proposals/a.html", to: "en/index.html") == "../index.html")
        #expect(SitePaths.relative(from: "en/proposals/a.html", to: "assets/site.css") == "../../assets/site.css")
        #expect(SitePaths.relative(from: "en/index.html", to: "zh-Hant/index.html") == "../zh-Hant/index.html")
        #expect(SitePaths.relative(from: "index.html", to: "en/index.html") == "en/index.html")
        #expect(SitePaths.relative(from: "en/feed.atom", to: "en/proposals/x.html") == "proposals/x.html")
    }

    @Test func namesFromOutsideBecomeSafeFileNames() {
        #expect(SitePaths.safeName("v1") == "v1")
        #expect(SitePaths.safeName("release/2025 春") == "release-2025--")
        #expect(SitePaths.safeName("../x") == "v-..-x")
        #expect(SitePaths.safeName("") == "v-")
    }

    @Test func participantsAddressesAreHiddenAndPublishedOnesKept() {
        let privacy = Privacy(participants: ["Wang@g0v.example", "chair@ndc.gov.example", "contact@moi.gov.example"],
                              published: ["contact@moi.gov.example"])
        #expect(privacy.scrub("write to wang@G0V.example.") == "write to [email hidden].")
        #expect(privacy.scrub("<p>chair@ndc.gov.example, contact@moi.gov.example</p>") == "<p>[email hidden], contact@moi.gov.example</p>")
        #expect(privacy.scrub("xwang@g0v.example") == "xwang@g0v.example")
        #expect(privacy.scrub("no address @ all") == "no address @ all")
        #expect(Privacy.withoutAddresses("Lin <lin@ndc.gov.tw> (government co-chair) and <b>") == "Lin (government co-chair) and <b>")
    }

    @Test func trustedHTMLEscapesTextAndKeepsOnlySafeMarkdown() {
        #expect(TrustedHTML.text("<script>&'\"").html == "&lt;script&gt;&amp;&#39;&quot;")
        let prose = TrustedHTML.prose("**bold** <img src=x onerror=y> [a](javascript:alert(1)) [b](https://example.org)").html
        #expect(prose.contains("<strong>bold</strong>"))
        #expect(prose.contains("&lt;img"))
        #expect(!prose.contains("href=\"javascript"))
        #expect(prose.contains("<a href=\"https://example.org\""))
    }

    @Test func textLanguageIsGuessedFromTheScript() {
        #expect(TextLanguage.guess("期程太長", languages: ["zh-Hant", "en"]) == "zh-Hant")
        #expect(TextLanguage.guess("Too long", languages: ["zh-Hant", "en"]) == "en")
    }

    @Test func wordsAreInBothLanguages() {
        #expect(Words(language: "zh-Hant")["proposals"] == "提案")
        #expect(Words(language: "en")["proposals"] == "Proposals")
        #expect(Words(language: "en").format("changesSince", "v1") == "Changes since v1")
        for (name, entry) in WordTable.entries where name != "lineContext" {
            #expect(!entry.zh.isEmpty && !entry.en.isEmpty, "\(name)")
        }
    }
}
