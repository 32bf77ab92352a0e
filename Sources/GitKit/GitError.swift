import CLibGit2

/// Every failure of a libgit2 call, as one error type: the return code, libgit2's error class and
/// message, and the libgit2 function that failed.
///
/// Callers branch on the few codes that mean something to them (`isNotFound`, `isExists`,
/// `isModified`, `isConflict`, `isUnbornBranch`) rather than on messages.
public struct GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libgit2's return code (`GIT_ENOTFOUND` is -3, `GIT_EEXISTS` -4, `GIT_EMODIFIED` -15, ...).
    public let code: Int32
    /// libgit2's error class (`GIT_ERROR_REFERENCE`, `GIT_ERROR_NET`, ...), or 0 when none was set.
    public let errorClass: Int32
    /// libgit2's own message, or a description of the failed call when libgit2 set none.
    public let message: String
    /// The libgit2 function (or GitKit operation) that failed.
    public let function: String

    public init(code: Int32, errorClass: Int32 = 0, message: String, function: String) {
        self.code = code
        self.errorClass = errorClass
        self.message = message
        self.function = function
    }

    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
    public var isExists: Bool { code == GIT_EEXISTS.rawValue }
    /// A compare-and-swap on a reference lost: someone else moved it first.
    public var isModified: Bool { code == GIT_EMODIFIED.rawValue }
    public var isConflict: Bool { code == GIT_ECONFLICT.rawValue || code == GIT_EMERGECONFLICT.rawValue }
    public var isUnbornBranch: Bool { code == GIT_EUNBORNBRANCH.rawValue }
    public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
    public var isAuthentication: Bool { code == GIT_EAUTH.rawValue }
    /// The server's identity was refused: an unknown or changed ssh host key, an untrusted TLS certificate.
    public var isServerIdentity: Bool { code == GIT_ECERTIFICATE.rawValue }
    public var isNetwork: Bool { errorClass == Int32(GIT_ERROR_NET.rawValue) || errorClass == Int32(GIT_ERROR_SSH.rawValue) || errorClass == Int32(GIT_ERROR_HTTP.rawValue) }
    /// A non-fast-forward update was refused.
    public var isNonFastForward: Bool { code == GIT_ENONFASTFORWARD.rawValue }

    public var description: String { "\(message) (\(function), code \(code))" }

    /// An error raised by GitKit itself rather than by libgit2.
    static func gitKit(_ message: String, code: Int32 = GIT_ERROR.rawValue, function: String = #function) -> GitError {
        GitError(code: code, message: message, function: function)
    }
}

/// Turns a libgit2 return code into a thrown `GitError`, capturing libgit2's thread-local message at once.
func check(_ result: Int32, _ function: StaticString = #function) throws {
    guard result < 0 else { return }
    let name = "\(function)"
    if let last = git_error_last() {
        let message = last.pointee.message.map { String(cString: $0) } ?? "libgit2 error"
        throw GitError(code: result, errorClass: last.pointee.klass, message: message, function: name)
    }
    throw GitError(code: result, message: "libgit2 call failed", function: name)
}
