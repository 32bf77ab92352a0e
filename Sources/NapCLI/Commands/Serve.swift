import ArgumentParser
import Foundation
import Localization
import NapServer
import PlanKit

struct Serve: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve",
            abstract: L("Serve the plan's site with forms: the public comments, members sign in with an invitation and act.").localized,
            discussion: L("""
            The same pages as `nap site`, rendered on request from the repository (and kept until a reference moves), plus: a "comment on this" form beside each paragraph and proposal for the public (a display name, and a contact address that is kept apart in .git/nap/private/ and never published); members sign in with a one-time link from `nap serve invite` and act by their role. Every write goes through the plan's rules and lands in its record. See docs/SERVE.md for hosting behind a TLS reverse proxy, as a systemd service, and the trust model.

            Examples:
              nap serve
              nap serve --listen 127.0.0.1:8080 --hub origin
              nap serve --listen 127.0.0.1:8080 --public-origin https://plan.example.gov.tw --trust-proxy
              nap serve invite ndc-chair
            """).localized,
            subcommands: [ServeRun.self, ServeInvite.self, ServeContacts.self],
            defaultSubcommand: ServeRun.self)
    }
}

struct ServeRun: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "run", abstract: L("Run the server (the default).").localized)
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("The address and port to listen on; port 0 picks a free one."), valueName: "host:port")) var listen = "127.0.0.1:8080"
    @Option(help: ArgumentHelp(L("Sync with this remote in the background: after each write and every --sync-interval seconds."), valueName: "remote")) var hub: String?
    @Option(help: ArgumentHelp(L("Seconds between background syncs (longer after failures)."), valueName: "seconds")) var syncInterval: Double = 60
    @Option(help: ArgumentHelp(L("The address people reach the server at, e.g. https://plan.example.gov.tw: posts must come from it; https makes cookies Secure."), valueName: "url")) var publicOrigin: String?
    @Flag(help: ArgumentHelp(L("Behind a reverse proxy on this machine: take the client's address from X-Forwarded-For (rate limits only) and TLS from X-Forwarded-Proto."))) var trustProxy = false
    @Option(help: ArgumentHelp(L("Posts one address may make in ten minutes."), valueName: "n")) var postsPerAddress = 10
    @Option(help: ArgumentHelp(L("Posts everyone together may make in ten minutes."), valueName: "n")) var postsOverall = 300

    func validate() throws {
        guard ServeRun.parseListen(listen) != nil else { throw ValidationError(L("--listen must be host:port, e.g. 127.0.0.1:8080").localized) }
        if let publicOrigin, !(publicOrigin.hasPrefix("https://") || publicOrigin.hasPrefix("http://")) || publicOrigin.contains(where: \.isWhitespace) {
            throw ValidationError(L("--public-origin must be an http(s) address, e.g. https://plan.example.gov.tw").localized)
        }
        guard syncInterval >= 1, postsPerAddress >= 1, postsOverall >= 1 else { throw ValidationError(L("intervals and limits must be at least 1").localized) }
    }

    static func parseListen(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    func run() throws {
        guard let (host, port) = ServeRun.parseListen(listen) else { throw ValidationError(L("--listen must be host:port").localized) }
        let limits = ServeLimits(postsPerAddress: postsPerAddress, postsOverall: postsOverall)
        let options = ServeOptions(planPath: global.workingDirectory, host: host, port: port, hub: hub, publicOrigin: publicOrigin,
                                   trustProxy: trustProxy, limits: limits, syncInterval: syncInterval)
        let server = try NapServe(options: options)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { port in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    Console.out(L("nap serve: listening on http://\(shown):\(port)/ (stop with Ctrl-C)"))
                }
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            throw PlanError.converting(error) ?? PlanError.refused(reason: L("the server stopped: \(String(describing: error))"), hint: nil)
        }
    }
}

/// What the server's task ended with, handed to the thread that waits for it.
final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    func set(_ error: Error) {
        lock.lock()
        stored = error
        lock.unlock()
    }

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

struct ServeInvite: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "invite",
            abstract: L("Make a one-time sign-in link for a member.").localized,
            discussion: L("""
            The link signs the member in once, within --hours (default 72). Only a digest of it is kept (.git/nap/private/invitations.json); give the link to the member over a channel you trust. Run it in the copy the server serves.

            Examples:
              nap serve invite ndc-chair --base-url https://plan.example.gov.tw
              nap serve invite cso-chair -o invite.txt
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The member's id in members.yml."))) var member: String
    @Option(help: ArgumentHelp(L("The server's public address."), valueName: "url")) var baseURL = "http://127.0.0.1:8080"
    @Option(help: ArgumentHelp(L("Hours the link is good for."), valueName: "hours")) var hours: Double = 72
    @Option(help: ArgumentHelp(L("The language of the sign-in page (default: the plan's first)."), valueName: "lang")) var lang: String?
    @Option(name: .shortAndLong, help: ArgumentHelp(L("Write the link to this file (owner-only) instead of printing it."), valueName: "file")) var output: String?

    func validate() throws {
        guard hours > 0, hours <= 24 * 30 else { throw ValidationError(L("--hours must be between 0 and 720").localized) }
        guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else { throw ValidationError(L("--base-url must be an http(s) address").localized) }
    }

    func run() throws {
        let store = try global.openPlan()
        let (token, expires) = try Invitations.create(for: member, in: store, lifetime: hours * 3600)
        let planLanguage = try store.planDocument(at: "main").plan.languages.first
        let language = lang ?? planLanguage ?? "zh-Hant"
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let link = "\(base)/\(language)/sign-in?token=\(token)"
        if let output {
            let path = output.hasPrefix("/") ? output : global.workingDirectory + "/" + output
            guard FileManager.default.createFile(atPath: path, contents: Data((link + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
                throw PlanError.refused(reason: L("cannot write \(output)"), hint: nil)
            }
            Console.out(L("Wrote the sign-in link for \(SafeText.line(member)) to \(SafeText.line(output)); it works once, until \(Timestamp.format(expires))."))
        } else {
            Console.out(link)
            Console.err(L("This link signs \(SafeText.line(member)) in once, until \(Timestamp.format(expires)). Give it only to them."))
        }
    }
}

struct ServeContacts: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "contacts",
            abstract: L("List the contact addresses the public left with their comments (never published).").localized,
            discussion: L("For the government's reply by mail: one line per comment with an address — the comment's id, its proposal, the display name and the address. Kept in .git/nap/private/contacts.jsonl of the copy the server runs in.").localized)
    }

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openPlan()
        for entry in try PublicContacts.all(in: store) {
            Console.out([entry.event.prefix(12).description, entry.proposal.prefix(12).description, SafeText.line(entry.name), SafeText.line(entry.contact)]
                .joined(separator: "\t"))
        }
    }
}
