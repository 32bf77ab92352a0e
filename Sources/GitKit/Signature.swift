import CLibGit2
import Foundation

/// Who did something and when: a git author, committer or tagger. A plain value.
public struct Signature: Sendable, Equatable, Codable {
    public var name: String
    public var email: String
    public var time: Date
    /// Minutes east of UTC.
    public var timeZoneOffset: Int

    public init(name: String, email: String, time: Date = Date(), timeZoneOffset: Int? = nil) {
        self.name = name
        self.email = email
        self.time = Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down))
        self.timeZoneOffset = timeZoneOffset ?? TimeZone.current.secondsFromGMT(for: time) / 60
    }

    init(_ raw: UnsafePointer<git_signature>) {
        name = text(raw.pointee.name)
        email = text(raw.pointee.email)
        time = Date(timeIntervalSince1970: TimeInterval(raw.pointee.when.time))
        timeZoneOffset = Int(raw.pointee.when.offset)
    }

    /// Runs `body` with a libgit2 signature built from this value.
    func withRaw<R>(_ body: (UnsafePointer<git_signature>) throws -> R) throws -> R {
        var sig: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&sig, name, email, git_time_t(time.timeIntervalSince1970), Int32(timeZoneOffset)), "git_signature_new")
        guard let sig else { throw GitError.gitKit("libgit2 returned no signature") }
        defer { git_signature_free(sig) }
        return try body(sig)
    }

    /// The `Name <email> 1700000000 +0800` form git writes in objects.
    public var gitFormat: String {
        let sign = timeZoneOffset < 0 ? "-" : "+"
        let minutes = abs(timeZoneOffset)
        let zone = sign + String(format: "%02d%02d", minutes / 60, minutes % 60)
        return "\(name) <\(email)> \(Int64(time.timeIntervalSince1970)) \(zone)"
    }
}

extension Repository {
    /// The identity configured for this repository (`user.name`, `user.email`), or nil when unset.
    public func defaultSignature() -> Signature? {
        var sig: UnsafeMutablePointer<git_signature>?
        guard git_signature_default(&sig, pointer) == 0, let sig else { return nil }
        defer { git_signature_free(sig) }
        return Signature(sig)
    }
}
