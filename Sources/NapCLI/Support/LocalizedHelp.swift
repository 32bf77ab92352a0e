import ArgumentParser
import Localization

extension ArgumentHelp {
    /// Help for an option, flag or argument in the language nap speaks (`Language.current`, chosen before
    /// the arguments are parsed: ArgumentParser builds the help when it parses).
    init(_ abstract: Message, discussion: Message? = nil, valueName: String? = nil, visibility: ArgumentVisibility = .default) {
        self.init(abstract.localized, discussion: discussion?.localized, valueName: valueName, visibility: visibility)
    }
}
