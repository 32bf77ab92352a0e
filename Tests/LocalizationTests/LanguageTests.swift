import Localization
import Testing

/// Which language nap speaks, from the environment's POSIX locale variables and nap's own override.
@Suite struct LanguageTests {
    @Test(arguments: [
        ("zh_TW.UTF-8", Language.traditionalChinese), ("zh_HK.Big5@stroke", .traditionalChinese), ("zh-Hant", .traditionalChinese),
        ("zh-Hant-TW", .traditionalChinese), ("zh-TW", .traditionalChinese), ("zh", .traditionalChinese),
        ("en_GB.UTF-8", .english), ("en", .english), ("C", .english), ("POSIX", .english), ("C.UTF-8", .english),
    ])
    func localeNamesChooseTheLanguage(name: String, language: Language) {
        #expect(Language.matching(name) == language)
    }

    @Test(arguments: ["zh_CN.UTF-8", "zh-Hans", "zh_SG", "fr_FR.UTF-8", "", "  ", "-", "@", "..."])
    func languagesNapDoesNotSpeakAreNotMatched(name: String) {
        #expect(Language.matching(name) == nil)
    }

    @Test func thePOSIXOrderDecidesAndNapLangOverrides() {
        #expect(Language.fromEnvironment([:]) == .english)
        #expect(Language.fromEnvironment(["LANG": "zh_TW.UTF-8"]) == .traditionalChinese)
        // LC_ALL wins over LC_MESSAGES wins over LANG.
        #expect(Language.fromEnvironment(["LANG": "zh_TW.UTF-8", "LC_ALL": "en_US.UTF-8"]) == .english)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"]) == .traditionalChinese)
        #expect(Language.fromEnvironment(["LC_MESSAGES": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"]) == .traditionalChinese)
        // An empty variable is as if unset.
        #expect(Language.fromEnvironment(["LC_ALL": "", "LANG": "zh_TW.UTF-8"]) == .traditionalChinese)
        // GNU's LANGUAGE list is read unless the locale is C.
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LANGUAGE": "fr:zh_TW:en"]) == .traditionalChinese)
        #expect(Language.fromEnvironment(["LANG": "C", "LANGUAGE": "zh_TW"]) == .english)
        // NAP_LANG overrides everything; what nap does not speak falls back to English.
        #expect(Language.fromEnvironment(["LANG": "zh_TW.UTF-8", "NAP_LANG": "en"]) == .english)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8", "NAP_LANG": "zh-Hant"]) == .traditionalChinese)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .english)
    }
}
