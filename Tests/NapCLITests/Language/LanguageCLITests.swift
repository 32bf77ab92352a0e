import Foundation
import NapTestSupport
import Testing

/// nap on the command line in Traditional Chinese (`--lang`, `NAP_LANG`, the POSIX locale), through the real
/// binary: errors, hints, confirmations, tables and help change language; `--json` and exit codes do not.
@Suite struct LanguageCLITests {
    /// Runs nap in the plan (or not) with the sandbox's environment plus `environment`.
    private func nap(_ h: NapHarness, _ arguments: [String], environment: [String: String], plan: Bool = true) throws -> ProcessResult {
        let args = (plan ? ["-C", h.plan] : []) + arguments
        return try run(NapHarness.binary, args, in: h.sandbox.root.path, input: nil,
                       environment: h.sandbox.environment(name: Person.founder.name, email: Person.founder.email, extra: environment))
    }

    private static let chinese = ["NAP_LANG": "zh-Hant"]
    private static let taiwan = ["LANG": "zh_TW.UTF-8"]

    @Test func errorsAndHintsInChinese() throws {
        let h = try NapHarness("lang-errors")
        // Not a plan: PlanError with a hint.
        let notPlan = try nap(h, ["proposals"], environment: Self.chinese, plan: false)
        #expect(notPlan.status == 1)
        #expect(notPlan.stderr.hasPrefix("nap：錯誤："), "\(notPlan.stderr)")
        #expect(notPlan.stderr.contains("\n提示："), "\(notPlan.stderr)")
        // An error NapCLI throws, all in Chinese, with the same exit code as in English.
        let period = try nap(h, ["init", h.plan, "--title-zh", "方案", "--title-en", "Plan", "--period", "2025"], environment: Self.taiwan, plan: false)
        let english = try nap(h, ["init", h.plan, "--title-zh", "方案", "--title-en", "Plan", "--period", "2025"], environment: [:], plan: false)
        #expect(period.stderr == "nap：錯誤：--period 的格式為 START..END，例如 2025-01..2028-12\n")
        #expect(english.stderr == "nap: error: --period is START..END, e.g. 2025-01..2028-12\n")
        #expect(period.status == english.status)
        // A usage error from ArgumentParser: its words too, same exit code (64).
        let usage = try nap(h, ["comment"], environment: Self.chinese, plan: false)
        let usageEnglish = try nap(h, ["comment"], environment: [:], plan: false)
        #expect(usage.status == usageEnglish.status && usage.status == 64)
        #expect(usage.stderr.contains("錯誤：缺少必要的引數「<proposal>」"), "\(usage.stderr)")
        #expect(usage.stderr.contains("\n用法：nap comment "), "\(usage.stderr)")
        #expect(usage.stderr.contains("更多資訊請執行 `nap comment --help`。"))
        #expect(!usage.stderr.contains("Error:") && !usage.stderr.contains("Missing expected argument"))
        #expect(usageEnglish.stderr.contains("Error: Missing expected argument '<proposal>'"))
    }

    @Test func confirmationsListingsAndShowInChinese() throws {
        let h = try NapHarness.founded("lang-show")
        let propose = try nap(h, ["propose", "political-donations", "--title", "政治獻金再透明化"], environment: Self.chinese)
        #expect(propose.status == 0)
        #expect(propose.stdout.contains("已在分支 proposal/political-donations 提出提案 political-donations"), "\(propose.stdout)")
        let comment = try nap(h, ["comment", "political-donations", "-m", "請補充時程"], environment: Self.chinese)
        #expect(comment.status == 0)

        let list = try nap(h, ["proposals"], environment: Self.taiwan)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("編號") == true, "\(list.stdout)")
        #expect(lines.count == 2)
        // Columns line up by display width: 名稱 (4 columns wide) starts where the slug does.
        if lines.count == 2, let header = lines.first, let row = lines.last,
           let name = header.range(of: "名稱"), let slug = row.range(of: "political-donations"),
           let state = header.range(of: "狀態"), let open = row.range(of: "進行中") {
            #expect(Self.width(header[..<name.lowerBound]) == Self.width(row[..<slug.lowerBound]))
            #expect(Self.width(header[..<state.lowerBound]) == Self.width(row[..<open.lowerBound]))
        } else {
            Issue.record("table: \(list.stdout)")
        }

        let show = try nap(h, ["show", "political-donations"], environment: Self.chinese)
        #expect(show.stdout.contains("提案 political-donations"))
        #expect(show.stdout.contains("討論（1 則意見）"), "\(show.stdout)")
        #expect(show.stdout.contains("尚待完成的事項"))
        #expect(!show.stdout.contains("Discussion"))
    }

    @Test func jsonDoesNotChangeWithTheLanguage() throws {
        let h = try NapHarness.founded("lang-json")
        try h.ok(["propose", "open-data", "--title", "開放資料"])
        try h.ok(["comment", "open-data", "-m", "同意"])
        for arguments in [["proposals", "--json", "--state", "all"], ["show", "open-data", "--json"], ["member", "list", "--json"], ["validate", "--json"]] {
            let english = try nap(h, arguments, environment: ["NAP_LANG": "en"])
            let chinese = try nap(h, arguments, environment: Self.chinese)
            let locale = try nap(h, ["--lang", "zh-Hant"] + arguments, environment: Self.taiwan)
            #expect(english.status == 0 && chinese.status == english.status && locale.status == english.status)
            #expect(!english.stdout.isEmpty)
            #expect(chinese.stdout == english.stdout, "nap \(arguments.joined(separator: " "))")
            #expect(locale.stdout == english.stdout, "nap \(arguments.joined(separator: " "))")
        }
    }

    @Test func helpInBothLanguages() throws {
        let h = try NapHarness("lang-help")
        let top = try nap(h, ["--help"], environment: Self.taiwan, plan: false)
        #expect(top.status == 0)
        #expect(top.stdout.contains("概要：在 git 儲存庫中共同草擬開放政府國家行動方案。"), "\(top.stdout)")
        #expect(top.stdout.contains("用法："))
        #expect(top.stdout.contains("子命令："))
        #expect(top.stdout.contains("詳細說明請執行 `nap help <subcommand>`。"))
        #expect(!top.stdout.contains("USAGE:") && !top.stdout.contains("SUBCOMMANDS:"))
        let topEnglish = try nap(h, ["--help"], environment: [:], plan: false)
        #expect(topEnglish.stdout.contains("OVERVIEW: Co-draft an Open Government national action plan in a git repository."))
        #expect(topEnglish.stdout.contains("SUBCOMMANDS:"))

        for arguments in [["help", "comment"], ["comment", "--help"]] {
            let help = try nap(h, arguments, environment: Self.chinese, plan: false)
            #expect(help.status == 0)
            #expect(help.stdout.contains("對提案、承諾事項的特定行或其他意見提出意見。"), "\(help.stdout)")
            #expect(help.stdout.contains("回覆一則意見（其編號或編號開頭）。"))
            #expect(help.stdout.contains("選項："))
            #expect(help.stdout.contains("顯示說明。"))
            #expect(help.stdout.contains("--reply-to <comment>"), "option names stay English")
        }
        // `--lang en` overrides the locale.
        let english = try nap(h, ["--lang", "en", "help", "comment"], environment: Self.taiwan, plan: false)
        #expect(english.stdout.contains("OVERVIEW: Comment on a proposal, on lines of a commitment"), "\(english.stdout)")
        #expect(english.stdout.contains("OPTIONS:"))
        #expect(!english.stdout.contains("選項："))
    }

    @Test func chineseHelpIsWrappedByDisplayWidth() throws {
        let h = try NapHarness("lang-wrap")
        for command in ["site", "import", "member"] {
            let help = try nap(h, ["help", command], environment: Self.chinese.merging(["COLUMNS": "80"]) { $1 }, plan: false)
            #expect(help.status == 0)
            let lines = help.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count > 5)
            for line in lines {
                #expect(Self.width(line[...]) <= 80, "wider than 80 columns in `nap help \(command)`: \(line)")
                #expect(!line.trimmingCharacters(in: .whitespaces).hasPrefix("，") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("。"))
            }
        }
        // An option's description continues under its column.
        let member = try nap(h, ["help", "member", "add"], environment: Self.chinese, plan: false)
        #expect(member.stdout.contains("\n" + String(repeating: " ", count: 26)), "\(member.stdout)")
    }

    /// The help dump that man pages are made from stays JSON in Chinese: its texts are translated, never wrapped.
    @Test func theHelpDumpIsJSONInEachLanguage() throws {
        let h = try NapHarness("lang-dump")
        for environment in [Self.chinese, ["NAP_LANG": "en"]] {
            let dump = try nap(h, ["--experimental-dump-help"], environment: environment, plan: false)
            #expect(dump.status == 0)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
            let command = try #require(json["command"] as? [String: Any])
            let abstract = try #require(command["abstract"] as? String)
            #expect(abstract.unicodeScalars.contains { $0.properties.isIdeographic } == (environment == Self.chinese), "\(abstract)")
        }
    }

    @Test func choosingTheLanguage() throws {
        let h = try NapHarness("lang-choose")
        // --lang en beats NAP_LANG and LANG; --lang=zh-Hant beats LANG=C; NAP_LANG beats LANG.
        let plain = try nap(h, ["--lang", "en", "proposals"], environment: Self.taiwan.merging(Self.chinese) { $1 }, plan: false)
        #expect(plain.stderr.hasPrefix("nap: error: "), "\(plain.stderr)")
        let equals = try nap(h, ["proposals", "--lang=zh-Hant"], environment: ["LANG": "C.UTF-8"], plan: false)
        #expect(equals.stderr.hasPrefix("nap：錯誤："), "\(equals.stderr)")
        let override = try nap(h, ["proposals"], environment: ["LANG": "zh_TW.UTF-8", "NAP_LANG": "en"], plan: false)
        #expect(override.stderr.hasPrefix("nap: error: "))
        let lcAll = try nap(h, ["proposals"], environment: ["LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"], plan: false)
        #expect(lcAll.stderr.hasPrefix("nap：錯誤："))
        // Simplified Chinese is not spoken: English, not Traditional Chinese.
        let mainland = try nap(h, ["proposals"], environment: ["LANG": "zh_CN.UTF-8"], plan: false)
        #expect(mainland.stderr.hasPrefix("nap: error: "))
        // An unknown --lang is a clear error, in the language of the environment, exit 1.
        let unknown = try nap(h, ["--lang", "fr", "proposals"], environment: [:], plan: false)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "nap: error: nap does not speak 'fr': use --lang en or --lang zh-Hant\n")
        let unknownChinese = try nap(h, ["--lang", "xx"], environment: Self.taiwan, plan: false)
        #expect(unknownChinese.status == 1)
        #expect(unknownChinese.stderr == "nap：錯誤：nap 不支援「xx」：請使用 --lang en 或 --lang zh-Hant\n")
        let missing = try nap(h, ["proposals", "--lang"], environment: [:], plan: false)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("--lang needs a language: en or zh-Hant"))
    }

    @Test func commandsWithTheirOwnLangKeepIt() throws {
        let h = try NapHarness.founded("lang-render")
        // After `render`, --lang names the plan's language to render, not nap's.
        let english = try nap(h, ["render", "--lang", "en"], environment: Self.chinese)
        #expect(english.status == 0, "\(english.stderr)")
        #expect(!english.stdout.contains("臺灣開放政府國家行動方案"), "only the English text")
        #expect(english.stdout.contains("Taiwan Open Government National Action Plan"))
        let french = try nap(h, ["render", "--lang", "fr"], environment: Self.chinese)
        #expect(french.status == 1)
        #expect(french.stderr.hasPrefix("nap：錯誤："), "nap still speaks Chinese: \(french.stderr)")
        // Before the command's name, --lang is nap's.
        let both = try nap(h, ["--lang", "en", "render", "--lang", "fr"], environment: Self.chinese)
        #expect(both.status == 1)
        #expect(both.stderr.hasPrefix("nap: error: "), "\(both.stderr)")
    }

    /// Terminal columns of `text`: CJK ideographs and full-width forms take two.
    private static func width(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return total + (wide ? 2 : 1)
        }
    }
}
