@testable import Localization
import Testing

/// `L("…")` keys, arguments, and how a translation puts them in.
@Suite struct MessageTests {
    @Test func theKeyIsTheEnglishWithNumberedPlaceholders() {
        let name = "政治獻金", count = 3
        let message = L("proposal \(name) has \(count) comments, 100% read")
        #expect(message.key == "proposal %1$@ has %2$@ comments, 100%% read")
        #expect(message.arguments == [.text("政治獻金"), .number(3)])
        #expect(message.description == "proposal 政治獻金 has 3 comments, 100% read")
    }

    @Test func argumentsGoWhereEachLanguagePutsThem() {
        // Word order: the Chinese text names its arguments in another order.
        let result = Message.substitute("先%2$@再%1$@，100%%") { ["A", "B"][$0] }
        #expect(result == "先B再A，100%")
    }

    @Test func aBrokenFormatNeverTraps() {
        // A translation naming an argument that does not exist, a lone %, %d: left as written.
        #expect(Message.substitute("%3$@ %1$@ % %d %", argument: { $0 == 0 ? "x" : nil }) == "%3$@ x % %d %")
        #expect(Message.substitute("%99999999999999999999$@", argument: { _ in "x" }) == "%99999999999999999999$@")
        #expect(Message.substitute("%0000001$@ %0$@ 50%", argument: { $0 == 0 ? "x" : nil }) == "x %0$@ 50%")
        #expect(Message.substitute("%1$", argument: { _ in "x" }) == "%1$")
    }

    @Test func aPercentInALiteralStandsForItself() {
        #expect(L("100% 同意").key == "100%% 同意")
        #expect(L("100% 同意").localized == "100% 同意")
        #expect(Message.escapingPercent("無") == "無")
    }

    @Test func nestedMessagesAreTranslatedWithTheirSentence() {
        let kind = L("proposal")
        let message = L("no \(kind) named '\("x")'")
        #expect(message.key == "no %1$@ named '%2$@'")
        #expect(message.description == "no proposal named 'x'")
        #expect(message.resolved(in: .traditionalChinese) == "找不到名為「x」的提案")
    }

    @Test func verbatimTextIsShownAsItIs() {
        #expect(Message(verbatim: "%1$@ 100%").resolved(in: .traditionalChinese) == "%1$@ 100%")
    }
}
