import Foundation
import Hummingbird
import NapWeb

/// Turns every failure into a page in the site's frame, in the page's language with the same words in
/// the other languages below it, and no internals (no error text, no path, no stack). What went wrong
/// inside is noted in the server's log without anything about the visitor.
struct ErrorPages: RouterMiddleware {
    typealias Context = ServeContext
    let server: NapServe

    func handle(_ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as Refusal {
            return await server.errorPage(refusal, request: request)
        } catch let error as HTTPError {
            let refusal: Refusal = switch error.status {
            case .notFound, .methodNotAllowed: .notFound
            case .contentTooLarge: .tooLarge(server.options.limits.maximumBodyBytes)
            case .badRequest: .badInput
            default: Refusal(status: error.status, title: "errorTitle", text: "internalText")
            }
            return await server.errorPage(refusal, request: request)
        } catch {
            ServerLog.note("a request failed inside the server (\(type(of: error)))")
            return await server.errorPage(Refusal(status: .internalServerError, title: "errorTitle", text: "internalText"), request: request)
        }
    }
}

extension NapServe {
    /// The page for a refusal, in the request's language first and the others after it.
    func errorPage(_ refusal: Refusal, request: Request) async -> Response {
        let first = request.uri.path.split(separator: "/").first.map(String.init)
        let language = await self.language(of: request, path: first)
        let languages = (try? await site.languages()) ?? ["zh-Hant", "en"]
        func text(_ lang: String) -> [String: Any] {
            ["lang": lang, "heading": SiteWords.word(refusal.title, language: lang),
             "paragraphs": [word(refusal.text, lang, refusal.values)]]
        }
        let others = languages.filter { $0 != language }.map(text)
        var values = text(language)
        values["other"] = others
        values["links"] = [["href": "/" + language + "/index.html", "label": SiteWords.word("home", language: language)]]
        let page = ServedPage(template: "serve-message", path: "error", titleWord: refusal.title, values: values)
        if let bytes = try? await site.render(page, language: language) {
            return Reply.html(bytes, status: refusal.status)
        }
        return Reply.html(Array(Self.plainErrorPage(refusal, languages: languages).utf8), status: refusal.status)
    }

    func word(_ name: String, _ language: String, _ values: [String]) -> String {
        var text = SiteWords.word(name, language: language)
        for value in values {
            guard let range = text.range(of: "%@") else { break }
            text.replaceSubrange(range, with: value)
        }
        return text
    }

    /// When even the site cannot be read: a page of its own, every language, nothing from the plan.
    static func plainErrorPage(_ refusal: Refusal, languages: [String]) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(languages[0])\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        html += SiteWords.word(refusal.title, language: languages[0]) + "</title></head>\n<body><main>\n"
        for language in languages {
            var text = SiteWords.word(refusal.text, language: language)
            for value in refusal.values {
                if let range = text.range(of: "%@") { text.replaceSubrange(range, with: value) }
            }
            html += "<section lang=\"\(language)\"><h1>\(SiteWords.word(refusal.title, language: language))</h1><p>\(text)</p></section>\n"
        }
        return html + "</main></body>\n</html>\n"
    }
}
