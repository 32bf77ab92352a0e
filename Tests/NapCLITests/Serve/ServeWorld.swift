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
    let hosted: HostedPlan
    var h: NapHarness { hosted.h }
    /// The open proposal the tests comment on (by 王向榮), its title and the file it changes.
    static let slug = "political-donations"
    static let title = "政治獻金再透明化"
    static let file = "commitments/political-donations.md"

    /// A signed plan whose forum added a host (`web`) through the gate, with one open proposal. The
    /// copy the server runs in has the host's git identity and key, as `nap serve` is set up.
    static func plan(_ name: String = "nap-serve") throws -> ServeWorld {
        let hosted = try HostedPlan(name, hostAttestedApprovals: true)
        try hosted.proposal()
        try hosted.h.git(["config", "user.name", Person.webHost.name])
        try hosted.h.git(["config", "user.email", Person.webHost.email])
        try hosted.h.git(["config", "user.signingkey", hosted.hostKey])
        return ServeWorld(hosted: hosted)
    }

    func server(_ limits: ServeLimits = ServeLimits(), trustProxy: Bool = false) throws -> NapServe {
        try NapServe(options: ServeOptions(planPath: h.plan, host: "127.0.0.1", port: 0, trustProxy: trustProxy, limits: limits))
    }

    /// The comments `nap show` lists on the proposal.
    func comments() throws -> [[String: Any]] {
        try hosted.comments(Self.slug)
    }

    /// Runs nap as `person` in the plan, signing with their key (as the command line would, beside the server).
    @discardableResult
    func cli(_ arguments: [String], as person: Person) throws -> String {
        try hosted.s.ok(arguments, as: person)
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
