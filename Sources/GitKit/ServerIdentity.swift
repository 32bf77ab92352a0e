import CLibGit2

/// The host key an ssh server showed, as libgit2 reports it before any credential is sent.
public struct SSHHostKey: Sendable, Equatable {
    /// The host name or address as written in the URL.
    public let host: String
    /// The port from the URL, when it names one (ssh's default is 22).
    public let port: Int?
    /// The key's type as known_hosts writes it (`ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`); empty
    /// when libgit2 could not tell.
    public let type: String
    /// The key in ssh's wire format: the bytes a known_hosts line holds in base64.
    public let blob: [UInt8]

    public init(host: String, port: Int?, type: String, blob: [UInt8]) {
        self.host = host
        self.port = port
        self.type = type
        self.blob = blob
    }

    /// The name known_hosts files use for this host: `host`, or `[host]:port` for another port than 22.
    public var knownHostsName: String {
        guard let port, port != 22 else { return host }
        return "[\(host)]:\(port)"
    }
}

/// What to make of an ssh server's host key.
public enum HostKeyVerdict: Sendable, Equatable {
    /// The key is the one known for this host: go on.
    case trusted
    /// Stop before sending anything; the reason says why (unknown host, another key than the one known).
    case refused(String)
}

extension SSHHostKey {
    /// The key libgit2 hands to the certificate callback; nil when it carries no raw key.
    init?(_ cert: UnsafePointer<git_cert_hostkey>, url: String?) {
        let hostkey = cert.pointee
        guard hostkey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostkey.hostkey, hostkey.hostkey_len > 0 else { return nil }
        let blob = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: hostkey.hostkey_len))
        let (host, port) = SSHHostKey.hostAndPort(of: url ?? "")
        self.init(host: host ?? "", port: port, type: SSHHostKey.typeName(hostkey.raw_type), blob: blob)
    }

    static func typeName(_ type: git_cert_ssh_raw_type_t) -> String {
        switch type {
        case GIT_CERT_SSH_RAW_TYPE_RSA: "ssh-rsa"
        case GIT_CERT_SSH_RAW_TYPE_DSS: "ssh-dss"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_256: "ecdsa-sha2-nistp256"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_384: "ecdsa-sha2-nistp384"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_521: "ecdsa-sha2-nistp521"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ED25519: "ssh-ed25519"
        default: ""
        }
    }

    /// The host and port of an ssh URL: `ssh://[user@]host[:port]/path` or scp-like `[user@]host:path`.
    public static func hostAndPort(of url: String) -> (host: String?, port: Int?) {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            let authority = rest.prefix { $0 != "/" }
            let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
            if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
                let host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
                let after = hostPort[hostPort.index(after: close)...]
                return (String(host), after.hasPrefix(":") ? Int(after.dropFirst()) : nil)
            }
            let parts = hostPort.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            return (parts.first.map(String.init), parts.count > 1 ? Int(parts[1]) : nil)
        }
        let beforePath = rest.prefix { $0 != ":" }
        let host = beforePath.split(separator: "@", omittingEmptySubsequences: false).last ?? beforePath
        return (String(host), nil)
    }
}
