import Localization
import Mustache

/// The site's Mustache templates (Resources/templates/, embedded at build time) and its assets. One
/// library, parsed once, shared by every page; the web server (`nap serve`) will render the same
/// templates.
public struct PageTemplates: Sendable {
    let library: MustacheLibrary

    /// The embedded templates, parsed. Throws when one does not parse (a test proves they all do).
    public init() throws {
        var templates: [String: MustacheTemplate] = [:]
        _ = TemplateEscaping.registered
        for (path, text) in EmbeddedWebResources.files where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            do {
                templates[name] = try MustacheTemplate(string: TemplateEscaping.declaration + text)
            } catch {
                throw SiteError.template(name: name, problem: String(describing: error))
            }
        }
        library = MustacheLibrary(templates: templates)
    }

    /// The names of the templates, sorted.
    public var names: [String] {
        EmbeddedWebResources.files.keys.filter { $0.hasPrefix("templates/") }.map {
            String($0.dropFirst("templates/".count).dropLast(".mustache".count))
        }.sorted()
    }

    /// `object` rendered with the template `name`; every `{{value}}` is HTML-escaped (`TemplateEscaping`).
    func render(_ object: Any, with name: String) throws -> String {
        guard let text = library.render(TemplateData.box(object), withTemplate: name) else { throw SiteError.template(name: name, problem: "no such template") }
        return text
    }

    /// An asset's text (`site.css`).
    static func asset(_ name: String) -> String? {
        EmbeddedWebResources.files["assets/" + name]
    }

    /// The text of an embedded resource by its path under Resources/ (for tests and tools).
    public static func resource(_ path: String) -> String? {
        EmbeddedWebResources.files[path]
    }

    /// Every embedded resource path, sorted.
    public static var resourcePaths: [String] { EmbeddedWebResources.files.keys.sorted() }
}

/// Why the site could not be built.
public enum SiteError: Error, CustomStringConvertible, Sendable {
    /// A template that does not parse or is missing: a bug in nap, caught by its tests.
    case template(name: String, problem: String)
    /// The output folder cannot be used.
    case output(path: String, problem: Message)

    /// What went wrong, for people. A template's problem is in English: it is a bug in nap, for its developers.
    public var message: Message {
        switch self {
        case .template(let name, let problem): L("the site's template \(name) cannot be used: \(problem)")
        case .output(let path, let problem): L("cannot write the site to \(path): \(problem)")
        }
    }

    public var description: String { message.description }
}
