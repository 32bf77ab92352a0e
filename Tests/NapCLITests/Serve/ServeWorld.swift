import Foundation
import Hummingbird
import HummingbirdTesting
import NapServer
import NapTestSupport
import Testing

/// A real plan for the server's tests (made with the `nap` binary) and the way to talk to the server
/// through HummingbirdTesting as a browser would: with its cookie, the CSRF token of the form it
/// loaded, and the Origin a browser sends.
struct ServeWorld: Sendable {
    let h: NapHarness
    /// The open proposal the tests comment on, its title and the file it changes.
    static let slug = "open-data"
    static let title = "Open data"
    static let file = "commitments/open-data.md"

    /// A founded plan with one open proposal (open-data, by the ministry) that adds a commitment. The
    /// server writes as the plan's host identity (the repository's git user).
    static func plan(_ name: String = "nap-serve") throws -> ServeWorld {
        let h = try NapHarness.founded(name)
        try h.ok(["propose", "open-data", "--title", "Open data", "--description", "More datasets."], as: .ministry)
        try h.write("commitments/open-data.md", donationCommitment(id: "open-data"))
        try h.ok(["save", "-m", "Add open data"], as: .ministry)
        try h.git(["config", "user.name", "Plan host"])
        try h.git(["config", "user.email", "host@plan.example"])
        return ServeWorld(h: h)
    }

    func server(_ limits: ServeLimits = ServeLimits(), trustProxy: Bool = false) throws -> NapServe {
        try NapServe(options: ServeOptions(planPath: h.plan, host: "127.0.0.1", port: 0, trustProxy: trustProxy, limits: limits))
    }

    /// The comments `nap show` lists on open-data.
    func comments() throws -> [[String: Any]] {
        let show = try #require(try h.json(["show", Self.slug]) as? [String: Any])
        return try #require(show["comments"] as? [[String: Any]])
    }

    /// Runs nap as `person` in the plan (as the command line would, beside the server).
    @discardableResult
    func cli(_ arguments: [String], as person: Person) throws -> String {
        try h.ok(arguments, as: person)
    }

    /// The private folder of the plan.
    var privateFolder: String { h.plan + "/.git/nap/private/" }
}

/// What a browser keeps between requests.
struct Browser: Sendable {
    var cookie: String?
    static let origin = "http://localhost"

    /// The session cookie a response sets, when it sets one.
    mutating func keep(_ response: TestResponse) {
        for value in response.headers[values: .setCookie] {
            if let pair = value.split(separator: ";").first, pair.hasPrefix("nap_session=") {
                cookie = String(pair)
            }
        }
    }

    func headers(origin: String? = Browser.origin, form: Bool = false, extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        if let cookie { headers[.cookie] = cookie }
        if let origin { headers[.origin] = origin }
        if form { headers[.contentType] = "application/x-www-form-urlencoded" }
        return headers
    }

    /// The value of a hidden input in a page.
    static func hidden(_ name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = page[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// A form body, each value percent-encoded.
    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let text = fields.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        return ByteBuffer(string: text)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

typealias HeaderName = HTTPFields.Element.Name
