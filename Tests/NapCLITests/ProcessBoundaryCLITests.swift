import Foundation
import NapTestSupport
import Testing

/// Where nap meets other processes and the file system: the credential helper, a reader that goes away,
/// a terminal, YAML written to hurt, symbolic links, and paths that cannot be written.
@Suite struct ProcessBoundaryCLITests {
    /// A URL whose user name decodes to a line break would make git's credential helper read a second
    /// `host=` line (CVE-2020-5260). nap refuses it before running `git credential`, and says so.
    @Test func syncRefusesAnAddressThatWouldInjectCredentialLines() throws {
        let h = try NapHarness.founded("nap-boundary")
        let log = h.sandbox.path("helper-ran")
        let helper = h.sandbox.path("helper.sh")
        // Were it asked, it would answer (so git never prompts), and leave a trace.
        try Data("#!/bin/sh\necho \"$@\" >> '\(log)'\necho username=wang\necho password=s3cret\n".utf8).write(to: URL(fileURLWithPath: helper))
        #expect(chmod(helper, 0o755) == 0)
        try h.sandbox.gitOK(["config", "--global", "credential.helper", helper], in: h.sandbox.root.path)
        let wall = try PasswordWall()
        let url = wall.url.replacingOccurrences(of: "http://", with: "http://wang%0ahost=attacker.example@")
        let sync = try h.nap(["sync", url])
        #expect(sync.status == 1, "\(sync.stderr)")
        #expect(sync.stderr.contains("nap: error: the remote's address has a line break or NUL character in its user name"), "\(sync.stderr)")
        #expect(sync.stderr.contains("hint: ") && sync.stderr.contains("no credentials were sent"))
        #expect(!sync.stderr.contains("s3cret"))
        #expect(!FileManager.default.fileExists(atPath: log), "git credential ran for an unsafe request")
        #expect(wall.requestCount >= 1, "the server asked for a password")
    }

    /// `nap proposals | head -1`: once the reader has gone, nap ends quietly (SIGPIPE, as git does, or
    /// 0), never by a trap in Foundation with "Fatal error" on standard error.
    @Test func aClosedOutputPipeEndsQuietly() throws {
        let h = try ProposalCLITests.withProposal()
        for slug in ["open-data", "lobbying-register", "beneficial-ownership"] {
            try h.ok(["propose", slug, "--title", "提案 \(slug)"], as: .wang)
        }
        try h.ok(["comment", "political-donations", "-m", String(repeating: "請補充電子申報的時程。", count: 400)], as: .citizen)
        let commands: [[String]] = [
            ["proposals"], ["proposals", "--json"], ["show", "political-donations"], ["show", "political-donations", "--json"],
            ["render", "political-donations", "--format", "html"], ["report", "responses"], ["validate"], ["inbox"],
        ]
        for arguments in commands {
            for closed in [ChildProcess.Stream.output, .error] where closed == .output || arguments == ["proposals"] {
                let ending = try ChildProcess.runWithClosed(closed, h, arguments)
                let quiet = ending.reason == .exit ? ending.status == 0 : ending.status == SIGPIPE
                #expect(quiet, "nap \(arguments.joined(separator: " ")) with \(closed) closed ended by \(ending.reason == .exit ? "exit" : "signal") \(ending.status): \(ending.stderr)")
                #expect(!ending.stderr.contains("Fatal error"), "\(arguments): \(ending.stderr)")
            }
        }
        // A command whose output is an error, with standard error closed.
        let failing = try ChildProcess.runWithClosed(.error, h, ["show", "no-such-proposal"])
        #expect(failing.reason == .exit ? failing.status == 1 : failing.status == SIGPIPE)
    }

    /// Comment text reaches the report as it was written. A terminal shows its control characters as
    /// visible escapes (a comment must not retitle or clear the reader's terminal); a file or a pipe
    /// gets the data unchanged.
    @Test func reportResponsesNeverDrivesTheTerminal() throws {
        let h = try ProposalCLITests.withProposal()
        try h.ok(["comment", "political-donations", "-m", "標題 \u{1b}]0;pwned\u{07} 清除 \u{1b}[2J 完"], as: .citizen)
        for format in ["markdown", "csv", "html"] {
            let shown = try ChildProcess.runOnTerminal(h, ["report", "responses", "--format", format])
            #expect(shown.reason == .exit && shown.status == 0, "\(format): \(shown.stdout)")
            #expect(shown.stdout.contains("pwned"), "\(format)")
            #expect(!shown.stdout.contains("\u{1b}"), "\(format): a raw ESC reached the terminal")
            #expect(!shown.stdout.contains("\u{07}"), "\(format): a raw BEL reached the terminal")
            // (HTML has no control characters at all: its writer puts U+FFFD in their place.)
            #expect(format == "html" || shown.stdout.contains("\\u{1B}"), "\(format): the escape is shown")
        }
        let piped = try h.ok(["report", "responses", "--format", "csv"])
        #expect(piped.contains("\u{1b}]0;pwned\u{07}"))
        #expect(piped.contains("\u{1b}[2J"))
        try h.ok(["report", "responses", "--format", "csv", "-o", "responses.csv"])
        let file = try h.read("responses.csv")
        #expect(file.contains("\u{1b}]0;pwned\u{07}") && file.contains("\u{1b}[2J"))
    }

    /// Nested anchors and aliases: a few hundred bytes that expand to 10^10 nodes (and, used as a key,
    /// make the YAML library hash every one of them). Refused at the first anchor, at once.
    @Test func nestedYAMLAliasesAreRefusedAtTheirPlace() throws {
        let h = try NapHarness("nap-boundary")
        try h.ok(["init", h.plan, "--title-zh", "方案", "--title-en", "Plan", "--period", "2025-01..2028-12"], plan: false)
        let plan = try h.read("plan.yml")
        let bomb = Self.billionLaughs(indent: "  ")
        try h.write("plan.yml", plan + "laughs:\n" + bomb)
        let anchorLine = plan.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        let message = "error: YAML anchors and aliases (&name, *name) are not allowed in nap's files"
        let validate = try ChildProcess.run(h, ["validate"], within: 30)
        #expect(!validate.timedOut, "nap validate was still expanding aliases after 30 s")
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("plan.yml:\(anchorLine):7: \(message)"), "\(validate.stdout)")
        // Committed, then read from the commit by render and validate.
        try h.ok(["save", "-m", "laughs"])
        let render = try ChildProcess.run(h, ["render", "--format", "html", "-o", "plan.html"], within: 30)
        #expect(!render.timedOut, "nap render was still expanding aliases after 30 s")
        #expect(render.status == 1, "\(render.stderr)")
        #expect(render.stderr.contains("plan.yml:\(anchorLine):7: \(message)"), "\(render.stderr)")
        #expect(!FileManager.default.fileExists(atPath: h.plan + "/plan.html"))
        let committed = try ChildProcess.run(h, ["validate", "main"], within: 30)
        #expect(committed.stdout.contains("plan.yml:\(anchorLine):7: \(message)"), "\(committed.stdout)")
        // In a commitment's front matter, and as a merge key, too.
        try h.write("commitments/laughs.md", "---\nid: laughs\n<<: &base {id: x}\n---\n")
        let commitment = try ChildProcess.run(h, ["validate"], within: 30)
        #expect(commitment.stdout.contains("commitments/laughs.md:3:5: \(message)"), "\(commitment.stdout)")
    }

    /// Ten levels of ten aliases each, the last used as a mapping key.
    static func billionLaughs(indent: String) -> String {
        var lines = [indent + "l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...9 {
            lines.append(indent + "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append(indent + "key: {*l9 : 1}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A plan file that is a symbolic link out of the plan (a private key, git's own config) is never
    /// read, and never saved: whoever checked it out would publish a file of theirs.
    @Test func symbolicLinksOutOfThePlanAreNeitherReadNorSaved() throws {
        let h = try ProposalCLITests.withProposal()
        let secret = h.sandbox.path("id_ed25519")
        try Data("-----BEGIN OPENSSH PRIVATE KEY-----\nSECRET\n".utf8).write(to: URL(fileURLWithPath: secret))
        try FileManager.default.createSymbolicLink(atPath: h.plan + "/commitments/leak.md", withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: h.plan + "/commitments/config.md", withDestinationPath: "../.git/config")
        let validate = try h.nap(["validate"])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("commitments/leak.md:1:1: error: commitments/leak.md is a symbolic link to a file outside the plan (\(secret))"),
                "\(validate.stdout)")
        #expect(validate.stdout.contains("commitments/config.md:1:1: error: commitments/config.md is a symbolic link to a file outside the plan (../.git/config)"))
        #expect(!validate.stdout.contains("SECRET") && !validate.stdout.contains("OPENSSH"))

        let save = try h.nap(["save", "-m", "Add a commitment"], as: .wang)
        #expect(save.status == 1)
        #expect(save.stderr.contains("nap: error: commitments/") && save.stderr.contains("is a symbolic link to a file outside the plan"), "\(save.stderr)")
        #expect(save.stderr.contains("hint: replace the link with the file itself"))
        #expect(!(try h.git(["ls-tree", "-r", "--name-only", "HEAD"])).contains("leak.md"))

        // A linked folder, and a dangling link that would lead out on another machine.
        try FileManager.default.removeItem(atPath: h.plan + "/commitments/leak.md")
        try FileManager.default.removeItem(atPath: h.plan + "/commitments/config.md")
        try FileManager.default.removeItem(atPath: h.plan + "/GOVERNANCE.md")
        try FileManager.default.createSymbolicLink(atPath: h.plan + "/GOVERNANCE.md", withDestinationPath: "/nonexistent/.ssh/id_ed25519")
        let dangling = try h.nap(["save", "-m", "Governance"], as: .wang)
        #expect(dangling.status == 1 && dangling.stderr.contains("GOVERNANCE.md is a symbolic link to a file outside the plan"), "\(dangling.stderr)")
        try FileManager.default.removeItem(atPath: h.plan + "/GOVERNANCE.md")
        try h.git(["checkout", "--", "GOVERNANCE.md"])
        try FileManager.default.createDirectory(atPath: h.sandbox.path("elsewhere"), withIntermediateDirectories: true)
        try Data(donationCommitment(id: "elsewhere").utf8).write(to: URL(fileURLWithPath: h.sandbox.path("elsewhere/elsewhere.md")))
        try h.git(["rm", "-r", "-q", "commitments"])
        try FileManager.default.createSymbolicLink(atPath: h.plan + "/commitments", withDestinationPath: h.sandbox.path("elsewhere"))
        let folder = try h.nap(["validate"])
        #expect(folder.stdout.contains("commitments is a symbolic link to a folder outside the plan"), "\(folder.stdout)")
        let savedFolder = try h.nap(["save", "-m", "Move the commitments"], as: .wang)
        #expect(savedFolder.status == 1 && savedFolder.stderr.contains("commitments is a symbolic link to a folder outside the plan"), "\(savedFolder.stderr)")
    }

    /// Writing where nothing can be written says which path, why, and what to do, never Foundation's
    /// "The operation could not be completed. (NSCocoaErrorDomain error 512.)".
    @Test func unwritablePathsAreExplained() throws {
        let h = try NapHarness.founded("nap-boundary")
        let folder = h.sandbox.root.path
        let file = h.sandbox.path(".gitconfig")
        let cases: [(arguments: [String], message: String)] = [
            (["render", "-o", "/nonexistent/dir/plan.html"], "nap: error: cannot write /nonexistent/dir/plan.html: there is no such file or folder"),
            (["render", "--format", "html", "-o", folder], "nap: error: cannot write \(folder): it is a folder"),
            (["report", "responses", "-o", folder], "nap: error: cannot write \(folder): it is a folder"),
            (["report", "responses", "--format", "csv", "-o", file + "/responses.csv"], "nap: error: cannot write \(file)/responses.csv: there is no such file or folder"),
            (["key", "generate", "--path", file + "/keys/id_ed25519"], "nap: error: cannot create the folder \(file)/keys: a part of the path is a file, not a folder"),
            (["key", "generate", "--path", file + "/id_ed25519"], "nap: error: cannot write \(file)/id_ed25519: not a directory"),
        ]
        for (arguments, message) in cases {
            let result = try h.nap(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("\nhint: "), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("could not be completed"), "\(arguments): \(result.stderr)")
        }
    }
}
