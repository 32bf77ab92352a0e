import ArgumentParser
import Localization
import Foundation
import PlanKit

struct Key: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "key",
            abstract: L("Manage the SSH key nap signs with (docs/SIGNING.md).").localized,
            discussion: L("""
            nap signs the commits, tags and record events it writes with an ed25519 key in OpenSSH format:
            NAP_SIGNING_KEY (a path, or `none`), else git's user.signingkey, else ~/.ssh/id_ed25519.
            """).localized,
            subcommands: [KeyGenerate.self, KeyShow.self, KeyAllowedSigners.self])
    }
}

struct KeyGenerate: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "generate",
            abstract: L("Create an ed25519 signing key (OpenSSH format, no passphrase).").localized,
            discussion: L("""
            Writes the private key (mode 0600) and PATH.pub; never overwrites a file. Register the public key with `nap member key <your id> PATH.pub` (in a proposal once the forum is founded).

            Examples:
              nap key generate
              nap key generate --path ~/.ssh/nap_ed25519 --comment chair@ndc.gov.tw
            """).localized)
    }

    @Option(help: ArgumentHelp(L("Where to write the private key (default ~/.ssh/id_ed25519)."), valueName: "path")) var path: String?
    @Option(help: ArgumentHelp(L("A comment stored with the key (often your email)."))) var comment: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let resolved = path.map { $0.hasPrefix("/") || $0.hasPrefix("~") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
        let generated = try SigningKey.generate(at: resolved, comment: comment ?? "", environment: environment)
        Console.out(L("Created \(generated.privatePath) (private, keep it secret) and \(generated.publicPath)."))
        Console.out(generated.publicKey.authorizedKeyLine)
        Console.out(L("fingerprint \(generated.publicKey.fingerprint)"))
        Console.out("")
        Console.out(L("Register it: nap member key <your member id> \(generated.publicPath)"))
        if path != nil {
            Console.out(L("Sign with it: git config --global user.signingkey \(generated.privatePath)   (or NAP_SIGNING_KEY=\(generated.privatePath))"))
        }
    }
}

struct KeyShow: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: L("Show which key nap would sign with, and whether members.yml lists it for you.").localized,
            discussion: L("Examples:\n  nap key show\n  nap key show --json").localized)
    }

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/SIGNING.md)."))) var json = false

    struct Output: Encodable {
        let path: String?
        let origin: String?
        let publicKey: String?
        let fingerprint: String?
        let member: String?
        let registered: Bool?

        enum CodingKeys: String, CodingKey {
            case path, origin, fingerprint, member, registered
            case publicKey = "public_key"
        }

        /// Every field is written, null when unknown (the schema in docs/SIGNING.md).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(origin, forKey: .origin)
            try container.encode(publicKey, forKey: .publicKey)
            try container.encode(fingerprint, forKey: .fingerprint)
            try container.encode(member, forKey: .member)
            try container.encode(registered, forKey: .registered)
        }
    }

    func run() throws {
        let store = try? global.openPlan()
        let key: SigningKey?
        if let store {
            key = try store.signer.key()
        } else {
            key = try SigningKey.locate(environment: ProcessInfo.processInfo.environment, from: global.workingDirectory)
        }
        var member: Member?
        if let store, let email = try? store.identity().email {
            member = try store.currentMembers().member(email: email)
        }
        let registered = member.map { store?.registeredKey(of: $0) }.flatMap { $0 }
        if json {
            try JSONOutput.print(Output(path: key?.path, origin: key?.origin.rawValue, publicKey: key?.publicKey.authorizedKeyLine,
                                        fingerprint: key?.publicKey.fingerprint, member: member?.id,
                                        registered: key.flatMap { key in member.map { _ in registered == key.publicKey } }))
            return
        }
        guard let key else {
            Console.out(L("No signing key: what nap writes is unsigned."))
            Console.out(L("Create one with `nap key generate`, or point NAP_SIGNING_KEY or git's user.signingkey at an ed25519 key."))
            return
        }
        Console.out(L("Signing key: \(key.path) (from \(key.origin.rawValue))"))
        Console.out("  \(key.publicKey.authorizedKeyLine)")
        Console.out(L("  fingerprint \(key.publicKey.fingerprint)"))
        guard let member else {
            if store != nil { Console.out(L("You are not a member in members.yml on main: your signatures are checked but not attributed.")) }
            return
        }
        if registered == key.publicKey {
            Console.out(L("members.yml on main lists this key for \(SafeText.line(member.name)) (\(member.id))."))
        } else if let registered {
            Console.out(L("WARNING: members.yml on main lists another key for \(SafeText.line(member.name)) (\(member.id)): \(registered.fingerprint)."))
        } else {
            Console.out(L("members.yml on main lists no key for \(SafeText.line(member.name)) (\(member.id)); register it: nap member key \(member.id) \(key.path).pub"))
        }
    }
}

struct KeyAllowedSigners: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "allowed-signers",
            abstract: L("Write the allowed-signers file for stock git and ssh-keygen, from members.yml on main.").localized,
            discussion: L("""
            Writes .git/nap/allowed_signers and a copy at .nap/allowed_signers (kept out of git). With --configure, also sets gpg.format=ssh and gpg.ssh.allowedSignersFile in this repository, so that `git log --show-signature`, `git verify-commit` and `git verify-tag` check nap's signatures.

            Examples:
              nap key allowed-signers --configure
              git -c gpg.format=ssh -c gpg.ssh.allowedSignersFile=.nap/allowed_signers verify-commit main
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(L("Set gpg.format and gpg.ssh.allowedSignersFile in .git/config."))) var configure = false

    func run() throws {
        let store = try global.openPlan()
        let files = try store.writeAllowedSigners()
        for skipped in files.skipped { Console.err(L("nap: warning: left out \(SafeText.line(skipped))")) }
        Console.out(Message.plural(files.count, one: L("Wrote 1 key to \(files.gitPath) and \(files.workTreePath)."),
                                   other: L("Wrote \(files.count) keys to \(files.gitPath) and \(files.workTreePath).")))
        if configure {
            try store.configureSignatureChecking(allowedSigners: files.gitPath)
            Console.out(L("git in this repository now checks signatures with it (gpg.format=ssh, gpg.ssh.allowedSignersFile)."))
        } else {
            Console.out(L("Check with stock git: git -c gpg.format=ssh -c gpg.ssh.allowedSignersFile=\(files.gitPath) log --show-signature"))
        }
    }
}

struct MemberKey: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "key",
            abstract: L("Set a member's public key in members.yml in the working tree.").localized,
            discussion: L("""
            Adds (or replaces) the member's `key:` line. Save it with `nap save` before the forum is founded; afterwards a key change is a change to members.yml like any other: make it in a proposal, which both co-chairs approve (signed with the keys in force until then).

            Example:
              nap member key ndc-chair ~/.ssh/id_ed25519.pub
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The member's id."))) var id: String
    @Argument(help: ArgumentHelp(L("The member's public key file (ssh-ed25519)."), valueName: "file.pub")) var file: String

    func run() throws {
        let store = try global.openPlan()
        let key = try SigningKey.readPublicKey(file: file)
        let member = try store.setMemberKey(id: id, key: key)
        _ = try? store.writeAllowedSigners()
        Console.out(L("Set the key of \(SafeText.line(member.name)) (\(member.id)) to \(key.fingerprint) in members.yml."))
        Console.out(L("Save it with `nap save` (before the forum is founded) or in a proposal."))
    }
}
