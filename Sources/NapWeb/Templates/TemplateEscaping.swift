import Mustache
import PlanKit

/// How every `{{value}}` of nap's templates is escaped: swift-mustache's HTML escaping (`& < > " '`), done
/// Unicode scalar by scalar instead of `Character` by `Character`. The engine's own escaping compares
/// whole characters, so a `"` that a combining mark follows (`"\u{301}`) passed through unescaped and
/// could close an attribute. Every template is parsed with the pragma `declaration` in front, which makes
/// this the content type of the template and of everything it renders.
struct TemplateEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        SafeProse.escapeForTemplate(text)
    }

    /// The content type's name in the pragma.
    static let name = "NAPHTML"

    /// The pragma put before every template, on a line of its own (which the engine then leaves out).
    static let declaration = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers the content type with the engine (once per process).
    static let registered: Bool = {
        MustacheContentTypes.register(TemplateEscaping(), named: name)
        return true
    }()
}
