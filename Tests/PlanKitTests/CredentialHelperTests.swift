import Foundation
import GitKit
import NapTestSupport
import PlanKit
import Testing

/// nap and `git credential`: what is sent (never a line break or NUL), and what the helpers are told
/// after the server's verdict (approve stores, reject erases). Real git, real helpers, an isolated HOME.
@Suite struct CredentialHelperTests {
    /// A sandbox whose git uses `helper` for credentials, and never prompts.
    private static func sandbox(helper: String) throws -> (Sandbox, [String: String]) {
        let sandbox = try Sandbox("nap-credentials")
        try sandbox.gitOK(["config", "--global", "credential.helper", helper], in: sandbox.root.path)
        return (sandbox, sandbox.environment(extra: ["GIT_TERMINAL_PROMPT": "0"]))
    }

    private static func passwordRequest(_ url: String, username: String? = nil) -> CredentialRequest {
        CredentialRequest(url: url, username: username, allowed: .userPassword)
    }

    /// CVE-2020-5260: a URL whose host, path or user name decodes to a line break would add
    /// `host=attacker.example` to what the helper reads, and get that site's password back.
    @Test func requestsWithALineBreakOrNULAreRefusedBeforeGitRuns() throws {
        let probe = try Sandbox("nap-credential-probe")
        let log = probe.path("helper-ran")
        let script = probe.path("helper.sh")
        try Data("#!/bin/sh\necho \"$@\" >> '\(log)'\ncat >> '\(log)'\n".utf8).write(to: URL(fileURLWithPath: script))
        #expect(chmod(script, 0o755) == 0)
        let (sandbox, env) = try Self.sandbox(helper: script)
        defer { withExtendedLifetime(sandbox) {} }
        let unsafe: [(url: String, username: String?, field: String)] = [
            ("https://wang%0ahost=attacker.example@hub.example/plan.git", nil, "user name"),
            ("https://hub.example%0ahost=attacker.example/plan.git", nil, "host name"),
            ("https://hub.example/plan.git%0ahost=attacker.example", nil, "path"),
            ("https://hub.example/plan%0d.git", nil, "path"),
            ("https://hub.example/pl%00an.git", nil, "path"),
            // The user name libgit2 decoded from the URL and passes on.
            ("https://hub.example/plan.git", "wang\nhost=attacker.example", "user name"),
        ]
        for request in unsafe {
            let error = #expect(throws: PlanError.self, "\(request.url)") {
                try GitCredentialHelper.credential(for: Self.passwordRequest(request.url, username: request.username), environment: env)
            }
            #expect(error?.description.contains("line break or NUL character in its \(request.field)") == true, "\(request.url): \(String(describing: error))")
            #expect(error?.description.contains("attacker") == false, "the value itself is not repeated")
        }
        #expect(!FileManager.default.fileExists(atPath: log), "git credential must not run for an unsafe request")
        // A safe request does ask the helper, with exactly the fields of the URL.
        #expect(try GitCredentialHelper.credential(for: Self.passwordRequest("https://hub.example:8443/g0v/plan.git"), environment: env) == nil)
        let asked = try String(contentsOfFile: log, encoding: .utf8)
        #expect(asked.contains("get"))
        #expect(asked.contains("protocol=https\nhost=hub.example:8443\n"))
        #expect(!asked.contains("attacker"))
        // Approve and reject are checked the same way.
        GitCredentialHelper.settle(Self.passwordRequest("https://hub.example%0ahost=attacker.example/plan.git"),
                                   .userPassword(username: "wang", password: "s3cret"), .accepted, environment: env)
        #expect(try String(contentsOfFile: log, encoding: .utf8) == asked)
    }

    /// As git does: a password the server accepted is given to `git credential approve` (the store
    /// helper writes it to ~/.git-credentials), one it refused to `git credential reject` (erased).
    @Test func approveStoresTheCredentialAndRejectErasesIt() throws {
        let (sandbox, env) = try Self.sandbox(helper: "store")
        let store = sandbox.path(".git-credentials")
        let request = Self.passwordRequest("https://hub.example/plan.git")
        let token = Credential.userPassword(username: "wang", password: "s3cret-token")
        #expect(try GitCredentialHelper.credential(for: request, environment: env) == nil)

        GitCredentialHelper.settle(request, token, .accepted, environment: env)
        #expect(try String(contentsOfFile: store, encoding: .utf8).contains("https://wang:s3cret-token@hub.example"))
        #expect(try GitCredentialHelper.credential(for: request, environment: env) == token)

        GitCredentialHelper.settle(request, token, .refused, environment: env)
        #expect(try String(contentsOfFile: store, encoding: .utf8).contains("s3cret-token") == false)
        #expect(try GitCredentialHelper.credential(for: request, environment: env) == nil)

        // The callbacks nap gives to fetch, push and clone do the same when GitKit reports the verdict.
        let callbacks = GitCredentialHelper.callbacks(environment: env)
        callbacks.verdict?(request, token, .accepted)
        #expect(try callbacks.credentials?(request) == token)
        callbacks.verdict?(request, token, .refused)
        #expect(try callbacks.credentials?(request) == nil)
    }
}
