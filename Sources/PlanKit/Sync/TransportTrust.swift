import Foundation
import GitKit
import Localization

/// Which certificate authorities https remotes are checked against, found where git finds them:
/// `GIT_SSL_CAINFO`, then `http.sslCAInfo` (this repository's configuration, or the user's), then
/// OpenSSL's `SSL_CERT_FILE`; else the system's bundle (/etc/ssl/certs/ca-certificates.crt). A file named
/// replaces the system's bundle, as it does for git. There is no way to switch checking off
/// (`http.sslVerify=false` is ignored).
enum TransportTrust {
    /// The file of certificate authorities to trust; nil: the system's.
    static func authoritiesFile(_ repository: Repository?, environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, from: String)? {
        if let file = environment["GIT_SSL_CAINFO"], !file.isEmpty { return (file, "GIT_SSL_CAINFO") }
        let configured = (try? repository?.configString("http.sslCAInfo")) ?? (try? LibGit2.userConfigString("http.sslCAInfo"))
        if let file = configured ?? nil, !file.isEmpty {
            let home = KnownHosts.home
            return (file.hasPrefix("~/") ? home + file.dropFirst() : file, "http.sslCAInfo")
        }
        if let file = environment["SSL_CERT_FILE"], !file.isEmpty { return (file, "SSL_CERT_FILE") }
        return nil
    }

    /// Makes this process's https transfers trust the configured authorities; a file that cannot be
    /// read is a clear refusal, before anything is sent.
    static func apply(_ repository: Repository?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let (path, source) = authoritiesFile(repository, environment: environment) else { return }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw PlanError.refused(reason: L("\(source) names \(path) as the certificate authorities to trust, and it cannot be read"),
                                    hint: L("correct \(source) or give the file"))
        }
        do {
            try LibGit2.trustCertificateAuthorities(inFile: path)
        } catch let error as GitError {
            throw PlanError.refused(reason: L("the certificate authorities in \(path) (\(source)) cannot be loaded: \(error.message)"),
                                    hint: L("give a file of PEM certificates"))
        }
    }

    /// The error for a transfer that failed: the server's identity refused, credentials refused, or
    /// the remote unreachable. `place` names the remote; `action` says what failed ("cannot reach …").
    static func failure(_ error: GitError, place: String, url: String, action: Message) -> PlanError {
        let place = ShownAddress.scrub(ShownAddress.of(place), of: url)
        let error = GitError(code: error.code, errorClass: error.errorClass, message: ShownAddress.scrub(error.message, of: url), function: error.function)
        let ssh = !url.hasPrefix("http") && Remote.localPath(of: url) == nil && !url.hasPrefix("git://")
        if error.isServerIdentity {
            return .refused(reason: L("\(place): \(error.message)"),
                            hint: ssh ? L("check the host key with the server's administrator; nothing was sent and this copy is intact")
                                : L("if the hub uses its own certificate authority, point git at it: `git config --global http.sslCAInfo <ca.pem>`; nothing was sent and this copy is intact"))
        }
        if error.isAuthentication {
            return .refused(reason: L("authentication failed for \(place): \(error.message)"),
                            hint: ssh ? L("add your key to ssh-agent (`ssh-add`) or put it in ~/.ssh/id_ed25519, and make sure the server knows its public key")
                                : L("set up a credential helper (`git config --global credential.helper …`) and use an access token as the password"))
        }
        return .refused(reason: L("\(action) \(place): \(error.message)"),
                        hint: L("check the address and the network, then run it again; this copy is intact and nothing is lost"))
    }
}
